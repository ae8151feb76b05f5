package vn.khuyencong.catalog;

/** A province or a commune (after the 2025 reform there are no districts). */
public record AdministrativeUnit(String code, String name, String level, String parentCode, boolean priorityArea) {}
