package vn.khuyencong.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import vn.khuyencong.catalog.AdvanceRule;
import vn.khuyencong.shared.ProblemException;

/**
 * The money rules on the figures of the fixtures' machinery project: total budget 400 million, approved support
 * 100 million, advances up to 70% once the work done exceeds 70% of the total budget.
 */
class MoneyPolicyTests {

    static final long BUDGET = 400_000_000L;
    static final long APPROVED = 100_000_000L;
    static final AdvanceRule MACHINERY =
            new AdvanceRule("MACHINERY", LocalDate.of(2013, 1, 1), 70, 70, "Thông tư 36/2013/TT-BCT");
    static final AdvanceRule START_UP =
            new AdvanceRule("START_UP", LocalDate.of(2013, 1, 1), 100, null, "Thông tư 36/2013/TT-BCT");

    static ProblemException refusal(ThrowingCallable call) {
        ProblemException refused = catchThrowableOfType(ProblemException.class, call);
        assertThat(refused).as("refused").isNotNull();
        return refused;
    }

    static String rule(ThrowingCallable call) {
        return (String) refusal(call).properties().get("rule");
    }

    @Test
    void workDoneMustBeOverThePercentOfTheTotalBudgetNotAtIt() {
        assertThat(MoneyPolicy.progressOver(BUDGET, 279_999_999L, 70)).isFalse();
        assertThat(MoneyPolicy.progressOver(BUDGET, 280_000_000L, 70)).isFalse();
        assertThat(MoneyPolicy.progressOver(BUDGET, 280_000_001L, 70)).isTrue();
    }

    @Test
    void withoutAReportOrATotalBudgetTheWorkDoneIsNeverOver() {
        assertThat(MoneyPolicy.progressOver(BUDGET, null, 0)).isFalse();
        assertThat(MoneyPolicy.progressOver(null, 1L, 0)).isFalse();
        assertThat(MoneyPolicy.progressOver(0L, 1L, 0)).isFalse();
    }

    @Test
    void anAdvanceBeforeTheProgressThresholdIsRefusedNamingTheProgressAndTheLegalBasis() {
        ProblemException refused = refusal(() -> MoneyPolicy.checkAdvance(MACHINERY, APPROVED, 0, 1, false, "70%"));
        assertThat(refused.properties()).containsEntry("rule", "advance-progress");
        assertThat(refused.getMessage()).contains("vượt 70%", "mới nhất: 70%", "Thông tư 36/2013/TT-BCT");
        assertThat(refused.fieldProblems())
                .extracting(ProblemException.FieldProblem::field)
                .containsExactly("amount");

        assertThatCode(() -> MoneyPolicy.checkAdvance(MACHINERY, APPROVED, 0, 1, true, "71%"))
                .doesNotThrowAnyException();
    }

    @Test
    void aRuleWithoutAThresholdAdvancesFromTheStart() {
        assertThatCode(() -> MoneyPolicy.checkAdvance(START_UP, APPROVED, 0, APPROVED, false, "chưa có báo cáo"))
                .doesNotThrowAnyException();
        assertThat(rule(() -> MoneyPolicy.checkAdvance(START_UP, APPROVED, 0, APPROVED + 1, false, "")))
                .isEqualTo("advance-ceiling");
    }

    @Test
    void advancesTogetherMayReachTheCeilingButNotPassIt() {
        assertThatCode(() -> MoneyPolicy.checkAdvance(MACHINERY, APPROVED, 50_000_000L, 19_999_999L, true, ""))
                .doesNotThrowAnyException();
        assertThatCode(() -> MoneyPolicy.checkAdvance(MACHINERY, APPROVED, 50_000_000L, 20_000_000L, true, ""))
                .doesNotThrowAnyException();

        ProblemException above =
                refusal(() -> MoneyPolicy.checkAdvance(MACHINERY, APPROVED, 50_000_000L, 20_000_001L, true, ""));
        assertThat(above.properties()).containsEntry("rule", "advance-ceiling");
        assertThat(above.getMessage()).contains("70%", "70.000.000 đồng", "đã tạm ứng 50.000.000 đồng");
        assertThat(above.fieldProblems().getFirst().message()).isEqualTo("Không quá 20.000.000 đồng.");
    }

    @Test
    void theRoomLeftUnderTheCeilingIsNeverNegative() {
        ProblemException over = refusal(() -> MoneyPolicy.checkAdvance(MACHINERY, APPROVED, 80_000_000L, 1, true, ""));
        assertThat(over.fieldProblems().getFirst().message()).isEqualTo("Không quá 0 đồng.");
    }

    @Test
    void advancesAndPaymentsTogetherMayReachTheApprovedAmountButNotPassIt() {
        assertThatCode(() -> MoneyPolicy.checkWithinApproved(APPROVED, 60_000_000L, 39_999_999L))
                .doesNotThrowAnyException();
        assertThatCode(() -> MoneyPolicy.checkWithinApproved(APPROVED, 60_000_000L, 40_000_000L))
                .doesNotThrowAnyException();

        ProblemException above = refusal(() -> MoneyPolicy.checkWithinApproved(APPROVED, 60_000_000L, 40_000_001L));
        assertThat(above.properties()).containsEntry("rule", "total-within-approved");
        assertThat(above.getMessage()).contains("100.000.000 đồng", "đã chi 60.000.000 đồng");
        assertThat(above.fieldProblems().getFirst().message()).isEqualTo("Không quá 40.000.000 đồng.");
        assertThat(rule(() -> MoneyPolicy.checkWithinApproved(APPROVED, APPROVED, 1)))
                .isEqualTo("total-within-approved");
    }

    @Test
    void aBudgetChangeMayComeDownToWhatWasPaidButNotBelow() {
        assertThatCode(() -> MoneyPolicy.checkBudgetCoversPaid(50_000_001L, 50_000_000L))
                .doesNotThrowAnyException();
        assertThatCode(() -> MoneyPolicy.checkBudgetCoversPaid(50_000_000L, 50_000_000L))
                .doesNotThrowAnyException();

        ProblemException below = refusal(() -> MoneyPolicy.checkBudgetCoversPaid(49_999_999L, 50_000_000L));
        assertThat(below.properties()).containsEntry("rule", "budget-below-paid");
        assertThat(below.getMessage()).contains("49.999.999 đồng", "50.000.000 đồng");
    }

    @Test
    void aBudgetChangeMayReachTheSupportCapButNotPassIt() {
        assertThatCode(() -> MoneyPolicy.checkBudgetWithinCap(119_999_999L, 120_000_000L))
                .doesNotThrowAnyException();
        assertThatCode(() -> MoneyPolicy.checkBudgetWithinCap(120_000_000L, 120_000_000L))
                .doesNotThrowAnyException();

        ProblemException above = refusal(() -> MoneyPolicy.checkBudgetWithinCap(120_000_001L, 120_000_000L));
        assertThat(above.properties()).containsEntry("rule", "support-cap");
        assertThat(above.getMessage()).contains("120.000.000 đồng");
    }

    @Test
    void withoutASupportCapAnyBudgetChangeIsWithinIt() {
        assertThatCode(() -> MoneyPolicy.checkBudgetWithinCap(MonitoringForms.MAX_MONEY, null))
                .doesNotThrowAnyException();
    }
}
