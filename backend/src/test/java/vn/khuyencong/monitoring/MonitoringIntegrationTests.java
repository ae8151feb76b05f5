package vn.khuyencong.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.khuyencong.support.Fixtures.event;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.khuyencong.identity.Http;
import vn.khuyencong.identity.IdentityFixtures;
import vn.khuyencong.support.Api;
import vn.khuyencong.support.Fixtures;
import vn.khuyencong.support.IntegrationTest;
import vn.khuyencong.support.RecordedEvents;

/**
 * The rules of monitoring over HTTP, with real tokens: the machinery project of the fixtures (total budget 400
 * million, approved support 100 million, advance rule of the catalogue: 70% once the work done exceeds 70% of the
 * total budget). Where time must have passed, the project's start is moved back in the database.
 */
class MonitoringIntegrationTests extends IntegrationTest {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    final Fixtures the = new Fixtures(api());

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OverdueCheck overdueCheck;

    @Autowired
    RecordedEvents events;

    static LocalDate today() {
        return LocalDate.now(VN);
    }

    static String monitoring(String id) {
        return "/api/v1/dossiers/" + id + "/monitoring";
    }

    /** A monitored project with its plan, whose monitoring started {@code monthsAgo} months ago. */
    String aPlannedProject(int monthsAgo) {
        String id = the.monitored();
        assertThat(the.enterprise
                        .put(monitoring(id) + "/plan", Fixtures.aPlan())
                        .status())
                .isEqualTo(200);
        jdbc.sql("update monitored_project set started_on = ? where dossier_id = ?")
                .params(today().minusMonths(monthsAgo), UUID.fromString(id))
                .update();
        return id;
    }

    Map<String, Object> aReport(String id, YearMonth period, long spent) {
        JsonNode plan = the.enterprise.get(monitoring(id)).json().get("plan");
        Map<String, Object> report = new HashMap<>();
        report.put("period", period.toString());
        report.put(
                "milestones",
                List.of(
                        Map.of("milestoneId", plan.get(0).get("id").asLong(), "percentDone", 80),
                        Map.of("milestoneId", plan.get(1).get("id").asLong(), "percentDone", 10)));
        report.put("spentAmount", spent);
        report.put("counterpartInvested", spent / 2);
        return report;
    }

    JsonNode fileReport(String id, YearMonth period, long spent) {
        Api.Response filed = the.enterprise.post(monitoring(id) + "/reports", aReport(id, period, spent));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        return filed.json();
    }

    static Map<String, Object> disbursement(String kind, long amount) {
        return Map.of("kind", kind, "amount", amount, "paidOn", today().toString(), "reference", "UNC-" + amount);
    }

    Api.Response disburse(String id, String kind, long amount) {
        return the.monitor.post(monitoring(id) + "/disbursements", disbursement(kind, amount));
    }

    static List<String> events(JsonNode history) {
        return history.findValues("event").stream().map(JsonNode::asString).toList();
    }

    @Test
    void aMissingReportAfterTheDeadlineFlagsTheProjectOverdueAndNotifiesBothSides() {
        String id = aPlannedProject(3);
        YearMonth twoMonthsAgo = YearMonth.from(today().minusMonths(2));
        YearMonth lastMonth = YearMonth.from(today().minusMonths(1));
        assertThat(the.enterprise.get(monitoring(id)).json().get("overdue").asBoolean())
                .isFalse();

        overdueCheck.check(today());

        for (Api side : List.of(the.enterprise, the.monitor)) {
            JsonNode seen = side.get(monitoring(id)).json();
            assertThat(seen.get("overdue").asBoolean()).isTrue();
            assertThat(seen.get("missingPeriods").size()).isGreaterThanOrEqualTo(2);
            assertThat(seen.get("notices").findValues("period").stream().map(JsonNode::asString))
                    .contains(twoMonthsAgo.toString(), lastMonth.toString());
            assertThat(seen.get("notices").get(0).get("message").asString()).contains("chưa có báo cáo tiến độ");
        }
        JsonNode history =
                the.enterprise.get("/api/v1/dossiers/" + id + "/history").json();
        JsonNode overdue = history.get(events(history).indexOf("REPORT_OVERDUE"));
        assertThat(overdue.get("actor").asString()).isEqualTo("SYSTEM");
        assertThat(overdue.get("from").asString()).isEqualTo("MONITORED");
        assertThat(overdue.get("to").asString()).isEqualTo("MONITORED");
        assertThat(events.arrives(
                        ProgressReportOverdue.class,
                        e -> e.dossierId().toString().equals(id) && e.period().equals(lastMonth)))
                .isTrue();

        // the check runs every day: a missing month is notified once
        int notices = the.enterprise.get(monitoring(id)).json().get("notices").size();
        overdueCheck.check(today());
        assertThat(the.enterprise.get(monitoring(id)).json().get("notices").size())
                .isEqualTo(notices);

        // a report filed after its deadline is marked late; once every due report is in, the project is on time
        JsonNode view = null;
        for (YearMonth period = YearMonth.from(today().minusMonths(3));
                !period.isAfter(YearMonth.from(today()));
                period = period.plusMonths(1)) {
            view = fileReport(id, period, 100_000_000L);
        }
        assertThat(view.get("reports").findValues("late").stream().map(JsonNode::asBoolean))
                .contains(true);
        assertThat(view.get("reports").get(2).get("period").asString()).isEqualTo(lastMonth.toString());
        assertThat(view.get("reports").get(2).get("late").asBoolean()).isTrue();
        assertThat(view.get("overdue").asBoolean()).isFalse();
        assertThat(view.get("missingPeriods").size()).isZero();
    }

    @Test
    void anAdvanceAboveTheCeilingOfTheCatalogueIsRefusedWithTheRuleNamed() {
        String id = aPlannedProject(1);
        Api.Response early = disburse(id, "ADVANCE", 10_000_000L);
        assertThat(early.status()).as(early.body()).isEqualTo(409);
        assertThat(early.json().get("rule").asString()).isEqualTo("advance-progress");
        assertThat(early.json().get("detail").asString()).contains("70%", "Thông tư 36/2013/TT-BCT");

        // 280 million of work done is exactly 70% of the 400 million budget: not yet "over 70%"
        fileReport(id, YearMonth.from(today().minusMonths(1)), 280_000_000L);
        assertThat(disburse(id, "ADVANCE", 10_000_000L).json().get("rule").asString())
                .isEqualTo("advance-progress");
        fileReport(id, YearMonth.from(today()), 300_000_000L);

        Api.Response above = disburse(id, "ADVANCE", 70_000_001L);
        assertThat(above.status()).as(above.body()).isEqualTo(409);
        assertThat(above.contentType()).startsWith("application/problem+json");
        assertThat(above.json().get("rule").asString()).isEqualTo("advance-ceiling");
        assertThat(above.json().get("detail").asString()).contains("70%", "70.000.000");
        assertThat(above.json().get("errors").get(0).get("field").asString()).isEqualTo("amount");
        assertThat(the.monitor.get(monitoring(id)).json().get("disbursements").size())
                .isZero();

        assertThat(disburse(id, "ADVANCE", 50_000_000L).status()).isEqualTo(201);
        assertThat(disburse(id, "ADVANCE", 20_000_001L).json().get("rule").asString())
                .isEqualTo("advance-ceiling");
        JsonNode view = disburse(id, "ADVANCE", 20_000_000L).json();
        assertThat(view.get("advancesPaid").asLong()).isEqualTo(70_000_000L);
        assertThat(view.get("advanceCeiling").get("ceiling").asLong()).isEqualTo(70_000_000L);
        assertThat(view.get("advanceCeiling").get("progressReached").asBoolean())
                .isTrue();
        assertThat(events(the.enterprise
                        .get("/api/v1/dossiers/" + id + "/history")
                        .json()))
                .containsSubsequence("ADVANCE_RECORDED", "ADVANCE_RECORDED");
    }

    @Test
    void startUpSupportMayBeAdvancedInFullFromTheStart() {
        Map<String, Object> form = new HashMap<>(Fixtures.aCompleteForm());
        form.put("title", "Hỗ trợ thành lập doanh nghiệp chế biến miến dong");
        form.put("contentCode", "MANAGEMENT_CAPACITY");
        form.put("supportKind", "START_UP");
        form.put("totalBudget", 10_000_000L);
        form.put("requestedSupport", 10_000_000L);
        form.put("counterpartFunds", 0L);
        form.put("answers", Map.of("activity", "Khởi sự doanh nghiệp", "classes", 1, "participants", 1));
        String id = the.monitored(form, 10_000_000L);

        JsonNode view = disburse(id, "ADVANCE", 10_000_000L).json();
        assertThat(view.get("advancesPaid").asLong()).isEqualTo(10_000_000L);
        assertThat(view.get("advanceCeiling").get("maxPercent").asInt()).isEqualTo(100);
        assertThat(disburse(id, "PAYMENT", 1L).json().get("rule").asString()).isEqualTo("total-within-approved");
    }

    @Test
    void paymentsBeyondTheApprovedAmountAreRefused() {
        String id = aPlannedProject(0);
        assertThat(disburse(id, "PAYMENT", 60_000_000L).status()).isEqualTo(201);
        Api.Response beyond = disburse(id, "PAYMENT", 40_000_001L);
        assertThat(beyond.status()).as(beyond.body()).isEqualTo(409);
        assertThat(beyond.json().get("rule").asString()).isEqualTo("total-within-approved");
        assertThat(beyond.json().get("detail").asString()).contains("100.000.000");
        JsonNode view = disburse(id, "PAYMENT", 40_000_000L).json();
        assertThat(view.get("totalPaid").asLong()).isEqualTo(100_000_000L);
        assertThat(view.get("remaining").asLong()).isZero();
        assertThat(disburse(id, "PAYMENT", 1L).json().get("rule").asString()).isEqualTo("total-within-approved");

        // the enterprise records no money
        assertThat(the.enterprise
                        .post(monitoring(id) + "/disbursements", disbursement("PAYMENT", 1L))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aChangeRequestNeedsAnApproverAndIsPartOfTheHistory() {
        String id = aPlannedProject(0);
        JsonNode filed = the.enterprise
                .post(
                        monitoring(id) + "/change-requests",
                        Map.of("kind", "BUDGET", "reason", "Giá máy sấy giảm", "proposedAmount", 90_000_000L))
                .json();
        long request = filed.get("changeRequests").get(0).get("id").asLong();
        String decision = monitoring(id) + "/change-requests/" + request + "/decision";

        assertThat(the.monitor.post(decision, Map.of("approved", true)).status())
                .isEqualTo(403);
        assertThat(the.enterprise.post(decision, Map.of("approved", true)).status())
                .isEqualTo(403);
        assertThat(the.reviewer.post(decision, Map.of("approved", true)).status())
                .isEqualTo(403);
        assertThat(the.monitor.get(monitoring(id)).json().get("approvedAmount").asLong())
                .isEqualTo(100_000_000L);

        JsonNode decided = the.approver
                .post(decision, Map.of("approved", true, "comment", "Đồng ý"))
                .json();
        assertThat(decided.get("approvedAmount").asLong()).isEqualTo(90_000_000L);
        assertThat(decided.get("changeRequests").get(0).get("status").asString())
                .isEqualTo("APPROVED");
        assertThat(decided.get("changeRequests").get(0).get("decidedBy").asString())
                .isEqualTo("pheduyet");
        assertThat(the.approver
                        .post(decision, Map.of("approved", false, "comment", "Đổi ý"))
                        .json()
                        .get("rule")
                        .asString())
                .isEqualTo("change-already-decided");

        // a refusal needs its reason; a timeline change moves the end date once approved
        JsonNode timeline = the.monitor
                .post(
                        monitoring(id) + "/change-requests",
                        Map.of(
                                "kind",
                                "TIMELINE",
                                "reason",
                                "Nhà cung cấp giao máy chậm",
                                "proposedEndsOn",
                                "2027-09-30"))
                .json();
        String second = monitoring(id) + "/change-requests/"
                + timeline.get("changeRequests").get(1).get("id").asLong() + "/decision";
        Api.Response noReason = the.approver.post(second, Map.of("approved", false));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("comment");
        assertThat(the.approver
                        .post(second, Map.of("approved", true))
                        .json()
                        .get("endsOn")
                        .asString())
                .isEqualTo("2027-09-30");

        JsonNode history =
                the.enterprise.get("/api/v1/dossiers/" + id + "/history").json();
        assertThat(events(history))
                .containsSubsequence("CHANGE_REQUESTED", "CHANGE_APPROVED", "CHANGE_REQUESTED", "CHANGE_APPROVED");
        assertThat(history.get(events(history).indexOf("CHANGE_APPROVED"))
                        .get("actorRole")
                        .asString())
                .isEqualTo("APPROVER");
        assertThat(the.monitor.get("/api/v1/dossiers/" + id + "/history").json())
                .isEqualTo(history);
    }

    @Test
    void aBudgetChangeBelowWhatWasPaidIsRefused() {
        String id = aPlannedProject(0);
        assertThat(disburse(id, "PAYMENT", 50_000_000L).status()).isEqualTo(201);
        long request = the.enterprise
                .post(
                        monitoring(id) + "/change-requests",
                        Map.of("kind", "BUDGET", "reason", "Giảm quy mô", "proposedAmount", 40_000_000L))
                .json()
                .get("changeRequests")
                .get(0)
                .get("id")
                .asLong();
        Api.Response refused = the.approver.post(
                monitoring(id) + "/change-requests/" + request + "/decision", Map.of("approved", true));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("rule").asString()).isEqualTo("budget-below-paid");
    }

    @Test
    void acceptanceFreezesTheSettlementFigures() {
        String id = aPlannedProject(1);
        fileReport(id, YearMonth.from(today()), 300_000_000L);
        assertThat(disburse(id, "ADVANCE", 70_000_000L).status()).isEqualTo(201);
        assertThat(disburse(id, "PAYMENT", 20_000_000L).status()).isEqualTo(201);

        // the ACCEPT event alone is refused: the acceptance record comes first
        Api.Response bare = the.monitor.post("/api/v1/dossiers/" + id + "/transitions", event("ACCEPT"));
        assertThat(bare.status()).isEqualTo(409);
        assertThat(bare.json().get("rule").asString()).isEqualTo("acceptance-record");

        // one machine installed, two working
        Map<String, Object> wrong = new HashMap<>(Fixtures.anAcceptance());
        @SuppressWarnings("unchecked")
        Map<String, Object> outcomes = new HashMap<>((Map<String, Object>) wrong.get("outcomes"));
        outcomes.put("machinesInstalled", 1);
        wrong.put("outcomes", outcomes);
        Api.Response invalid = the.monitor.post(monitoring(id) + "/acceptance", wrong);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").get(0).get("field").asString()).isEqualTo("outcomes.machinesWorking");
        assertThat(the.enterprise
                        .get("/api/v1/dossiers/" + id)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("MONITORED");
        assertThat(the.enterprise
                        .post(monitoring(id) + "/acceptance", Fixtures.anAcceptance())
                        .status())
                .isEqualTo(403);

        JsonNode accepted = the.accept(id);
        assertThat(accepted.get("status").asString()).isEqualTo("COMPLETED");
        JsonNode settlement = accepted.get("settlement");
        assertThat(settlement.get("outcome").asString()).isEqualTo("COMPLETED");
        assertThat(settlement.get("approvedAmount").asLong()).isEqualTo(100_000_000L);
        assertThat(settlement.get("advancesPaid").asLong()).isEqualTo(70_000_000L);
        assertThat(settlement.get("paymentsMade").asLong()).isEqualTo(20_000_000L);
        assertThat(settlement.get("totalSupportPaid").asLong()).isEqualTo(90_000_000L);
        assertThat(settlement.get("counterpartRealised").asLong()).isEqualTo(250_000_000L);
        assertThat(settlement.get("machinesWorking").asInt()).isEqualTo(2);
        assertThat(settlement.get("workersTrained").asInt()).isEqualTo(20);

        // nothing moves the figures afterwards: no more money, and the row itself refuses changes
        Api.Response late = disburse(id, "PAYMENT", 10_000_000L);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("rule").asString()).isEqualTo("project-monitored");
        assertThatThrownBy(() -> jdbc.sql("update settlement set total_support_paid = 0 where dossier_id = ?")
                        .param(UUID.fromString(id))
                        .update())
                .hasMessageContaining("frozen");
        assertThat(the.enterprise.get(monitoring(id)).json().get("settlement")).isEqualTo(settlement);
        assertThat(jdbc.sql("select total_support_paid from settlement where dossier_id = ?")
                        .param(UUID.fromString(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(90_000_000L);
        assertThat(events.arrives(
                        ProjectSettled.class,
                        e -> e.dossierId().toString().equals(id) && e.totalSupportPaid() == 90_000_000L))
                .isTrue();
    }

    @Test
    void aTerminationWithReasonsFreezesWhatWasPaid() {
        String id = aPlannedProject(0);
        fileReport(id, YearMonth.from(today()), 80_000_000L);
        assertThat(disburse(id, "PAYMENT", 15_000_000L).status()).isEqualTo(201);
        the.fire(the.approver, id, event("TERMINATE", "comment", "Cơ sở ngừng sản xuất, không tiếp tục đề án"));
        JsonNode view = the.enterprise.get(monitoring(id)).json();
        assertThat(view.get("status").asString()).isEqualTo("TERMINATED");
        assertThat(view.get("settlement").get("outcome").asString()).isEqualTo("TERMINATED");
        assertThat(view.get("settlement").get("totalSupportPaid").asLong()).isEqualTo(15_000_000L);
        assertThat(view.get("settlement").get("counterpartRealised").asLong()).isEqualTo(40_000_000L);
    }

    @Test
    void inspectionsRecordFindingsAndCorrectiveActionWithADueDate() {
        String id = aPlannedProject(0);
        Api.Response photo = the.monitor.upload(
                monitoring(id) + "/evidence",
                Map.of("documentType", "EVIDENCE_PHOTO"),
                "file",
                "hien-truong.pdf",
                Fixtures.PDF,
                "application/pdf");
        assertThat(photo.status()).as(photo.body()).isEqualTo(201);
        Map<String, Object> inspection = new HashMap<>(Map.of(
                "inspectedOn",
                today().toString(),
                "findings",
                "Máy sấy chưa lắp đặt.",
                "conclusion",
                "Chậm tiến độ.",
                "correctiveAction",
                "Lắp đặt máy sấy",
                "photoDocumentIds",
                List.of(photo.json().get("id").asString())));
        Api.Response noDueDate = the.monitor.post(monitoring(id) + "/inspections", inspection);
        assertThat(noDueDate.status()).isEqualTo(400);
        assertThat(noDueDate.json().get("errors").get(0).get("field").asString())
                .isEqualTo("correctiveDueOn");

        inspection.put("correctiveDueOn", today().plusDays(30).toString());
        assertThat(the.monitor.post(monitoring(id) + "/inspections", inspection).status())
                .isEqualTo(201);
        JsonNode seen =
                the.enterprise.get(monitoring(id)).json().get("inspections").get(0);
        assertThat(seen.get("correctiveAction").asString()).isEqualTo("Lắp đặt máy sấy");
        assertThat(seen.get("photoDocumentIds").get(0).asString())
                .isEqualTo(photo.json().get("id").asString());
        assertThat(the.enterprise
                        .post(monitoring(id) + "/inspections", inspection)
                        .status())
                .isEqualTo(403);
    }

    @Test
    void datesOutsideTheProjectsPeriodAreRefusedNamingTheField() {
        String id = the.monitored();
        JsonNode dossier = the.enterprise.get("/api/v1/dossiers/" + id).json();
        LocalDate endsOn = LocalDate.parse(dossier.get("endsOn").asString());
        Map<String, Object> late = Map.of(
                "milestones",
                List.of(
                        Map.of(
                                "title",
                                "Lắp đặt",
                                "dueOn",
                                endsOn.minusMonths(1).toString(),
                                "promisedOutcome",
                                "2 máy"),
                        Map.of(
                                "title",
                                "Vận hành",
                                "dueOn",
                                endsOn.plusDays(1).toString(),
                                "promisedOutcome",
                                "2 tấn/ngày")));
        Api.Response afterTheEnd = the.enterprise.put(monitoring(id) + "/plan", late);
        assertThat(afterTheEnd.status()).as(afterTheEnd.body()).isEqualTo(400);
        assertThat(afterTheEnd.json().get("errors").get(0).get("field").asString())
                .isEqualTo("milestones[1].dueOn");
        assertThat(the.enterprise.get(monitoring(id)).json().get("plan").size()).isZero();

        jdbc.sql("update monitored_project set started_on = ? where dossier_id = ?")
                .params(today().minusDays(10), UUID.fromString(id))
                .update();
        Api.Response beforeTheStart = the.monitor.post(
                monitoring(id) + "/inspections",
                Map.of(
                        "inspectedOn",
                        today().minusDays(11).toString(),
                        "findings",
                        "Chưa lắp đặt.",
                        "conclusion",
                        "Chậm tiến độ."));
        assertThat(beforeTheStart.status()).as(beforeTheStart.body()).isEqualTo(400);
        assertThat(beforeTheStart.json().get("errors").get(0).get("field").asString())
                .isEqualTo("inspectedOn");
        assertThat(the.enterprise.get(monitoring(id)).json().get("inspections").size())
                .isZero();
    }

    @Test
    void badInputIsRefusedNamingEveryFieldAndChangesNothing() {
        String id = aPlannedProject(0);
        Map<String, Object> bad = new HashMap<>(aReport(id, YearMonth.from(today()), 1L));
        bad.put("period", "2027-13");
        bad.put("spentAmount", -1);
        bad.remove("counterpartInvested");
        bad.put("evidenceDocumentIds", List.of(UUID.randomUUID().toString()));
        Api.Response invalid = the.enterprise.post(monitoring(id) + "/reports", bad);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.contentType()).startsWith("application/problem+json");
        assertThat(invalid.json().get("errors").findValues("field").stream().map(JsonNode::asString))
                .contains("period", "spentAmount", "counterpartInvested");
        assertThat(invalid.json().get("detail").asString()).contains("trường chưa hợp lệ");

        Map<String, Object> future =
                new HashMap<>(aReport(id, YearMonth.from(today()).plusMonths(1), 1L));
        future.put("evidenceDocumentIds", List.of(UUID.randomUUID().toString()));
        assertThat(
                        the
                                .enterprise
                                .post(monitoring(id) + "/reports", future)
                                .json()
                                .get("errors")
                                .findValues("field")
                                .stream()
                                .map(JsonNode::asString))
                .contains("period", "evidenceDocumentIds[0]");
        assertThat(the.enterprise.get(monitoring(id)).json().get("reports").size())
                .isZero();

        fileReport(id, YearMonth.from(today()), 1L);
        Api.Response twice = the.enterprise.post(monitoring(id) + "/reports", aReport(id, YearMonth.from(today()), 2L));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("rule").asString()).isEqualTo("one-report-per-period");

        Api.Response wrongType = the.enterprise.upload(
                monitoring(id) + "/evidence",
                Map.of("documentType", "REQUEST_LETTER"),
                "file",
                "x.pdf",
                Fixtures.PDF,
                "application/pdf");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("errors").get(0).get("field").asString())
                .isEqualTo("documentType");
    }

    @Test
    void nothingHappensBeforeMonitoringStarts() {
        String id = the.approved();
        assertThat(the.enterprise.get(monitoring(id)).json().get("started").asBoolean())
                .isFalse();
        Api.Response refused = disburse(id, "PAYMENT", 1L);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("rule").asString()).isEqualTo("project-monitored");
        // the plan may be filed as soon as the project is approved
        assertThat(the.enterprise
                        .put(monitoring(id) + "/plan", Fixtures.aPlan())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aMemberOfAnotherOrganisationSeesNothing() {
        String id = aPlannedProject(0);
        fileReport(id, YearMonth.from(today()), 1L);
        Api other = IdentityFixtures.anOrganisation(Http.base(), jdbc, "Cơ sở Mây tre đan Phú Vinh")
                .signedIn(api());
        Api otherAgency =
                IdentityFixtures.anOfficerOfAnotherAgency(jdbc, "MONITOR").signedIn(api());
        for (Api outsider : List.of(other, otherAgency)) {
            Api.Response read = outsider.get(monitoring(id));
            assertThat(read.status()).isEqualTo(404);
            assertThat(read.body()).doesNotContain("Lắp đặt");
            assertThat(outsider.get("/api/v1/dossiers/" + id + "/history").status())
                    .isEqualTo(404);
            assertThat(outsider.post(monitoring(id) + "/reports", aReport(id, YearMonth.from(today()), 1L))
                            .status())
                    .isEqualTo(404);
            assertThat(outsider.post(monitoring(id) + "/disbursements", disbursement("PAYMENT", 1L))
                            .status())
                    .isEqualTo(404);
            assertThat(outsider.put(monitoring(id) + "/plan", Fixtures.aPlan()).status())
                    .isEqualTo(404);
            assertThat(outsider.upload(
                                    monitoring(id) + "/evidence",
                                    Map.of("documentType", "EVIDENCE_PHOTO"),
                                    "file",
                                    "x.pdf",
                                    Fixtures.PDF,
                                    "application/pdf")
                            .status())
                    .isEqualTo(404);
        }
        assertThat(the.enterprise.get(monitoring(id)).json().get("reports").size())
                .isEqualTo(1);
    }
}
