package vn.khuyencong.monitoring;

import static vn.khuyencong.shared.Texts.vnd;

import java.util.List;
import vn.khuyencong.catalog.AdvanceRule;
import vn.khuyencong.shared.ProblemException;
import vn.khuyencong.shared.ProblemException.FieldProblem;

/**
 * The money rules of a monitored project, on figures the use case has read: advances within the catalogue's
 * advance rule (Circular 36/2013/TT-BCT Art. 13), advances and payments together within the approved support, and
 * an approved budget change neither below what was paid nor above the support cap. Each refusal names its rule.
 */
final class MoneyPolicy {

    private MoneyPolicy() {}

    /**
     * Whether the value of the work done exceeds {@code percent}% of the total budget: exactly {@code percent}% is
     * not yet over it, and a project without a total budget or without a report never is.
     */
    static boolean progressOver(Long totalBudget, Long workDone, int percent) {
        long total = totalBudget == null ? 0 : totalBudget;
        return total > 0
                && workDone != null
                && Math.multiplyExact(workDone, 100L) > Math.multiplyExact(total, (long) percent);
    }

    /**
     * An advance of {@code amount}: only once the work done is over the rule's threshold (if it has one), and all
     * advances together within the rule's share of the approved amount.
     *
     * @param progressReached what {@link #progressOver} says of the latest report, for the rule's threshold
     * @param progress how the refusal words the latest progress ("75%", "chưa có báo cáo")
     */
    static void checkAdvance(
            AdvanceRule rule,
            long approvedAmount,
            long advancesPaid,
            long amount,
            boolean progressReached,
            String progress) {
        if (rule.progressOverPercent() != null && !progressReached) {
            throw ProblemException.ruleViolated(
                    "advance-progress",
                    "Chỉ được tạm ứng khi giá trị khối lượng đã "
                            + "thực hiện vượt " + rule.progressOverPercent()
                            + "% tổng vốn đầu tư của đề án (theo báo cáo "
                            + "tiến độ mới nhất: " + progress + "). Căn cứ: " + rule.legalBasis()
                            + ".",
                    List.of(new FieldProblem("amount", "Chưa đủ điều kiện tạm ứng.")));
        }
        long ceiling = rule.ceiling(approvedAmount);
        if (advancesPaid + amount > ceiling) {
            throw ProblemException.ruleViolated(
                    "advance-ceiling",
                    "Tổng tạm ứng không được vượt "
                            + rule.maxPercent() + "% kinh phí được phê duyệt, tức " + vnd(ceiling) + " (đã tạm ứng "
                            + vnd(advancesPaid) + "). Căn cứ: " + rule.legalBasis() + ".",
                    List.of(new FieldProblem("amount", "Không quá " + vnd(Math.max(0, ceiling - advancesPaid)) + ".")));
        }
    }

    /** Advances and payments together, {@code amount} included, within the approved amount. */
    static void checkWithinApproved(long approvedAmount, long paid, long amount) {
        if (paid + amount > approvedAmount) {
            throw ProblemException.ruleViolated(
                    "total-within-approved",
                    "Tổng tạm ứng và thanh toán không được vượt " + "kinh phí được phê duyệt " + vnd(approvedAmount)
                            + " (đã chi " + vnd(paid) + ").",
                    List.of(new FieldProblem("amount", "Không quá " + vnd(Math.max(0, approvedAmount - paid)) + ".")));
        }
    }

    /** A budget change, before it is approved: not below what was already advanced and paid. */
    static void checkBudgetCoversPaid(long proposedAmount, long paid) {
        if (proposedAmount < paid) {
            throw ProblemException.ruleViolated(
                    "budget-below-paid",
                    "Kinh phí điều chỉnh " + vnd(proposedAmount) + " thấp hơn số đã tạm ứng và thanh toán " + vnd(paid)
                            + ".");
        }
    }

    /** A budget change, before it is approved: not above the support cap of the kind of support (null: no cap). */
    static void checkBudgetWithinCap(long proposedAmount, Long supportCap) {
        if (supportCap != null && proposedAmount > supportCap) {
            throw ProblemException.ruleViolated(
                    "support-cap",
                    "Kinh phí điều chỉnh vượt mức hỗ trợ tối đa " + vnd(supportCap) + " cho loại hỗ trợ này.");
        }
    }
}
