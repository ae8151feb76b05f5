package vn.khuyencong.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.khuyencong.support.Fixtures.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import vn.khuyencong.support.Api;
import vn.khuyencong.support.Fixtures;
import vn.khuyencong.support.IntegrationTest;

/** Concurrent or repeated requests never corrupt or duplicate data (on the real PostgreSQL). */
class ConcurrencyAndIdempotencyIntegrationTests extends IntegrationTest {

    final Fixtures the = new Fixtures(api());

    @Autowired
    JdbcClient jdbc;

    static <T> List<T> together(List<Callable<T>> calls) throws Exception {
        CyclicBarrier start = new CyclicBarrier(calls.size());
        try (ExecutorService pool = Executors.newFixedThreadPool(calls.size())) {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }

    @Test
    void twoOfficersActingOnOneDossierAtOnceExactlyOneWins() throws Exception {
        Api second = api().as(officerWithRoles("thamdinh2", "REVIEWER"));
        for (int round = 0; round < 8; round++) {
            String id = the.submitted();
            List<Integer> statuses = together(List.of(
                    () -> the.reviewer.post("/api/v1/dossiers/" + id + "/transitions", event("START_REVIEW")).status(),
                    () -> second.post("/api/v1/dossiers/" + id + "/transitions", event("START_REVIEW")).status()));
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            assertThat(jdbc.sql("select count(*) from dossier_history where dossier_id = ? and event = 'START_REVIEW'")
                    .param(UUID.fromString(id)).query(Integer.class).single()).isEqualTo(1);
        }
    }

    @Test
    void concurrentSubmissionsGetUniqueGapFreeCodes() throws Exception {
        List<String> ready = IntStream.range(0, 10).mapToObj(i -> the.aReadyDraft()).toList();
        List<Callable<String>> submits = ready.stream().<Callable<String>>map(id -> () -> {
            Api.Response response = the.enterprise.post("/api/v1/dossiers/" + id + "/transitions", event("SUBMIT"));
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            return response.json().get("code").asString();
        }).toList();
        List<String> codes = together(submits);
        assertThat(codes).doesNotHaveDuplicates().hasSize(10);

        // across the whole run: per agency and day, the numbers are exactly 1..n
        List<Map<String, Object>> days = jdbc.sql("""
                select split_part(code, '-', 2) as day, count(*) as n, max(cast(split_part(code, '-', 3) as int)) as top
                from dossier where code is not null group by 1""").query().listOfRows();
        assertThat(days).isNotEmpty().allSatisfy(row -> assertThat(((Number) row.get("top")).longValue())
                .isEqualTo(((Number) row.get("n")).longValue()));
    }

    @Test
    void aRepeatedRequestWithTheSameKeyReturnsTheFirstResponseAndCreatesNothingNew() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> form = Fixtures.with(Fixtures.aCompleteForm(), "title", "Đề án " + key);
        Api.Response first = the.enterprise.post("/api/v1/dossiers", form, key);
        Api.Response again = the.enterprise.post("/api/v1/dossiers", form, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("id")).isEqualTo(first.json().get("id"));
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(jdbc.sql("select count(*) from dossier where title = ?").param("Đề án " + key)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void theSameKeyWithADifferentPayloadIsRefused() {
        String key = UUID.randomUUID().toString();
        assertThat(the.enterprise.post("/api/v1/dossiers", Fixtures.aCompleteForm(), key).status()).isEqualTo(201);
        Api.Response other = the.enterprise.post("/api/v1/dossiers",
                Fixtures.with(Fixtures.aCompleteForm(), "title", "Khác"), key);
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aDuplicateOfARequestStillInFlightIsRefused() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> form = Fixtures.aCompleteForm();
        // what a request still being processed leaves behind: its claim, without a response yet
        Api.Response first = the.enterprise.post("/api/v1/dossiers", form, key);
        jdbc.sql("update idempotency_record set status = null, body = null where key = ?").param(key).update();
        Api.Response duplicate = the.enterprise.post("/api/v1/dossiers", form, key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.header("Retry-After")).isEqualTo("1");
    }

    @Test
    void concurrentCopiesOfOneTransitionRunOnce() throws Exception {
        String id = the.aReadyDraft();
        String key = UUID.randomUUID().toString();
        List<Integer> statuses = together(IntStream.range(0, 4).<Callable<Integer>>mapToObj(i -> () -> the.enterprise
                .post("/api/v1/dossiers/" + id + "/transitions", event("SUBMIT"), key).status()).toList());
        assertThat(statuses).contains(200).allMatch(status -> status == 200 || status == 409);
        JsonNode history = the.enterprise.get("/api/v1/dossiers/" + id + "/history").json();
        assertThat(history.size()).isEqualTo(1);
    }
}
