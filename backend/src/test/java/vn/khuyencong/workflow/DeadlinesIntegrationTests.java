package vn.khuyencong.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.khuyencong.support.Fixtures.event;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.khuyencong.catalog.WorkingDays;
import vn.khuyencong.shared.VietnamTime;
import vn.khuyencong.support.Api;
import vn.khuyencong.support.Fixtures;
import vn.khuyencong.support.IntegrationTest;

/** Working days on the holiday calendar, the 15:00 cut-off, the stopped clock, overdue and the one reschedule. */
class DeadlinesIntegrationTests extends IntegrationTest {

    final Fixtures the = new Fixtures(api());

    @Autowired
    WorkingDays workingDays;

    @Autowired
    JdbcClient jdbc;

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(VietnamTime.ZONE).toInstant();
    }

    @Test
    void aDossierReceivedAfterThreeInTheAfternoonCountsFromTheNextWorkingDay() {
        // Thursday 2026-10-15
        assertThat(workingDays.processingStart(at("2026-10-15T14:59"))).isEqualTo(LocalDate.parse("2026-10-15"));
        assertThat(workingDays.processingStart(at("2026-10-15T15:00"))).isEqualTo(LocalDate.parse("2026-10-16"));
        // Friday after 15:00 and the weekend count from Monday
        assertThat(workingDays.processingStart(at("2026-10-16T16:00"))).isEqualTo(LocalDate.parse("2026-10-19"));
        assertThat(workingDays.processingStart(at("2026-10-17T09:00"))).isEqualTo(LocalDate.parse("2026-10-19"));
    }

    @Test
    void appointmentDatesSkipWeekendsAndPublicHolidays() {
        // received Friday 2026-08-28 morning; 1 and 2 September are National Day holidays
        assertThat(workingDays.appointmentDate(at("2026-08-28T09:00"), 1)).isEqualTo(LocalDate.parse("2026-08-28"));
        assertThat(workingDays.appointmentDate(at("2026-08-28T09:00"), 2)).isEqualTo(LocalDate.parse("2026-08-31"));
        assertThat(workingDays.appointmentDate(at("2026-08-28T09:00"), 3)).isEqualTo(LocalDate.parse("2026-09-03"));
        // fifteen working days over Tết 2027 (5–11 February are days off)
        assertThat(workingDays.appointmentDate(at("2027-02-01T08:00"), 15)).isEqualTo(LocalDate.parse("2027-02-26"));
    }

    @Test
    void theClockStopsDuringASupplementAndRestartsFromZero() {
        String id = the.supplementRequested();
        // as if the supplement had been awaited for weeks
        jdbc.sql("update dossier set appointment_date = ? where id = ?")
                .params(LocalDate.now().minusDays(20), UUID.fromString(id))
                .update();
        JsonNode paused = the.enterprise.get("/api/v1/dossiers/" + id).json();
        assertThat(paused.get("deadline").asString()).isEqualTo("PAUSED");
        assertThat(paused.get("overdue").asBoolean()).isFalse();

        JsonNode resubmitted = the.fire(the.enterprise, id, event("RESUBMIT"));
        LocalDate expected = workingDays.appointmentDate(Instant.now(), 15);
        assertThat(LocalDate.parse(resubmitted.get("appointmentDate").asString()))
                .isEqualTo(expected);
        assertThat(resubmitted.get("overdue").asBoolean()).isFalse();
    }

    @Test
    void aDossierPastItsAppointmentIsOverdueAndComesFirstInTheQueue() {
        String id = the.underReview();
        jdbc.sql("update dossier set appointment_date = ? where id = ?")
                .params(LocalDate.now().minusDays(3), UUID.fromString(id))
                .update();
        JsonNode dossier = the.reviewer.get("/api/v1/dossiers/" + id).json();
        assertThat(dossier.get("overdue").asBoolean()).isTrue();
        assertThat(dossier.get("deadline").asString()).isEqualTo("OVERDUE");
        JsonNode queue = the.reviewer.get("/api/v1/queue?status=UNDER_REVIEW").json();
        assertThat(queue.get(0).get("overdue").asBoolean()).isTrue();
    }

    @Test
    void aLateDossierGetsOneNewAppointmentDateAtLeastAWorkingDayBeforeTheDeadline() {
        String id = the.underReview();
        JsonNode before = the.reviewer.get("/api/v1/dossiers/" + id).json();
        LocalDate current = LocalDate.parse(before.get("appointmentDate").asString());
        LocalDate later = workingDays.plusWorkingDays(current, 5);

        assertThat(the.reviewer
                        .post(
                                "/api/v1/dossiers/" + id + "/transitions",
                                event("RESCHEDULE", "comment", "Xin lỗi", "newAppointmentDate", current.toString()))
                        .json()
                        .get("rule")
                        .asString())
                .isEqualTo("new-appointment-date");
        JsonNode rescheduled = the.fire(
                the.reviewer,
                id,
                event(
                        "RESCHEDULE",
                        "comment",
                        "Cần thêm thời gian khảo sát thực tế",
                        "newAppointmentDate",
                        later.toString()));
        assertThat(rescheduled.get("appointmentDate").asString()).isEqualTo(later.toString());
        assertThat(rescheduled.get("status").asString()).isEqualTo("UNDER_REVIEW");

        Api.Response twice = the.reviewer.post(
                "/api/v1/dossiers/" + id + "/transitions",
                event(
                        "RESCHEDULE",
                        "comment",
                        "Lần nữa",
                        "newAppointmentDate",
                        workingDays.plusWorkingDays(later, 3).toString()));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("rule").asString()).isEqualTo("reschedule-once");
    }

    @Test
    void aRescheduleOnTheDeadlineItselfIsTooLate() {
        String id = the.underReview();
        LocalDate today = workingDays.today();
        jdbc.sql("update dossier set appointment_date = ? where id = ?")
                .params(today, UUID.fromString(id))
                .update();
        Api.Response late = the.reviewer.post(
                "/api/v1/dossiers/" + id + "/transitions",
                event(
                        "RESCHEDULE",
                        "comment",
                        "Xin lỗi",
                        "newAppointmentDate",
                        workingDays.plusWorkingDays(today, 5).toString()));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("rule").asString()).isEqualTo("reschedule-before-deadline");
    }
}
