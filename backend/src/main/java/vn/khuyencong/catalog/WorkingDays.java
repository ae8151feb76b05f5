package vn.khuyencong.catalog;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.khuyencong.shared.VietnamTime;

/**
 * Counts working days on the holiday calendar kept in the catalogue. A dossier received after 15:00, or on a
 * day off, counts from the next working day (Decree 61/2018/ND-CP Art. 18). The calendar is read from the
 * database at most every few minutes, and at once after an administrator changes it on this instance.
 */
@Service
public class WorkingDays {

    static final LocalTime CUT_OFF = LocalTime.of(15, 0);
    private static final Duration REFRESH = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile Set<LocalDate> holidays;
    private volatile Instant loadedAt = Instant.MIN;

    WorkingDays(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public boolean isWorkingDay(LocalDate day) {
        if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return false;
        }
        return !holidays().contains(day);
    }

    /** Today in Vietnam. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(VietnamTime.ZONE));
    }

    /** The first working day the processing clock counts for something received at {@code received}. */
    public LocalDate processingStart(Instant received) {
        ZonedDateTime local = received.atZone(VietnamTime.ZONE);
        LocalDate day = local.toLocalDate();
        if (!isWorkingDay(day) || !local.toLocalTime().isBefore(CUT_OFF)) {
            day = plusWorkingDays(day, 1);
        }
        return day;
    }

    /**
     * The appointment date: the last of {@code days} working days counted from the processing start, which is
     * itself the first of them.
     */
    public LocalDate appointmentDate(Instant received, int days) {
        return plusWorkingDays(processingStart(received), days - 1);
    }

    public LocalDate plusWorkingDays(LocalDate from, int days) {
        LocalDate day = from;
        for (int counted = 0; counted < days; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** Working days after {@code from} up to and including {@code to}; negative when {@code to} is earlier. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /** Forget the cached calendar (after an administrator's change). */
    public void invalidate() {
        loadedAt = Instant.MIN;
    }

    private Set<LocalDate> holidays() {
        Set<LocalDate> current = holidays;
        if (current == null || loadedAt.plus(REFRESH).isBefore(clock.instant())) {
            current = Set.copyOf(jdbc.sql("select day from public_holiday")
                    .query(LocalDate.class)
                    .list());
            holidays = current;
            loadedAt = clock.instant();
        }
        return current;
    }
}
