package vn.khuyencong.catalog;

import java.time.LocalDate;

/** A public holiday: not a working day. */
public record Holiday(LocalDate day, String name) {}
