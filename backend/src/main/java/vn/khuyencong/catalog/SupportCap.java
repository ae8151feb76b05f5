package vn.khuyencong.catalog;

import java.time.LocalDate;

/**
 * The most the state pays for a kind of support from a date: a share of the total budget and, where set, an
 * amount; a project in a priority area may receive up to {@code priorityPercent}% of it.
 */
public record SupportCap(
        String kindCode, LocalDate effectiveFrom, LocalDate effectiveTo, int maxPercent, Long maxAmount) {

    /** The cap in whole VND for a project of {@code totalBudget}, raised for priority areas. */
    public long capFor(long totalBudget, boolean priorityArea, int priorityPercent) {
        long cap = Math.multiplyExact(totalBudget, (long) maxPercent) / 100;
        if (maxAmount != null) {
            cap = Math.min(cap, maxAmount);
        }
        if (priorityArea) {
            cap = Math.multiplyExact(cap, (long) priorityPercent) / 100;
        }
        return Math.min(cap, totalBudget);
    }
}
