package vn.khuyencong;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.khuyencong.support.Fixtures.event;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.khuyencong.support.Api;
import vn.khuyencong.support.Fixtures;
import vn.khuyencong.support.IntegrationTest;

/**
 * Two writers at once, on every write path where only one may win: N identical requests fired together over HTTP
 * give exactly one success and N − 1 problem details 409 naming the rule, one record, one history row, and no
 * server error in the answers or in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
@vn.khuyencong.support.EveryAnswerDocumented
class RacesIntegrationTests extends IntegrationTest {

    static final int N = 10;

    final Fixtures the = new Fixtures(api());
    final Api admin = api().as("quantri");

    @Autowired
    JdbcClient jdbc;

    @org.junit.jupiter.api.BeforeEach
    void signedIn() {
        List.of(the.enterprise, the.reviewer, the.approver, the.monitor, admin).forEach(Api::token);
    }

    @Test
    void parallelApprovalsOfOneDossierApproveItOnce(CapturedOutput log) throws Exception {
        String id = the.reviewed();
        String number = Fixtures.aDecisionNumber();
        List<Api.Response> answers = together(
                N,
                i -> () -> the.approver.post(
                        transitions(id), event("APPROVE", "decisionNumber", number, "approvedAmount", 100_000_000L)));
        thenExactlyOneWins(answers, 200);
        assertThat(count("select count(*) from dossier_decision where dossier_id = ?", id))
                .isEqualTo(1);
        assertThat(historyRows(id, "APPROVE")).isEqualTo(1);
        assertThat(log.getAll()).doesNotContain("Unexpected error");
    }

    @Test
    void aDoubleClickOnApproveApprovesOnce(CapturedOutput log) throws Exception {
        for (int round = 0; round < 6; round++) {
            String id = the.reviewed();
            String number = Fixtures.aDecisionNumber();
            thenExactlyOneWins(
                    together(
                            2,
                            i -> () -> the.approver.post(
                                    transitions(id),
                                    event("APPROVE", "decisionNumber", number, "approvedAmount", 100_000_000L))),
                    200);
            assertThat(historyRows(id, "APPROVE")).isEqualTo(1);
        }
        assertThat(log.getAll()).doesNotContain("Unexpected error");
    }

    @Test
    void oneDecisionNumberOnEightDossiersAtOnceIsGivenToOne(CapturedOutput log) throws Exception {
        List<String> ids = IntStream.range(0, 8).mapToObj(i -> the.reviewed()).toList();
        String number = Fixtures.aDecisionNumber();
        List<Api.Response> answers = together(
                ids.size(),
                i -> () -> the.approver.post(
                        transitions(ids.get(i)),
                        event("APPROVE", "decisionNumber", number, "approvedAmount", 100_000_000L)));
        List<Api.Response> losers = thenExactlyOneWins(answers, 200);
        assertThat(losers).allSatisfy(loser -> {
            assertThat(loser.json().get("rule").asString()).isEqualTo("decision-number");
            assertThat(loser.json().get("errors").get(0).get("field").asString())
                    .isEqualTo("decisionNumber");
        });
        assertThat(jdbc.sql("select count(*) from dossier_decision where decision_number = ?")
                        .param(number)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        long approved = ids.stream().filter(id -> "APPROVED".equals(status(id))).count();
        assertThat(approved).isEqualTo(1);
        assertThat(ids.stream().mapToInt(id -> historyRows(id, "APPROVE")).sum())
                .isEqualTo(1);
        assertThat(log.getAll()).doesNotContain("Unexpected error");
    }

    @Test
    void parallelSupplementRequestsAskOnce(CapturedOutput log) throws Exception {
        String id = the.underReview();
        thenExactlyOneWins(
                together(
                        N,
                        i -> () -> the.reviewer.post(
                                transitions(id),
                                event(
                                        "REQUEST_SUPPLEMENT",
                                        "comment",
                                        "Thiếu báo giá",
                                        "items",
                                        List.of("Báo giá máy sấy")))),
                200);
        assertThat(count("select count(*) from supplement_request where dossier_id = ?", id))
                .isEqualTo(1);
        assertThat(historyRows(id, "REQUEST_SUPPLEMENT")).isEqualTo(1);
        assertThat(log.getAll()).doesNotContain("Unexpected error");
    }

    @Test
    void parallelRecommendationsRecordOneScoreSheet(CapturedOutput log) throws Exception {
        String id = the.underReview();
        thenExactlyOneWins(
                together(
                        N,
                        i -> () -> the.reviewer.post(
                                transitions(id),
                                event(
                                        "RECOMMEND",
                                        "scores",
                                        Fixtures.aFullScoreSheet(),
                                        "recommendedAmount",
                                        Fixtures.RECOMMENDED))),
                200);
        assertThat(count("select count(*) from dossier_review where dossier_id = ?", id))
                .isEqualTo(1);
        assertThat(historyRows(id, "RECOMMEND")).isEqualTo(1);
        assertThat(log.getAll()).doesNotContain("Unexpected error");
    }

    @Test
    void parallelAcceptancesOfOneProjectAcceptItOnce(CapturedOutput log) throws Exception {
        String id = the.monitored();
        thenExactlyOneWins(
                together(
                        N,
                        i -> () -> the.monitor.post(
                                "/api/v1/dossiers/" + id + "/monitoring/acceptance", Fixtures.anAcceptance())),
                200);
        assertThat(count("select count(*) from acceptance_record where dossier_id = ?", id))
                .isEqualTo(1);
        assertThat(historyRows(id, "ACCEPT")).isEqualTo(1);
        assertThat(status(id)).isEqualTo("COMPLETED");
        assertThat(log.getAll()).doesNotContain("Unexpected error");
    }

    @Test
    void parallelReportsOfOneMonthFileOne(CapturedOutput log) throws Exception {
        String id = the.monitored();
        assertThat(the.enterprise
                        .put("/api/v1/dossiers/" + id + "/monitoring/plan", Fixtures.aPlan())
                        .status())
                .isEqualTo(200);
        JsonNode plan = the.enterprise
                .get("/api/v1/dossiers/" + id + "/monitoring")
                .json()
                .get("plan");
        Map<String, Object> report = new HashMap<>();
        report.put("period", YearMonth.from(dates().today()).toString());
        report.put(
                "milestones",
                List.of(
                        Map.of("milestoneId", plan.get(0).get("id").asLong(), "percentDone", 50),
                        Map.of("milestoneId", plan.get(1).get("id").asLong(), "percentDone", 0)));
        report.put("spentAmount", 50_000_000L);
        report.put("counterpartInvested", 20_000_000L);
        thenExactlyOneWins(
                together(N, i -> () -> the.enterprise.post("/api/v1/dossiers/" + id + "/monitoring/reports", report)),
                201);
        assertThat(count("select count(*) from progress_report where dossier_id = ?", id))
                .isEqualTo(1);
        assertThat(historyRows(id, "PROGRESS_REPORTED")).isEqualTo(1);
        assertThat(log.getAll()).doesNotContain("Unexpected error");
    }

    @Test
    void parallelCopiesOfOnePaymentRecordItOnce(CapturedOutput log) throws Exception {
        String id = the.monitored();
        Map<String, Object> payment = Map.of(
                "kind",
                "PAYMENT",
                "amount",
                10_000_000L,
                "paidOn",
                dates().today().toString(),
                "reference",
                "UNC-2026-0042");
        List<Api.Response> losers = thenExactlyOneWins(
                together(
                        N,
                        i -> () -> the.monitor.post("/api/v1/dossiers/" + id + "/monitoring/disbursements", payment)),
                201);
        assertThat(losers)
                .allSatisfy(
                        loser -> assertThat(loser.json().get("rule").asString()).isEqualTo("voucher-once"));
        assertThat(count("select count(*) from disbursement where dossier_id = ?", id))
                .isEqualTo(1);
        assertThat(historyRows(id, "PAYMENT_RECORDED")).isEqualTo(1);
        // the same voucher typed again later, with other spaces and case, is refused the same way
        Api.Response again = the.monitor.post(
                "/api/v1/dossiers/" + id + "/monitoring/disbursements",
                Map.of(
                        "kind",
                        "PAYMENT",
                        "amount",
                        10_000_000L,
                        "paidOn",
                        dates().today().toString(),
                        "reference",
                        " unc-2026-0042 "));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("errors").get(0).get("field").asString()).isEqualTo("reference");
        assertThat(log.getAll()).doesNotContain("Unexpected error");
    }

    @Test
    void parallelPlansLeaveOneWholePlan(CapturedOutput log) throws Exception {
        String id = the.monitored();
        List<Api.Response> answers = together(
                N, i -> () -> the.enterprise.put("/api/v1/dossiers/" + id + "/monitoring/plan", Fixtures.aPlan()));
        // filing the same plan again replaces it: every copy may succeed, none may leave a mixture
        assertThat(answers)
                .allSatisfy(
                        answer -> assertThat(answer.status()).as(answer.body()).isIn(200, 409));
        assertThat(count("select count(*) from plan_milestone where dossier_id = ?", id))
                .isEqualTo(2);
        assertThat(log.getAll()).doesNotContain("Unexpected error");
    }

    @Test
    void parallelRatingsOfOneDossierRateItOnce(CapturedOutput log) throws Exception {
        String id = the.approved();
        Map<String, Object> rating = Map.of("processingTime", 2, "contacts", 2, "attitude", 2, "onlineService", 2);
        List<Api.Response> answers =
                together(N, i -> () -> the.enterprise.post("/api/v1/dossiers/" + id + "/satisfaction", rating));
        assertThat(answers).filteredOn(answer -> answer.status() == 201).hasSize(1);
        assertThat(answers).filteredOn(answer -> answer.status() != 201).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.body()).isEqualTo(409);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        });
        assertThat(count("select count(*) from satisfaction_rating where dossier_id = ?", id))
                .isEqualTo(1);
        assertThat(log.getAll()).doesNotContain("Unexpected error");
    }

    @Test
    void parallelCopiesOfOneHolidayAddItOnce(CapturedOutput log) throws Exception {
        String day = "2098-03-17";
        List<Api.Response> answers = together(
                N, i -> () -> admin.post("/api/v1/admin/catalog/holidays", Map.of("day", day, "name", "Ngày nghỉ bù")));
        assertThat(answers).filteredOn(answer -> answer.status() == 201).hasSize(1);
        assertThat(answers).filteredOn(answer -> answer.status() != 201).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.body()).isIn(400, 409);
            assertThat(answer.body()).contains("day");
        });
        assertThat(jdbc.sql("select count(*) from public_holiday where day = ?::date")
                        .param(day)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(log.getAll()).doesNotContain("Unexpected error");
    }

    @Test
    void parallelKeyRotationsLeaveOneActiveKey(CapturedOutput log) throws Exception {
        List<Api.Response> answers =
                together(4, i -> () -> admin.post("/api/v1/admin/signing-keys/rotation", Map.of()));
        assertThat(answers)
                .allSatisfy(
                        answer -> assertThat(answer.status()).as(answer.body()).isIn(201, 409));
        assertThat(answers).anySatisfy(answer -> assertThat(answer.status()).isEqualTo(201));
        assertThat(log.getAll()).doesNotContain("Unexpected error");
        // the tokens signed before and after still work
        assertThat(api().as("thamdinh").get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void parallelDeletionsOfOneDocumentDeleteItOnce(CapturedOutput log) throws Exception {
        String id = the.aDraft().get("id").asString();
        String document =
                Fixtures.uploadA(the.enterprise, id, "REQUEST_LETTER").get("id").asString();
        List<Api.Response> answers =
                together(N, i -> () -> the.enterprise.delete("/api/v1/dossiers/" + id + "/documents/" + document));
        assertThat(answers).filteredOn(answer -> answer.status() == 204).hasSize(1);
        // the document is gone for the others: 404, as for a deletion that comes later
        assertThat(answers)
                .filteredOn(answer -> answer.status() != 204)
                .allSatisfy(
                        answer -> assertThat(answer.status()).as(answer.body()).isEqualTo(404));
        assertThat(count("select count(*) from document where dossier_id = ?", id))
                .isZero();
        assertThat(log.getAll()).doesNotContain("Unexpected error");
    }

    // ---- steps and checks ----------------------------------------------------------------------------------------

    static String transitions(String id) {
        return "/api/v1/dossiers/" + id + "/transitions";
    }

    /** One answer with {@code success}, every other a 409 problem that names its rule; the losers are returned. */
    static List<Api.Response> thenExactlyOneWins(List<Api.Response> answers, int success) {
        assertThat(answers)
                .as("no server error")
                .noneSatisfy(answer -> assertThat(answer.status()).isGreaterThanOrEqualTo(500));
        assertThat(answers)
                .filteredOn(answer -> answer.status() == success)
                .as(statuses(answers))
                .hasSize(1);
        List<Api.Response> losers =
                answers.stream().filter(answer -> answer.status() != success).toList();
        assertThat(losers).allSatisfy(loser -> {
            assertThat(loser.status()).as(loser.body()).isEqualTo(409);
            assertThat(loser.contentType()).startsWith("application/problem+json");
            assertThat(loser.json().get("rule").asString()).isNotBlank();
            assertThat(loser.json().get("detail").asString()).isNotBlank();
        });
        return losers;
    }

    static String statuses(List<Api.Response> answers) {
        return answers.stream()
                .map(answer -> answer.status() + (answer.status() >= 400 ? " " + answer.body() : ""))
                .toList()
                .toString();
    }

    /** Signs the callers in first: the race is between their requests, not their sign-ins. */
    static List<Api.Response> together(int n, IntFunction<Callable<Api.Response>> call) throws Exception {
        CyclicBarrier start = new CyclicBarrier(n);
        try (ExecutorService pool = Executors.newFixedThreadPool(n)) {
            List<Future<Api.Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Callable<Api.Response> request = call.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            List<Api.Response> answers = new ArrayList<>();
            for (Future<Api.Response> future : futures) {
                answers.add(future.get());
            }
            return answers;
        }
    }

    int count(String sql, String id) {
        return jdbc.sql(sql).param(UUID.fromString(id)).query(Integer.class).single();
    }

    int historyRows(String id, String event) {
        return jdbc.sql("select count(*) from dossier_history where dossier_id = ? and event = ?")
                .params(UUID.fromString(id), event)
                .query(Integer.class)
                .single();
    }

    String status(String id) {
        return the.enterprise.get("/api/v1/dossiers/" + id).json().get("status").asString();
    }
}
