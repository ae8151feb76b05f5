package vn.khuyencong.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.khuyencong.support.Fixtures.event;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.khuyencong.support.Api;
import vn.khuyencong.support.Fixtures;
import vn.khuyencong.support.IntegrationTest;

/** The whole procedure over HTTP with real tokens, as the people involved walk it. */
class WorkflowStoryIntegrationTests extends IntegrationTest {

    final Fixtures the = new Fixtures(api());

    JsonNode fire(Api actor, String id, Map<String, Object> payload) {
        return the.fire(actor, id, payload);
    }

    Api.Response refused(Api actor, String id, Map<String, Object> payload) {
        Api.Response response = actor.post("/api/v1/dossiers/" + id + "/transitions", payload);
        assertThat(response.status()).as(response.body()).isEqualTo(409);
        return response;
    }

    @Test
    void aDossierGoesFromSubmissionThroughSupplementReturnAndApprovalToAcceptance() {
        String id = the.aReadyDraft();

        JsonNode submitted = fire(the.enterprise, id, event("SUBMIT"));
        assertThat(submitted.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(submitted.get("code").asString()).matches("000\\.00\\.15\\.H55-\\d{6}-\\d{4}");
        assertThat(submitted.get("deadline").asString()).isIn("ON_TIME", "DUE_SOON");

        fire(the.reviewer, id, event("ASSIGN", "assignee", "thamdinh"));
        fire(the.reviewer, id, event("START_REVIEW"));

        JsonNode paused = fire(
                the.reviewer,
                id,
                event(
                        "REQUEST_SUPPLEMENT",
                        "comment",
                        "Thiếu báo giá máy sấy",
                        "items",
                        List.of("Báo giá máy sấy", "Bản sao giấy phép kinh doanh")));
        assertThat(paused.get("status").asString()).isEqualTo("SUPPLEMENT_REQUESTED");
        assertThat(paused.get("deadline").asString()).isEqualTo("PAUSED");

        // the enterprise answers: it may edit its form while the supplement is awaited
        Map<String, Object> corrected = Fixtures.with(
                Fixtures.aCompleteForm(), "expectedOutcomes", "Nâng công suất lên 2,5 tấn miến mỗi ngày.");
        assertThat(the.enterprise.put("/api/v1/dossiers/" + id, corrected).status())
                .isEqualTo(200);
        JsonNode resubmitted = fire(the.enterprise, id, event("RESUBMIT"));
        assertThat(resubmitted.get("status").asString()).isEqualTo("UNDER_REVIEW");

        fire(
                the.reviewer,
                id,
                event(
                        "RECOMMEND",
                        "scores",
                        Fixtures.aFullScoreSheet(),
                        "recommendedAmount",
                        Fixtures.RECOMMENDED,
                        "comment",
                        "Đề nghị hỗ trợ"));
        fire(the.approver, id, event("RETURN", "comment", "Làm rõ công suất máy sấy"));
        fire(
                the.reviewer,
                id,
                event("RECOMMEND", "scores", Fixtures.aFullScoreSheet(), "recommendedAmount", Fixtures.RECOMMENDED));
        String decision = Fixtures.aDecisionNumber();
        JsonNode approved =
                fire(the.approver, id, event("APPROVE", "decisionNumber", decision, "approvedAmount", 110_000_000L));
        assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.get("deadline").asString()).isEqualTo("NONE");

        fire(the.monitor, id, event("START_MONITORING"));
        String monitoring = "/api/v1/dossiers/" + id + "/monitoring";

        // the enterprise plans the implementation and reports its progress with a photo of the machines
        assertThat(the.enterprise.put(monitoring + "/plan", Fixtures.aPlan()).status())
                .isEqualTo(200);
        Api.Response photo = the.enterprise.upload(
                monitoring + "/evidence",
                Map.of("documentType", "EVIDENCE_PHOTO"),
                "file",
                "may-say.pdf",
                Fixtures.PDF,
                "application/pdf");
        assertThat(photo.status()).as(photo.body()).isEqualTo(201);
        JsonNode plan = the.enterprise.get(monitoring).json().get("plan");
        Api.Response report = the.enterprise.post(
                monitoring + "/reports",
                Map.of(
                        "period",
                        java.time.YearMonth.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))
                                .toString(),
                        "milestones",
                        List.of(
                                Map.of("milestoneId", plan.get(0).get("id").asLong(), "percentDone", 100),
                                Map.of("milestoneId", plan.get(1).get("id").asLong(), "percentDone", 40)),
                        "spentAmount",
                        300_000_000L,
                        "counterpartInvested",
                        200_000_000L,
                        "evidenceDocumentIds",
                        List.of(photo.json().get("id").asString())));
        assertThat(report.status()).as(report.body()).isEqualTo(201);

        // the monitor inspects the site and records the payment; acceptance needs its record
        assertThat(the.monitor
                        .post(
                                monitoring + "/inspections",
                                Map.of(
                                        "inspectedOn",
                                        java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))
                                                .toString(),
                                        "findings",
                                        "Hai máy đã lắp đặt, đang chạy thử.",
                                        "conclusion",
                                        "Đúng tiến độ."))
                        .status())
                .isEqualTo(201);
        assertThat(the.monitor
                        .post(
                                monitoring + "/disbursements",
                                Map.of(
                                        "kind",
                                        "PAYMENT",
                                        "amount",
                                        60_000_000L,
                                        "paidOn",
                                        java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))
                                                .toString(),
                                        "reference",
                                        "UNC-0001"))
                        .status())
                .isEqualTo(201);
        assertThat(refused(the.monitor, id, event("ACCEPT")).json().get("rule").asString())
                .isEqualTo("acceptance-record");
        JsonNode completed = the.accept(id);
        assertThat(completed.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(completed.get("settlement").get("totalSupportPaid").asLong()).isEqualTo(60_000_000L);

        JsonNode history =
                the.enterprise.get("/api/v1/dossiers/" + id + "/history").json();
        assertThat(history.findValues("event").stream().map(JsonNode::asString))
                .containsExactly(
                        "SUBMIT",
                        "ASSIGN",
                        "START_REVIEW",
                        "REQUEST_SUPPLEMENT",
                        "RESUBMIT",
                        "RECOMMEND",
                        "RETURN",
                        "RECOMMEND",
                        "APPROVE",
                        "START_MONITORING",
                        "PLAN_FILED",
                        "PROGRESS_REPORTED",
                        "INSPECTED",
                        "PAYMENT_RECORDED",
                        "ACCEPT");
        // the officers see the same timeline as the enterprise
        assertThat(the.monitor.get("/api/v1/dossiers/" + id + "/history").json())
                .isEqualTo(history);
        assertThat(history.get(6).get("comment").asString()).isEqualTo("Làm rõ công suất máy sấy");
        assertThat(history.get(6).get("actorRole").asString()).isEqualTo("APPROVER");

        JsonNode processing =
                the.enterprise.get("/api/v1/dossiers/" + id + "/processing").json();
        assertThat(processing.get("supplementRequest").get("items").size()).isEqualTo(2);
        assertThat(processing.get("supplementRequest").get("answeredAt").isNull())
                .isFalse();
        assertThat(processing.get("reviews").size()).isEqualTo(2);
        assertThat(processing.get("reviews").get(0).get("totalScore").asInt()).isEqualTo(76);
        assertThat(processing.get("decision").get("decisionNumber").asString()).isEqualTo(decision);
        assertThat(processing.get("decision").get("approvedAmount").asLong()).isEqualTo(110_000_000L);

        JsonNode lookup = api().get(
                        "/api/v1/public/dossiers/" + submitted.get("code").asString())
                .json();
        assertThat(lookup.get("statusName").asString()).isEqualTo("Đã nghiệm thu");
        assertThat(lookup.get("timeline").findValues("status").stream().map(JsonNode::asString))
                .containsExactly(
                        "SUBMITTED",
                        "UNDER_REVIEW",
                        "SUPPLEMENT_REQUESTED",
                        "UNDER_REVIEW",
                        "REVIEWED",
                        "UNDER_REVIEW",
                        "REVIEWED",
                        "APPROVED",
                        "MONITORED",
                        "COMPLETED");
    }

    @Test
    void aReviewerRefusesWithReasons() {
        String id = the.underReview();
        assertThat(refused(the.reviewer, id, event("REJECT")).json().get("rule").asString())
                .isEqualTo("reason-required");
        JsonNode rejected = fire(the.reviewer, id, event("REJECT", "comment", "Cơ sở không thuộc đối tượng hỗ trợ"));
        assertThat(rejected.get("status").asString()).isEqualTo("REJECTED");
        assertThat(refused(the.enterprise, id, event("WITHDRAW"))
                        .json()
                        .get("rule")
                        .asString())
                .isEqualTo("transition-not-allowed");
    }

    @Test
    void anEnterpriseWithdrawsBeforeTheDecisionButNotAfter() {
        String id = the.reviewed();
        assertThat(fire(the.enterprise, id, event("WITHDRAW")).get("status").asString())
                .isEqualTo("WITHDRAWN");
        String approved = the.approved();
        assertThat(refused(the.enterprise, approved, event("WITHDRAW"))
                        .json()
                        .get("rule")
                        .asString())
                .isEqualTo("transition-not-allowed");
    }

    @Test
    void aSecondSupplementRequestIsRefused() {
        String id = the.supplementRequested();
        fire(the.enterprise, id, event("RESUBMIT"));
        Api.Response second = refused(
                the.reviewer,
                id,
                event("REQUEST_SUPPLEMENT", "comment", "Thiếu nữa", "items", List.of("Giấy tờ khác")));
        assertThat(second.json().get("rule").asString()).isEqualTo("supplement-once");
    }

    @Test
    void aSupplementRequestNeedsReasonsAndItems() {
        String id = the.underReview();
        assertThat(refused(the.reviewer, id, event("REQUEST_SUPPLEMENT", "items", List.of("x")))
                        .json()
                        .get("rule")
                        .asString())
                .isEqualTo("reason-required");
        assertThat(refused(the.reviewer, id, event("REQUEST_SUPPLEMENT", "comment", "Thiếu"))
                        .json()
                        .get("rule")
                        .asString())
                .isEqualTo("items-required");
    }

    @Test
    void theRecommendationStaysWithinTheRequestAndTheScoreSheetIsComplete() {
        String id = the.underReview();
        Api.Response tooMuch = refused(
                the.reviewer,
                id,
                event("RECOMMEND", "scores", Fixtures.aFullScoreSheet(), "recommendedAmount", Fixtures.REQUESTED + 1));
        assertThat(tooMuch.json().get("rule").asString()).isEqualTo("recommended-within-limits");
        assertThat(tooMuch.json().get("errors").get(0).get("field").asString()).isEqualTo("recommendedAmount");

        Api.Response incomplete = refused(
                the.reviewer,
                id,
                event("RECOMMEND", "scores", Map.of("NECESSITY", 30, "UNKNOWN", 1), "recommendedAmount", 1L));
        assertThat(incomplete.json().get("rule").asString()).isEqualTo("score-sheet");
        assertThat(incomplete.json().get("errors").findValues("field").stream().map(JsonNode::asString))
                .contains("scores.NECESSITY", "scores.OBJECTIVES", "scores.UNKNOWN");
    }

    @Test
    void theApprovedAmountStaysWithinTheRecommendationAndNeedsADecisionNumber() {
        String id = the.reviewed();
        assertThat(refused(the.approver, id, event("APPROVE", "approvedAmount", 1L))
                        .json()
                        .get("rule")
                        .asString())
                .isEqualTo("decision-number");
        Api.Response tooMuch = refused(
                the.approver,
                id,
                event(
                        "APPROVE",
                        "decisionNumber",
                        Fixtures.aDecisionNumber(),
                        "approvedAmount",
                        Fixtures.RECOMMENDED + 1));
        assertThat(tooMuch.json().get("rule").asString()).isEqualTo("approved-within-recommended");
    }

    @Test
    void theHistoryNamesTheRoleThatAllowedEachEventNotTheOfficersFirstRole() {
        Api both = api().as(IntegrationTest.officerWithRoles("pheduyet-thamdinh", "REVIEWER", "APPROVER"));
        String id = the.reviewed();
        fire(both, id, event("APPROVE", "decisionNumber", Fixtures.aDecisionNumber(), "approvedAmount", 1L));
        JsonNode approval =
                last(the.enterprise.get("/api/v1/dossiers/" + id + "/history").json());
        assertThat(approval.get("event").asString()).isEqualTo("APPROVE");
        assertThat(approval.get("actorRole").asString()).isEqualTo("APPROVER");

        String other = the.submitted();
        fire(both, other, event("START_REVIEW"));
        JsonNode review = last(
                the.enterprise.get("/api/v1/dossiers/" + other + "/history").json());
        assertThat(review.get("actorRole").asString()).isEqualTo("REVIEWER");

        Api monitorAndApprover = api().as(IntegrationTest.officerWithRoles("giamsat-pheduyet", "APPROVER", "MONITOR"));
        String monitored = the.approved();
        fire(monitorAndApprover, monitored, event("START_MONITORING"));
        assertThat(last(the.enterprise
                                .get("/api/v1/dossiers/" + monitored + "/history")
                                .json())
                        .get("actorRole")
                        .asString())
                .isEqualTo("MONITOR");
    }

    static JsonNode last(JsonNode array) {
        return array.get(array.size() - 1);
    }

    @Test
    void theApproverMustNotBeTheReviewerWhoRecommended() {
        Api both = api().as(IntegrationTest.officerWithRoles("thamdinh-pheduyet", "REVIEWER", "APPROVER"));
        String id = the.underReview();
        fire(
                both,
                id,
                event("RECOMMEND", "scores", Fixtures.aFullScoreSheet(), "recommendedAmount", Fixtures.RECOMMENDED));
        Api.Response refusal =
                refused(both, id, event("APPROVE", "decisionNumber", Fixtures.aDecisionNumber(), "approvedAmount", 1L));
        assertThat(refusal.json().get("rule").asString()).isEqualTo("four-eyes");
        assertThat(fire(
                                the.approver,
                                id,
                                event("APPROVE", "decisionNumber", Fixtures.aDecisionNumber(), "approvedAmount", 1L))
                        .get("status")
                        .asString())
                .isEqualTo("APPROVED");
    }

    @Test
    void submissionRefusesAnIncompleteFormNamingEveryMissingField() {
        Map<String, Object> partial =
                Map.of("title", "Bản nháp dở dang", "contentCode", "VOCATIONAL_TRAINING", "programme", "LOCAL");
        String id = the.aDraft(partial).get("id").asString();
        the.uploadEveryRequiredDocument(id);
        Api.Response refusal = refused(the.enterprise, id, event("SUBMIT"));
        assertThat(refusal.json().get("rule").asString()).isEqualTo("form-complete");
        assertThat(refusal.json().get("errors").findValues("field").stream().map(JsonNode::asString))
                .contains(
                        "supportKind",
                        "communeCode",
                        "totalBudget",
                        "counterpartFunds",
                        "startsOn",
                        "endsOn",
                        "expectedOutcomes",
                        "requestedSupport",
                        "answers.trade",
                        "answers.trainees");
        assertThat(the.enterprise
                        .get("/api/v1/dossiers/" + id)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("DRAFT");
    }

    @Test
    void submissionRefusesARequestAboveTheCapOfTheSupportKind() {
        // machinery: at most 50% and 200 million; the commune is a priority area, so up to 1.5 times
        Map<String, Object> form = Fixtures.with(
                Fixtures.with(
                        Fixtures.with(Fixtures.aCompleteForm(), "totalBudget", 1_000_000_000L),
                        "requestedSupport",
                        310_000_000L),
                "counterpartFunds",
                690_000_000L);
        String id = the.aDraft(form).get("id").asString();
        the.uploadEveryRequiredDocument(id);
        Api.Response refusal = refused(the.enterprise, id, event("SUBMIT"));
        assertThat(refusal.json().get("rule").asString()).isEqualTo("support-cap");
        assertThat(refusal.json().get("detail").asString()).contains("300.000.000");

        Map<String, Object> atTheCap =
                Fixtures.with(Fixtures.with(form, "requestedSupport", 300_000_000L), "counterpartFunds", 700_000_000L);
        assertThat(the.enterprise.put("/api/v1/dossiers/" + id, atTheCap).status())
                .isEqualTo(200);
        assertThat(fire(the.enterprise, id, event("SUBMIT")).get("status").asString())
                .isEqualTo("SUBMITTED");
    }

    @Test
    void draftsSaveAndResumeAndValidationNamesEveryBadField() {
        JsonNode draft = the.aDraft(
                Map.of("title", "Lớp truyền nghề đan lát", "contentCode", "VOCATIONAL_TRAINING", "programme", "LOCAL"));
        String id = draft.get("id").asString();
        Map<String, Object> bad = new HashMap<>(Map.of(
                "title",
                "Lớp truyền nghề đan lát",
                "contentCode",
                "VOCATIONAL_TRAINING",
                "programme",
                "LOCAL",
                "supportKind",
                "MACHINERY",
                "communeCode",
                "99999",
                "startsOn",
                "2027-05-01",
                "endsOn",
                "2027-01-01"));
        bad.put("answers", Map.of("trainees", "nhiều", "unknownQuestion", 1, "classes", 0));
        Api.Response invalid = the.enterprise.put("/api/v1/dossiers/" + id, bad);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").findValues("field").stream().map(JsonNode::asString))
                .containsExactlyInAnyOrder(
                        "supportKind",
                        "communeCode",
                        "endsOn",
                        "answers.trainees",
                        "answers.unknownQuestion",
                        "answers.classes");

        Map<String, Object> good = new HashMap<>(Map.of(
                "title",
                "Lớp truyền nghề đan lát",
                "contentCode",
                "VOCATIONAL_TRAINING",
                "programme",
                "LOCAL",
                "supportKind",
                "VOCATIONAL_TRAINING"));
        good.put("answers", Map.of("trade", "Đan lát mây tre", "trainees", 35));
        Api.Response saved = the.enterprise.put("/api/v1/dossiers/" + id, good);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        JsonNode resumed = the.enterprise.get("/api/v1/dossiers/" + id).json();
        assertThat(resumed.get("answers").get("trade").asString()).isEqualTo("Đan lát mây tre");
        assertThat(resumed.get("answers").get("trainees").asInt()).isEqualTo(35);
        assertThat(resumed.get("supportKind").asString()).isEqualTo("VOCATIONAL_TRAINING");
        assertThat(resumed.get("version").asLong()).isEqualTo(1);
    }

    @Test
    void aStaleDraftSaveIsRefused() {
        String id = the.aDraft().get("id").asString();
        assertThat(the.enterprise
                        .put("/api/v1/dossiers/" + id, Fixtures.aCompleteForm(), "\"0\"")
                        .status())
                .isEqualTo(200);
        Api.Response stale = the.enterprise.put("/api/v1/dossiers/" + id, Fixtures.aCompleteForm(), "\"0\"");
        assertThat(stale.status()).isEqualTo(409);
    }

    @Test
    void aSubmittedDossierCannotBeEdited() {
        String id = the.submitted();
        Api.Response locked = the.enterprise.put("/api/v1/dossiers/" + id, Fixtures.aCompleteForm());
        assertThat(locked.status()).isEqualTo(409);
        assertThat(locked.json().get("rule").asString()).isEqualTo("form-locked");
    }

    @Test
    void officersWorkTheirQueueByDeadline() {
        String first = the.submitted();
        String second = the.submitted();
        JsonNode queue = the.reviewer.get("/api/v1/queue?status=SUBMITTED").json();
        List<String> ids =
                queue.findValues("id").stream().map(JsonNode::asString).toList();
        assertThat(ids).contains(first, second);
        assertThat(queue.findValues("deadline").stream().map(JsonNode::asString))
                .allMatch(state -> List.of("ON_TIME", "DUE_SOON", "OVERDUE").contains(state));

        fire(the.reviewer, first, event("ASSIGN", "assignee", "thamdinh"));
        List<String> mine = the.reviewer.get("/api/v1/queue?assignee=me").json().findValues("id").stream()
                .map(JsonNode::asString)
                .toList();
        assertThat(mine).contains(first).doesNotContain(second);
        assertThat(the.reviewer
                        .post("/api/v1/dossiers/" + second + "/transitions", event("ASSIGN", "assignee", "pheduyet"))
                        .json()
                        .get("rule")
                        .asString())
                .isEqualTo("assignee-reviewer");
        assertThat(the.enterprise.get("/api/v1/queue").status()).isEqualTo(403);
    }
}
