package vn.khuyencong.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.khuyencong.support.Fixtures.event;
import static vn.khuyencong.workflow.TransitionTableIntegrationTests.allowedEvents;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.khuyencong.support.Api;
import vn.khuyencong.support.Fixtures;
import vn.khuyencong.support.IntegrationTest;

/**
 * What each dossier view offers its reader: the events the workflow would accept from that user now, so that the
 * interface shows nothing the server refuses for who is acting or for the dossier's history.
 */
class AllowedEventsIntegrationTests extends IntegrationTest {

    final Fixtures the = new Fixtures(api());

    @Test
    void oneSubmittedDossierOffersEachRoleOnlyItsOwnSteps() {
        String id = the.submitted();

        assertThat(allowedEvents(the.enterprise, id)).containsExactly("WITHDRAW");
        assertThat(allowedEvents(the.reviewer, id)).containsExactly("START_REVIEW", "ASSIGN", "RESCHEDULE");
        assertThat(allowedEvents(the.approver, id)).containsExactly("ASSIGN", "RESCHEDULE");
        assertThat(allowedEvents(the.monitor, id)).isEmpty();
    }

    @Test
    void onlyTheOwnerMayEditAndOnlyWhileADraftOrAskedToSupplement() {
        String draft = the.aReadyDraft();
        assertThat(the.enterprise
                        .get("/api/v1/dossiers/" + draft)
                        .json()
                        .get("editable")
                        .asBoolean())
                .isTrue();
        assertThat(allowedEvents(the.enterprise, draft)).containsExactly("SUBMIT", "WITHDRAW");

        String asked = the.supplementRequested();
        assertThat(the.enterprise
                        .get("/api/v1/dossiers/" + asked)
                        .json()
                        .get("editable")
                        .asBoolean())
                .isTrue();
        assertThat(the.reviewer
                        .get("/api/v1/dossiers/" + asked)
                        .json()
                        .get("editable")
                        .asBoolean())
                .as("an officer never edits the enterprise's form")
                .isFalse();

        String submitted = the.submitted();
        assertThat(the.enterprise
                        .get("/api/v1/dossiers/" + submitted)
                        .json()
                        .get("editable")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void aSupplementIsOfferedOnceAndTheAnswerIsOfferedToTheOwner() {
        String id = the.supplementRequested();
        assertThat(allowedEvents(the.enterprise, id)).containsExactly("RESUBMIT", "WITHDRAW");
        assertThat(allowedEvents(the.reviewer, id)).containsExactly("ASSIGN");

        the.fire(the.enterprise, id, event("RESUBMIT"));

        assertThat(allowedEvents(the.reviewer, id))
                .as("the supplement was asked for once already")
                .containsExactly("ASSIGN", "RECOMMEND", "REJECT", "RESCHEDULE");
    }

    @Test
    void aNewAppointmentDateIsOfferedOnce() {
        String id = the.underReview();
        assertThat(allowedEvents(the.reviewer, id)).contains("RESCHEDULE");
        LocalDate appointment = LocalDate.parse(the.reviewer
                .get("/api/v1/dossiers/" + id)
                .json()
                .get("appointmentDate")
                .asString());

        the.fire(
                the.reviewer,
                id,
                event(
                        "RESCHEDULE",
                        "comment",
                        "Xin lỗi vì chậm trễ",
                        "newAppointmentDate",
                        dates().aLaterWorkingDay(appointment).toString()));

        assertThat(allowedEvents(the.reviewer, id)).doesNotContain("RESCHEDULE").contains("RECOMMEND");
    }

    @Test
    void theReviewerWhoRecommendedIsNotOfferedTheDecision() {
        Api both = api().as(IntegrationTest.officerWithRoles("thamdinh-pheduyet-2", "REVIEWER", "APPROVER"));
        String id = the.underReview();
        the.fire(
                both,
                id,
                event("RECOMMEND", "scores", Fixtures.aFullScoreSheet(), "recommendedAmount", Fixtures.RECOMMENDED));

        assertThat(allowedEvents(both, id)).doesNotContain("APPROVE").contains("RETURN", "REJECT");
        assertThat(allowedEvents(the.approver, id)).contains("APPROVE", "RETURN", "REJECT");
    }
}
