package vn.khuyencong.catalog;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import vn.khuyencong.shared.VietnamTime;

/**
 * Counts working days on the holiday calendar kept in the catalogue. A dossier received after 15:00, or on a
 * day off, counts from the next working day (Decree 61/2018/ND-CP Art. 18).
 */
@Service
public class WorkingDays {

    static final LocalTime CUT_OFF = LocalTime.of(15, 0);

    private final JdbcClient jdbc;

    WorkingDays(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isWorkingDay(LocalDate day) {
        if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return false;
        }
        return jdbc.sql("select count(*) from public_holiday where day = ?").param(day).query(Integer.class)
                .single() == 0;
    }

    /** The first working day the processing clock counts for something received at {@code received}. */
    public LocalDate processingStart(Instant received) {
        ZonedDateTime local = received.atZone(VietnamTime.ZONE);
        LocalDate day = local.toLocalDate();
        if (!isWorkingDay(day) || !local.toLocalTime().isBefore(CUT_OFF)) {
            day = nextWorkingDay(day);
        }
        return day;
    }

    /** The appointment date: {@code days} working days after the processing start, the start day excluded. */
    public LocalDate appointmentDate(Instant received, int days) {
        return plusWorkingDays(processingStart(received), days);
    }

    public LocalDate plusWorkingDays(LocalDate from, int days) {
        LocalDate day = from;
        for (int counted = 0; counted < days;) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    LocalDate nextWorkingDay(LocalDate day) {
        return plusWorkingDays(day, 1);
    }
}
