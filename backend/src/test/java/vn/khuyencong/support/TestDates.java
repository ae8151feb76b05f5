package vn.khuyencong.support;

import java.time.LocalDate;
import java.util.function.Predicate;

/**
 * Every date the tests type into a form, computed from today and the catalogue's working-day calendar, never by
 * adding days and skipping weekends by hand: a test must pass on whatever day it runs, Tết and the 2 September
 * holidays included. {@code DateLogicAcrossTwoYearsIntegrationTests} runs each of these for every day of 2026 and
 * 2027 and checks it against the product's rules.
 */
public final class TestDates {

    /** How far after the current appointment a test reschedules to: well within the catalogue's limit. */
    public static final int RESCHEDULE_BY_WORKING_DAYS = 5;

    private final LocalDate today;
    private final Predicate<LocalDate> workingDay;

    public TestDates(LocalDate today, Predicate<LocalDate> workingDay) {
        this.today = today;
        this.workingDay = workingDay;
    }

    public LocalDate today() {
        return today;
    }

    /** A new appointment date for RESCHEDULE: a working day a week or so after the current one. */
    public LocalDate aLaterWorkingDay(LocalDate appointment) {
        LocalDate day = appointment;
        for (int counted = 0; counted < RESCHEDULE_BY_WORKING_DAYS; ) {
            day = day.plusDays(1);
            if (workingDay.test(day)) {
                counted++;
            }
        }
        return day;
    }

    /** The first working day on or after {@code day}. */
    public LocalDate aWorkingDayOnOrAfter(LocalDate day) {
        LocalDate candidate = day;
        while (!workingDay.test(candidate)) {
            candidate = candidate.plusDays(1);
        }
        return candidate;
    }
}
