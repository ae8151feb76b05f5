package vn.khuyencong.monitoring;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * When monthly progress reports are due: the report of a month by its due day (the 25th unless the catalogue says
 * otherwise), for every month whose due date falls after monitoring started.
 */
record ReportSchedule(LocalDate startedOn, int dueDay) {

    LocalDate dueOn(YearMonth period) {
        return period.atDay(Math.min(dueDay, period.lengthOfMonth()));
    }

    /** Whether a report for {@code period} is expected at all. */
    boolean expects(YearMonth period) {
        return dueOn(period).isAfter(startedOn);
    }

    /** The periods whose due date has passed on {@code today} without a report, oldest first. */
    List<YearMonth> missing(Set<YearMonth> filed, LocalDate today) {
        List<YearMonth> missing = new ArrayList<>();
        for (YearMonth period = YearMonth.from(startedOn);
                !period.isAfter(YearMonth.from(today));
                period = period.plusMonths(1)) {
            if (expects(period) && today.isAfter(dueOn(period)) && !filed.contains(period)) {
                missing.add(period);
            }
        }
        return missing;
    }

    /** The next report due on or after {@code today} that has not been filed. */
    LocalDate nextDue(Set<YearMonth> filed, LocalDate today) {
        for (YearMonth period = YearMonth.from(today); ; period = period.plusMonths(1)) {
            if (expects(period) && !dueOn(period).isBefore(today) && !filed.contains(period)) {
                return dueOn(period);
            }
        }
    }

    boolean late(YearMonth period, LocalDate filedOn) {
        return filedOn.isAfter(dueOn(period));
    }
}
