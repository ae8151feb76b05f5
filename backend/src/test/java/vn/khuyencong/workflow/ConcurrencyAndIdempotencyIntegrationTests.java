package vn.khuyencong.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.khuyencong.support.Fixtures.event;

import java.time.Duration;
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
import vn.khuyencong.document.internal.ObjectStore;
import vn.khuyencong.support.Api;
import vn.khuyencong.support.Fixtures;
import vn.khuyencong.support.IntegrationTest;

/** Concurrent or repeated requests never corrupt or duplicate data (on the real PostgreSQL). */
class ConcurrencyAndIdempotencyIntegrationTests extends IntegrationTest {

    final Fixtures the = new Fixtures(api());

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectStore store;

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
                    () -> the.reviewer
                            .post("/api/v1/dossiers/" + id + "/transitions", event("START_REVIEW"))
                            .status(),
                    () -> second.post("/api/v1/dossiers/" + id + "/transitions", event("START_REVIEW"))
                            .status()));
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            assertThat(jdbc.sql("select count(*) from dossier_history where dossier_id = ? and event = 'START_REVIEW'")
                            .param(UUID.fromString(id))
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);
        }
    }

    @Test
    void concurrentSubmissionsGetUniqueGapFreeCodes() throws Exception {
        List<String> ready =
                IntStream.range(0, 10).mapToObj(i -> the.aReadyDraft()).toList();
        List<Callable<String>> submits = ready.stream()
                .<Callable<String>>map(id -> () -> {
                    Api.Response response =
                            the.enterprise.post("/api/v1/dossiers/" + id + "/transitions", event("SUBMIT"));
                    assertThat(response.status()).as(response.body()).isEqualTo(200);
                    return response.json().get("code").asString();
                })
                .toList();
        List<String> codes = together(submits);
        assertThat(codes).doesNotHaveDuplicates().hasSize(10);

        // across the whole run: per agency and day, the numbers are exactly 1..n
        List<Map<String, Object>> days = jdbc.sql("""
                select split_part(code, '-', 2) as day, count(*) as n, max(cast(split_part(code, '-', 3) as int)) as top
                from dossier where code is not null group by 1""").query().listOfRows();
        assertThat(days)
                .isNotEmpty()
                .allSatisfy(row -> assertThat(((Number) row.get("top")).longValue())
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
        assertThat(jdbc.sql("select count(*) from dossier where title = ?")
                        .param("Đề án " + key)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void theSameKeyWithADifferentPayloadIsRefused() {
        String key = UUID.randomUUID().toString();
        assertThat(the.enterprise
                        .post("/api/v1/dossiers", Fixtures.aCompleteForm(), key)
                        .status())
                .isEqualTo(201);
        Api.Response other =
                the.enterprise.post("/api/v1/dossiers", Fixtures.with(Fixtures.aCompleteForm(), "title", "Khác"), key);
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.contentType()).startsWith("application/problem+json");
    }

    @Test
    void theSameJsonWithOtherWhitespaceOrderAndEscapesIsTheSamePayload() {
        String id = the.submitted();
        String key = UUID.randomUUID().toString();
        String path = "/api/v1/dossiers/" + id + "/transitions";
        Api.Response first = the.reviewer.postRaw(path, "{\"event\":\"ASSIGN\",\"assignee\":\"thamdinh\"}", key);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        Api.Response again = the.reviewer.postRaw(
                path, "{\n  \"assignee\" : \"tham\\u0064inh\",\n  \"event\": \"ASSIGN\"\n}\n", key);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        Api.Response other = the.reviewer.postRaw(path, "{\"event\":\"ASSIGN\",\"assignee\":\"thamdinh2\"}", key);
        assertThat(other.status()).as(other.body()).isEqualTo(422);
        assertThat(jdbc.sql("select count(*) from dossier_history where dossier_id = ? and event = 'ASSIGN'")
                        .param(UUID.fromString(id))
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void concurrentCopiesOfOneTransitionRunOnce() throws Exception {
        String id = the.aReadyDraft();
        String key = UUID.randomUUID().toString();
        List<Integer> statuses = together(IntStream.range(0, 4)
                .<Callable<Integer>>mapToObj(i -> () -> the.enterprise
                        .post("/api/v1/dossiers/" + id + "/transitions", event("SUBMIT"), key)
                        .status())
                .toList());
        assertThat(statuses).contains(200).allMatch(status -> status == 200 || status == 409);
        JsonNode history =
                the.enterprise.get("/api/v1/dossiers/" + id + "/history").json();
        assertThat(history.size()).isEqualTo(1);
    }

    @Test
    void concurrentCopiesOfADraftCreationCreateOneDraft() throws Exception {
        String key = UUID.randomUUID().toString();
        String title = "Đề án " + key;
        Map<String, Object> form = Fixtures.with(Fixtures.aCompleteForm(), "title", title);
        List<Api.Response> responses = together(IntStream.range(0, 4)
                .<Callable<Api.Response>>mapToObj(i -> () -> the.enterprise.post("/api/v1/dossiers", form, key))
                .toList());

        assertThat(responses).extracting(Api.Response::status).contains(201).allMatch(s -> s == 201 || s == 409);
        assertThat(responses)
                .filteredOn(r -> r.status() == 201)
                .extracting(r -> r.json().get("id").asString())
                .containsOnly(responses.stream()
                        .filter(r -> r.status() == 201 && r.header("Idempotent-Replayed") == null)
                        .map(r -> r.json().get("id").asString())
                        .findFirst()
                        .orElseThrow());
        assertThat(responses)
                .filteredOn(r -> r.status() == 409)
                .allSatisfy(r -> assertThat(r.header("Retry-After")).isEqualTo("1"));
        assertThat(jdbc.sql("select count(*) from dossier where title = ?")
                        .param(title)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        // a later retry gets the answer of the one that ran
        Api.Response again = the.enterprise.post("/api/v1/dossiers", form, key);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void concurrentCopiesOfAnAssignmentWriteOneHistoryRow() throws Exception {
        // an assignment keeps the state, so only the key tells a retry from a second assignment
        String id = the.underReview();
        String key = UUID.randomUUID().toString();
        List<Integer> statuses = together(IntStream.range(0, 4)
                .<Callable<Integer>>mapToObj(i -> () -> the.reviewer
                        .post("/api/v1/dossiers/" + id + "/transitions", event("ASSIGN", "assignee", "thamdinh"), key)
                        .status())
                .toList());
        assertThat(statuses).contains(200).allMatch(status -> status == 200 || status == 409);
        assertThat(jdbc.sql("select count(*) from dossier_history where dossier_id = ? and event = 'ASSIGN'")
                        .param(UUID.fromString(id))
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(the.reviewer
                        .post("/api/v1/dossiers/" + id + "/transitions", event("ASSIGN", "assignee", "thamdinh"), key)
                        .header("Idempotent-Replayed"))
                .isEqualTo("true");
    }

    @Test
    void aRefusedTransitionRecordsNothingSoTheSameKeyRunsOnceTheDossierIsReady() {
        String id = the.aDraft().get("id").asString();
        String key = UUID.randomUUID().toString();
        String transitions = "/api/v1/dossiers/" + id + "/transitions";

        Api.Response refused = the.enterprise.post(transitions, event("SUBMIT"), key);
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(recorded(key)).isZero();

        // the missing documents are uploaded; the same request with the same key now runs
        the.uploadEveryRequiredDocument(id);
        Api.Response submitted = the.enterprise.post(transitions, event("SUBMIT"), key);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(submitted.header("Idempotent-Replayed")).isNull();
        assertThat(submitted.json().get("status").asString()).isEqualTo("SUBMITTED");

        Api.Response replayed = the.enterprise.post(transitions, event("SUBMIT"), key);
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replayed.json().get("code")).isEqualTo(submitted.json().get("code"));
        assertThat(jdbc.sql("select count(*) from dossier_history where dossier_id = ? and event = 'SUBMIT'")
                        .param(UUID.fromString(id))
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void anInvalidPayloadRecordsNothingSoTheKeyServesTheCorrectedOne() {
        String key = UUID.randomUUID().toString();
        String title = "Đề án " + key;
        Api.Response invalid =
                the.enterprise.post("/api/v1/dossiers", Fixtures.with(Fixtures.aCompleteForm(), "title", ""), key);
        assertThat(invalid.status()).as(invalid.body()).isEqualTo(400);
        assertThat(recorded(key)).isZero();

        Api.Response corrected =
                the.enterprise.post("/api/v1/dossiers", Fixtures.with(Fixtures.aCompleteForm(), "title", title), key);
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(201);
        assertThat(corrected.header("Idempotent-Replayed")).isNull();
        assertThat(recorded(key)).isEqualTo(1);
    }

    @Test
    void theWorkLeftForAfterTheCommitRunsForARequestWithAKey() throws Exception {
        // the receipt is issued by a listener of the event publication registry, after the commit
        String id = the.aReadyDraft();
        Api.Response submitted = the.enterprise.post(
                "/api/v1/dossiers/" + id + "/transitions",
                event("SUBMIT"),
                UUID.randomUUID().toString());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        int receipts = 0;
        while (receipts == 0 && System.nanoTime() < end) {
            Thread.sleep(100);
            receipts = jdbc.sql("select count(*) from paper where dossier_id = ? and kind = 'RECEIPT'")
                    .param(UUID.fromString(id))
                    .query(Integer.class)
                    .single();
        }
        assertThat(receipts).isEqualTo(1);
    }

    @Test
    void aDocumentDeletedWithAKeyLosesItsObjectOnceTheDeletionIsCommitted() {
        String id = the.aDraft().get("id").asString();
        String documentId =
                Fixtures.uploadA(the.enterprise, id, "OTHER").get("id").asString();
        String objectKey = jdbc.sql("select object_key from document where id = ?")
                .param(UUID.fromString(documentId))
                .query(String.class)
                .single();
        assertThat(store.exists(objectKey)).isTrue();

        Api.Response deleted = the.enterprise.delete(
                "/api/v1/dossiers/" + id + "/documents/" + documentId,
                UUID.randomUUID().toString());
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        assertThat(jdbc.sql("select count(*) from document where id = ?")
                        .param(UUID.fromString(documentId))
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(store.exists(objectKey)).isFalse();
    }

    int recorded(String key) {
        return jdbc.sql("select count(*) from idempotency_record where key = ?")
                .param(key)
                .query(Integer.class)
                .single();
    }
}
