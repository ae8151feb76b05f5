package vn.khuyencong.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.khuyencong.support.Fixtures.event;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import vn.khuyencong.dossier.DossierStatus;
import vn.khuyencong.support.Api;
import vn.khuyencong.support.Fixtures;
import vn.khuyencong.support.IntegrationTest;

/**
 * Every (state, event) pair over HTTP, fired by the role allowed to fire the event with a valid payload: either
 * the table's transition happens, or a 409 problem refuses it and the dossier does not change.
 */
@vn.khuyencong.support.EveryAnswerDocumented
class TransitionTableIntegrationTests extends IntegrationTest {

    final Fixtures the = new Fixtures(api());
    /** One dossier per state for the refusals (they change nothing, so it can be shared). */
    final Map<String, String> refusalDossiers = new HashMap<>();

    Api actorFor(DossierEvent event) {
        return switch (event) {
            case SUBMIT, RESUBMIT, WITHDRAW -> the.enterprise;
            case START_REVIEW, ASSIGN, REQUEST_SUPPLEMENT, RECOMMEND, REJECT, RESCHEDULE -> the.reviewer;
            case RETURN, APPROVE, TERMINATE -> the.approver;
            case START_MONITORING, ACCEPT -> the.monitor;
        };
    }

    Map<String, Object> validPayload(DossierEvent event, JsonNode dossier) {
        return switch (event) {
            case ASSIGN -> event("ASSIGN", "assignee", "thamdinh");
            case REQUEST_SUPPLEMENT ->
                event("REQUEST_SUPPLEMENT", "comment", "Thiếu giấy tờ", "items", List.of("Báo giá"));
            case RECOMMEND ->
                event("RECOMMEND", "scores", Fixtures.aFullScoreSheet(), "recommendedAmount", Fixtures.RECOMMENDED);
            case APPROVE ->
                event("APPROVE", "decisionNumber", Fixtures.aDecisionNumber(), "approvedAmount", 100_000_000L);
            case RETURN, REJECT, TERMINATE -> event(event.name(), "comment", "Lý do cụ thể");
            case RESCHEDULE ->
                event(
                        "RESCHEDULE",
                        "comment",
                        "Xin lỗi vì chậm trễ",
                        "newAppointmentDate",
                        aLaterWorkingDay(dossier.get("appointmentDate")).toString());
            default -> event(event.name());
        };
    }

    /** A dossier without an appointment (a draft) gets any working day: the refusal is about its state. */
    LocalDate aLaterWorkingDay(JsonNode appointment) {
        return dates().aLaterWorkingDay(
                        appointment == null || appointment.isNull()
                                ? dates().today()
                                : LocalDate.parse(appointment.asString()));
    }

    @TestFactory
    List<DynamicTest> everyStateAndEventPair() {
        List<DynamicTest> tests = new ArrayList<>();
        for (DossierStatus state : DossierStatus.values()) {
            for (DossierEvent event : DossierEvent.values()) {
                DossierStatus expected = WorkflowDefinitionTests.TABLE.get(state + "/" + event);
                String name = state + " × " + event + " → " + (expected == null ? "refused" : expected);
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    if (expected == null) {
                        assertRefused(state, event);
                    } else {
                        assertAllowed(state, event, expected);
                    }
                }));
            }
        }
        return tests;
    }

    void assertAllowed(DossierStatus state, DossierEvent event, DossierStatus expected) {
        String id = the.inState(state.name());
        JsonNode before = the.enterprise.get("/api/v1/dossiers/" + id).json();
        assertThat(allowedEvents(actorFor(event), id))
                .as("offered to the role that may fire it")
                .contains(event.name());
        // acceptance is fired by the acceptance record, which the ACCEPT transition requires
        Api.Response response = event == DossierEvent.ACCEPT
                ? the.monitor.post("/api/v1/dossiers/" + id + "/monitoring/acceptance", Fixtures.anAcceptance())
                : actorFor(event).post("/api/v1/dossiers/" + id + "/transitions", validPayload(event, before));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("status").asString()).isEqualTo(expected.name());
        JsonNode last =
                last(the.enterprise.get("/api/v1/dossiers/" + id + "/history").json());
        assertThat(last.get("event").asString()).isEqualTo(event.name());
        assertThat(last.get("from").asString()).isEqualTo(state.name());
        assertThat(last.get("to").asString()).isEqualTo(expected.name());
    }

    void assertRefused(DossierStatus state, DossierEvent event) {
        String id = refusalDossiers.computeIfAbsent(state.name(), the::inState);
        JsonNode before = the.enterprise.get("/api/v1/dossiers/" + id).json();
        Api actor = actorFor(event);
        Api.Response response = actor.post("/api/v1/dossiers/" + id + "/transitions", validPayload(event, before));
        if (state == DossierStatus.DRAFT && actor != the.enterprise) {
            // officers do not see drafts at all: no existence leak
            assertThat(response.status()).as(response.body()).isEqualTo(404);
            assertThat(the.enterprise.get("/api/v1/dossiers/" + id).json().get("version"))
                    .isEqualTo(before.get("version"));
            return;
        }
        assertThat(allowedEvents(actor, id)).as("not offered").doesNotContain(event.name());
        assertThat(response.status()).as(response.body()).isEqualTo(409);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("rule").asString()).isEqualTo("transition-not-allowed");
        assertThat(response.json().get("detail").asString()).contains(state.label());
        JsonNode after = the.enterprise.get("/api/v1/dossiers/" + id).json();
        assertThat(after.get("version").asLong())
                .isEqualTo(before.get("version").asLong());
        assertThat(after.get("status").asString()).isEqualTo(state.name());
    }

    /** The events the dossier's view offers to {@code actor}. */
    static List<String> allowedEvents(Api actor, String id) {
        List<String> events = new ArrayList<>();
        actor.get("/api/v1/dossiers/" + id).json().get("allowedEvents").forEach(e -> events.add(e.asString()));
        return events;
    }

    static JsonNode last(JsonNode array) {
        return array.get(array.size() - 1);
    }
}
