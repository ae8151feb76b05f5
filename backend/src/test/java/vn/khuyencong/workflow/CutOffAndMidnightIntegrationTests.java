package vn.khuyencong.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.khuyencong.dossier.Dossier;
import vn.khuyencong.identity.CurrentUser;
import vn.khuyencong.identity.Role;
import vn.khuyencong.shared.VietnamTime;
import vn.khuyencong.support.Fixtures;
import vn.khuyencong.support.IntegrationTest;
import vn.khuyencong.support.TestClock;

/**
 * Submission on a clock the test controls (Vietnam time): before 15:00 the processing time counts from that day,
 * from 15:00 on from the next working day (Decree 61/2018 Art. 18); the day's sequence of dossier codes starts again
 * at 0001 at midnight, Vietnam time, whatever the server's own time zone.
 */
class CutOffAndMidnightIntegrationTests extends IntegrationTest {

    final Fixtures the = new Fixtures(api());

    @Autowired
    TestClock clock;

    @Autowired
    DossierWorkflow workflow;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void theCutOffAt15AndTheSequenceAtMidnightFollowVietnamTime() {
        // drafts prepared in real time; the submissions happen on Tuesday 1 and Wednesday 2 December 2026
        String beforeCutOff = the.aReadyDraft();
        String atCutOff = the.aReadyDraft();
        String lastSecond = the.aReadyDraft();
        String afterMidnight = the.aReadyDraft();

        Dossier first = submitAt(beforeCutOff, LocalDateTime.of(2026, 12, 1, 14, 59, 59));
        assertThat(first.code()).endsWith("-261201-0001");
        // 15 working days counted from Tuesday 1 December itself
        assertThat(first.appointmentDate()).isEqualTo(LocalDate.of(2026, 12, 21));
        assertThat(clockStart(first)).isEqualTo(LocalDate.of(2026, 12, 1));

        Dossier second = submitAt(atCutOff, LocalDateTime.of(2026, 12, 1, 15, 0, 0));
        assertThat(second.code()).endsWith("-261201-0002");
        // received at 15:00: counted from Wednesday 2 December
        assertThat(second.appointmentDate()).isEqualTo(LocalDate.of(2026, 12, 22));
        assertThat(clockStart(second)).isEqualTo(LocalDate.of(2026, 12, 2));

        Dossier third = submitAt(lastSecond, LocalDateTime.of(2026, 12, 1, 23, 59, 59));
        assertThat(third.code()).endsWith("-261201-0003");

        // 00:00:01 in Hà Nội is still 1 December in UTC (17:00:01): the code and the count follow Vietnam
        Dossier fourth = submitAt(afterMidnight, LocalDateTime.of(2026, 12, 2, 0, 0, 1));
        assertThat(fourth.code()).endsWith("-261202-0001");
        assertThat(fourth.appointmentDate()).isEqualTo(LocalDate.of(2026, 12, 22));
    }

    Dossier submitAt(String id, LocalDateTime vietnamTime) {
        clock.set(vietnamTime.atZone(VietnamTime.ZONE).toInstant());
        return workflow.fire(UUID.fromString(id), DossierEvent.SUBMIT, enterprise(), null);
    }

    LocalDate clockStart(Dossier dossier) {
        return jdbc.sql("select processing_started_on from dossier where id = ?")
                .param(dossier.id())
                .query(LocalDate.class)
                .single();
    }

    CurrentUser enterprise() {
        UUID organisation = jdbc.sql("select organisation_id from user_account where username = 'doanhnghiep'")
                .query(UUID.class)
                .single();
        return new CurrentUser(
                "doanhnghiep",
                "doanhnghiep",
                "Hợp tác xã Miến dong Côn Minh",
                Set.of(Role.ENTERPRISE),
                organisation,
                null);
    }
}
