package vn.khuyencong.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.khuyencong.catalog.AdvanceRule;

class ReportScheduleTests {

    final ReportSchedule startedOnTheTenth = new ReportSchedule(LocalDate.of(2027, 1, 10), 25);

    @Test
    void aMonthsReportIsDueOnTheDueDayOfThatMonthOrItsLastDay() {
        assertThat(startedOnTheTenth.dueOn(YearMonth.of(2027, 3))).isEqualTo(LocalDate.of(2027, 3, 25));
        assertThat(new ReportSchedule(LocalDate.of(2027, 1, 1), 31).dueOn(YearMonth.of(2027, 2)))
                .isEqualTo(LocalDate.of(2027, 2, 28));
    }

    @Test
    void onlyMonthsWhoseDueDateFollowsTheStartAreExpected() {
        assertThat(startedOnTheTenth.expects(YearMonth.of(2027, 1))).isTrue();
        ReportSchedule startedAfterTheDueDay = new ReportSchedule(LocalDate.of(2027, 1, 27), 25);
        assertThat(startedAfterTheDueDay.expects(YearMonth.of(2027, 1))).isFalse();
        assertThat(startedAfterTheDueDay.nextDue(Set.of(), LocalDate.of(2027, 1, 27)))
                .isEqualTo(LocalDate.of(2027, 2, 25));
    }

    @Test
    void missingPeriodsAreThoseWhoseDueDateHasPassedWithoutAReport() {
        LocalDate today = LocalDate.of(2027, 4, 26);
        assertThat(startedOnTheTenth.missing(Set.of(YearMonth.of(2027, 2)), today))
                .containsExactly(YearMonth.of(2027, 1), YearMonth.of(2027, 3), YearMonth.of(2027, 4));
        // on the due day itself the report is not missing yet
        assertThat(startedOnTheTenth.missing(
                        Set.of(YearMonth.of(2027, 1), YearMonth.of(2027, 2), YearMonth.of(2027, 3)),
                        LocalDate.of(2027, 4, 25)))
                .isEmpty();
        assertThat(startedOnTheTenth.late(YearMonth.of(2027, 3), LocalDate.of(2027, 3, 26)))
                .isTrue();
        assertThat(startedOnTheTenth.late(YearMonth.of(2027, 3), LocalDate.of(2027, 3, 25)))
                .isFalse();
    }

    @Test
    void theAdvanceCeilingIsAShareOfTheApprovedSupportRoundedDown() {
        AdvanceRule machinery = new AdvanceRule("MACHINERY", LocalDate.of(2014, 2, 10), 70, 70, "Điều 13");
        assertThat(machinery.ceiling(100_000_001L)).isEqualTo(70_000_000L);
        AdvanceRule startUp = new AdvanceRule("START_UP", LocalDate.of(2014, 2, 10), 100, null, "Điều 13");
        assertThat(startUp.ceiling(10_000_000L)).isEqualTo(10_000_000L);
    }
}
