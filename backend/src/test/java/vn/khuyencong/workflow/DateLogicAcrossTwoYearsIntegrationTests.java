package vn.khuyencong.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.khuyencong.catalog.Catalog;
import vn.khuyencong.catalog.WorkingDays;
import vn.khuyencong.shared.VietnamTime;
import vn.khuyencong.support.IntegrationTest;
import vn.khuyencong.support.TestDates;

/**
 * The dates the tests type are right whatever day the suite runs: for every day of 2026 and 2027 as "today" (Tết,
 * the 30 April – 1 May and 2 September holidays and the New Year included), a dossier submitted that morning or
 * after the 15:00 cut-off gets the catalogue's appointment date, and the date the tests reschedule it to passes every
 * rule of the workflow's RESCHEDULE, checked by the product's own rules on the catalogue's calendar.
 */
class DateLogicAcrossTwoYearsIntegrationTests extends IntegrationTest {

    static final LocalDate FIRST = LocalDate.of(2026, 1, 1);
    static final LocalDate LAST = LocalDate.of(2027, 12, 31);

    @Autowired
    WorkingDays workingDays;

    @Autowired
    Catalog catalog;

    @Test
    void everyDayOfTwoYearsGivesTheTestsDatesTheRulesAccept() {
        Reschedules rules = new Reschedules(workingDays);
        int processingDays =
                catalog.content("TECHNOLOGY_TRANSFER").orElseThrow().processingDays();
        int limit = catalog.rescheduleMaxWorkingDays();
        List<String> broken = new ArrayList<>();
        int days = 0;
        for (LocalDate today = FIRST; !today.isAfter(LAST); today = today.plusDays(1)) {
            days++;
            TestDates dates = new TestDates(today, workingDays::isWorkingDay);
            for (LocalTime time : List.of(LocalTime.of(8, 30), LocalTime.of(16, 0))) {
                LocalDate appointment = workingDays.appointmentDate(
                        today.atTime(time).atZone(VietnamTime.ZONE).toInstant(), processingDays);
                LocalDate newDate = dates.aLaterWorkingDay(appointment);
                if (!rules.inTime(today, appointment)) {
                    broken.add(today + " " + time + ": an apology right after submission is late for " + appointment);
                }
                DossierWorkflowDefinition.Refused refused = rules.laterWorkingDayProblem(appointment, newDate);
                if (refused == null) {
                    refused = rules.withinLimitProblem(appointment, newDate, limit);
                }
                if (refused != null) {
                    broken.add(today + " " + time + ": " + appointment + " → " + newDate + ": " + refused.message());
                }
            }
            LocalDate fromToday = dates.aLaterWorkingDay(today);
            if (!fromToday.isAfter(today) || !workingDays.isWorkingDay(fromToday)) {
                broken.add(today + ": a later working day is " + fromToday);
            }
            LocalDate onOrAfter = dates.aWorkingDayOnOrAfter(today);
            if (onOrAfter.isBefore(today) || !workingDays.isWorkingDay(onOrAfter)) {
                broken.add(today + ": the first working day from today is " + onOrAfter);
            }
        }
        assertThat(days).isEqualTo(730);
        assertThat(broken)
                .as("days on which a test would type a date the product refuses")
                .isEmpty();
    }

    @Test
    void theDayThatBrokeTheSuiteIsCoveredByTheCalendar() {
        // appointment on Christmas 2026: a week later by weekdays alone is 1 January 2027, a public holiday
        LocalDate christmas = LocalDate.of(2026, 12, 25);
        assertThat(workingDays.isWorkingDay(LocalDate.of(2027, 1, 1))).isFalse();
        LocalDate later =
                new TestDates(LocalDate.of(2026, 12, 7), workingDays::isWorkingDay).aLaterWorkingDay(christmas);
        assertThat(later).isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(new Reschedules(workingDays).laterWorkingDayProblem(christmas, LocalDate.of(2027, 1, 1)))
                .as("the product refuses the holiday")
                .isNotNull();
    }

    @Test
    void aNewDatePastTheCataloguesLimitIsRefusedAndTheLastDayWithinItIsNot() {
        Reschedules rules = new Reschedules(workingDays);
        LocalDate current = LocalDate.of(2027, 2, 1);
        int limit = catalog.rescheduleMaxWorkingDays();
        LocalDate latest = workingDays.plusWorkingDays(current, limit);
        // Tết 2027 (5–11 February) lies in between: the limit counts working days, not calendar days
        assertThat(latest).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(rules.withinLimitProblem(current, latest, limit)).isNull();
        DossierWorkflowDefinition.Refused refused =
                rules.withinLimitProblem(current, workingDays.plusWorkingDays(latest, 1), limit);
        assertThat(refused).isNotNull();
        assertThat(refused.message()).contains("15 ngày làm việc", "01/03/2027");
        assertThat(refused.fields()).extracting(f -> f.field()).containsExactly("newAppointmentDate");
    }
}
