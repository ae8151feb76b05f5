package vn.khuyencong.catalog;

import java.time.LocalDate;

/**
 * How much of the approved support may be advanced for a kind of support (Circular 36/2013/TT-BCT Art. 13): up to
 * {@code maxPercent}%, once the value of the work done exceeds {@code progressOverPercent}% of the total budget
 * (null: at any time).
 */
public record AdvanceRule(
        String kindCode, LocalDate effectiveFrom, int maxPercent, Integer progressOverPercent, String legalBasis) {

    /** The most that may be advanced in total on {@code approvedAmount}, in whole VND (rounded down). */
    public long ceiling(long approvedAmount) {
        return Math.multiplyExact(approvedAmount, (long) maxPercent) / 100;
    }
}
