package vn.khuyencong.shared;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khuyencong.support.Api;
import vn.khuyencong.support.Fixtures;
import vn.khuyencong.support.IntegrationTest;

/**
 * A request with an {@code Idempotency-Key} and its recorded answer commit together: a copy of the request still
 * running is recognised by the lock of its transaction, which vanishes with its database session; an answer is sent
 * only once it is committed.
 */
class IdempotencyIntegrationTests extends IntegrationTest {

    final Fixtures the = new Fixtures(api());

    @Autowired
    IdempotencyFilter filter;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void aKeyHeldByAnotherTransactionIsInFlightUntilThatSessionEnds() throws Exception {
        // the name the filter knows the enterprise's user by, from an answer it recorded
        String firstKey = UUID.randomUUID().toString();
        assertThat(the.enterprise
                        .post("/api/v1/dossiers", Fixtures.aCompleteForm(), firstKey)
                        .status())
                .isEqualTo(201);
        String principal = jdbc.sql("select principal from idempotency_record where key = ?")
                .param(firstKey)
                .query(String.class)
                .single();

        String key = UUID.randomUUID().toString();
        String title = "Đề án " + key;
        Map<String, Object> form = Fixtures.with(Fixtures.aCompleteForm(), "title", title);
        // what an instance leaves behind while it runs the request (or when it dies in the middle): a session whose
        // open transaction holds the key's lock
        Connection instance =
                DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + DATABASE, "postgres", "");
        try {
            instance.setAutoCommit(false);
            try (PreparedStatement lock = instance.prepareStatement("select pg_advisory_xact_lock(?, ?)")) {
                lock.setInt(1, IdempotencyRecords.LOCK_CLASS);
                lock.setInt(2, IdempotencyRecords.lockKey(principal, key));
                lock.executeQuery().close();
            }
            for (int i = 0; i < 2; i++) {
                Api.Response held = the.enterprise.post("/api/v1/dossiers", form, key);
                assertThat(held.status()).as(held.body()).isEqualTo(409);
                assertThat(held.header("Retry-After")).isEqualTo("1");
                assertThat(held.json().get("type").asString()).endsWith("/idempotency-in-flight");
            }
        } finally {
            instance.close(); // the session ends without a commit: its lock and its work vanish with it
        }

        Api.Response retry = the.enterprise.post("/api/v1/dossiers", form, key);
        assertThat(retry.status()).as(retry.body()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isNull();
        Api.Response replayed = the.enterprise.post("/api/v1/dossiers", form, key);
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replayed.json().get("id")).isEqualTo(retry.json().get("id"));
        assertThat(jdbc.sql("select count(*) from dossier where title = ?")
                        .param(title)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void anAnswerIsSentOnlyAfterItsCommitAndAFailedCommitAsksForARetry() throws Exception {
        String key = UUID.randomUUID().toString();
        // a commit that fails: a deferred unique constraint, checked at commit
        FilterChain failsAtCommit = (request, response) -> {
            jdbc.sql(
                            "create temp table deferred_check (id int primary key deferrable initially deferred) on commit drop")
                    .update();
            jdbc.sql("insert into deferred_check values (1), (1)").update();
            response.setContentType("application/json");
            ((HttpServletResponse) response).setStatus(201);
            ((jakarta.servlet.http.HttpServletResponse) response).setHeader("Location", "/api/v1/things/1");
            response.getOutputStream().write("{\"done\":true}".getBytes(StandardCharsets.UTF_8));
        };
        MockHttpServletResponse failed = run(key, failsAtCommit);
        assertThat(failed.getStatus()).isEqualTo(503);
        assertThat(failed.getContentType()).startsWith("application/problem+json");
        assertThat(failed.getContentAsString(StandardCharsets.UTF_8))
                .contains("idempotency-not-committed")
                .doesNotContain("done");
        assertThat(failed.getHeader("Retry-After")).isEqualTo("1");
        assertThat(failed.getHeader("Location")).isNull();
        assertThat(failed.getHeader("X-Request-Id"))
                .as("set before the request ran")
                .isEqualTo("request-1");
        assertThat(recorded(key)).isZero();

        // the retry runs; its after-commit work sees the answer committed, and the client has nothing yet
        AtomicReference<Integer> recordedAfterCommit = new AtomicReference<>();
        AtomicReference<Integer> sentAfterCommit = new AtomicReference<>();
        MockHttpServletResponse[] retryResponse = new MockHttpServletResponse[1];
        FilterChain succeeds = (request, response) -> {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    recordedAfterCommit.set(recordedElsewhere(key));
                    sentAfterCommit.set(retryResponse[0].getContentAsByteArray().length);
                }
            });
            response.setContentType("application/json");
            ((HttpServletResponse) response).setStatus(201);
            response.getOutputStream().write("{\"done\":true}".getBytes(StandardCharsets.UTF_8));
        };
        retryResponse[0] = new MockHttpServletResponse();
        filter.doFilter(request(key), retryResponse[0], succeeds);
        assertThat(retryResponse[0].getStatus()).isEqualTo(201);
        assertThat(retryResponse[0].getContentAsString(StandardCharsets.UTF_8)).isEqualTo("{\"done\":true}");
        assertThat(recordedAfterCommit.get())
                .as("the answer, seen from another session after the commit")
                .isEqualTo(1);
        assertThat(sentAfterCommit.get())
                .as("bytes sent to the client before the commit")
                .isZero();

        MockHttpServletResponse replayed = run(key, (request, response) -> {
            throw new AssertionError("a recorded request must not run again");
        });
        assertThat(replayed.getStatus()).isEqualTo(201);
        assertThat(replayed.getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replayed.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("{\"done\":true}");
    }

    @Test
    void aSuccessWhoseTransactionWasMarkedForRollbackIsNotSentAsASuccess() throws Exception {
        String key = UUID.randomUUID().toString();
        MockHttpServletResponse response = run(key, (request, res) -> {
            // a use case that failed inside the request's transaction, its failure swallowed
            new TransactionTemplate(transactionManager).executeWithoutResult(status -> status.setRollbackOnly());
            ((HttpServletResponse) res).setStatus(200);
            res.getOutputStream().write("{\"done\":true}".getBytes(StandardCharsets.UTF_8));
        });
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("done");
        assertThat(recorded(key)).isZero();
    }

    MockHttpServletResponse run(String key, FilterChain chain) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setHeader("X-Request-Id", "request-1");
        filter.doFilter(request(key), response, chain);
        return response;
    }

    static MockHttpServletRequest request(String key) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/things");
        request.addHeader(IdempotencyFilter.HEADER, key);
        request.setContentType("application/json");
        request.setContent("{\"name\":\"x\"}".getBytes(StandardCharsets.UTF_8));
        return request;
    }

    int recorded(String key) {
        return jdbc.sql("select count(*) from idempotency_record where key = ?")
                .param(key)
                .query(Integer.class)
                .single();
    }

    /** Counted on a connection of its own, outside the request's transaction. */
    static int recordedElsewhere(String key) {
        try (Connection other =
                        DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + DATABASE, "postgres", "");
                PreparedStatement count =
                        other.prepareStatement("select count(*) from idempotency_record where key = ?")) {
            count.setString(1, key);
            var rs = count.executeQuery();
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
