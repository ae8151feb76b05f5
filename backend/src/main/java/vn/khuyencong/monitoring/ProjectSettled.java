package vn.khuyencong.monitoring;

import java.time.LocalDate;
import java.util.UUID;

/** A project ended (accepted or terminated) and its settlement figures were frozen. */
public record ProjectSettled(
        UUID dossierId, String outcome, long totalSupportPaid, long counterpartRealised, LocalDate settledOn) {}
