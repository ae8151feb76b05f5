package vn.khuyencong.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.khuyencong.support.Fixtures.event;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.khuyencong.document.internal.ObjectStore;
import vn.khuyencong.support.Api;
import vn.khuyencong.support.Fixtures;
import vn.khuyencong.support.IntegrationTest;

/**
 * A paper whose issuing failed (the object store was down when the step committed) is issued by the resubmission
 * job once the store is back, without a restart, once. The tests run with {@code kc.events.resubmit-after} 10 s and
 * the job every second.
 */
class PaperResubmissionIntegrationTests extends IntegrationTest {

    final Fixtures the = new Fixtures(api());

    @Autowired
    ObjectStore store;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aReceiptNotIssuedWhileTheObjectStoreWasDownIsIssuedOnceItIsBack() throws Exception {
        String id = the.aReadyDraft();
        var server = store.embeddedServer().orElseThrow();
        server.stop();
        try {
            the.fire(the.enterprise, id, event("SUBMIT"));
            Map<String, Object> failed = await(id, row -> "FAILED".equals(row.get("status")), Duration.ofSeconds(20));
            assertThat(failed.get("completion_attempts")).isEqualTo(1);
        } finally {
            server.restart();
            for (int i = 0; i < 100 && !store.reachable(); i++) {
                Thread.sleep(50);
            }
        }
        assertThat(papers(id)).as("no paper while the store was down").isZero();

        Map<String, Object> completed = await(id, row -> row.get("completion_date") != null, Duration.ofSeconds(60));
        assertThat(completed.get("status")).isEqualTo("COMPLETED");
        assertThat(completed.get("completion_attempts"))
                .as("the first attempt and one resubmission")
                .isEqualTo(2);

        JsonNode receipt = receipt(id);
        HttpResponse<byte[]> pdf = the.enterprise.download(
                "/api/v1/dossiers/" + id + "/papers/" + receipt.get("id").asString() + "/content");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(HexFormat.of().formatHex(Api.sha256(pdf.body())))
                .isEqualTo(receipt.get("sha256").asString());

        // the job keeps running every second: nothing is resubmitted or issued again
        Thread.sleep(3_000);
        assertThat(publication(id).get("completion_attempts")).isEqualTo(2);
        assertThat(papers(id)).isEqualTo(1);
    }

    Map<String, Object> publication(String dossierId) {
        return jdbc.sql("""
                select status, completion_attempts, completion_date from event_publication
                where listener_id like '%PaperIssuer%' and serialized_event like ?""").param("%" + dossierId + "%").query().singleRow();
    }

    Map<String, Object> await(String dossierId, Predicate<Map<String, Object>> condition, Duration within)
            throws InterruptedException {
        long end = System.nanoTime() + within.toNanos();
        Map<String, Object> row = publication(dossierId);
        while (!condition.test(row) && System.nanoTime() < end) {
            Thread.sleep(100);
            row = publication(dossierId);
        }
        assertThat(row).as("the receipt's event publication").matches(condition);
        return row;
    }

    int papers(String dossierId) {
        return jdbc.sql("select count(*) from paper where dossier_id = ? and kind = 'RECEIPT'")
                .param(UUID.fromString(dossierId))
                .query(Integer.class)
                .single();
    }

    JsonNode receipt(String dossierId) {
        for (JsonNode paper :
                the.enterprise.get("/api/v1/dossiers/" + dossierId + "/papers").json()) {
            if ("RECEIPT".equals(paper.get("kind").asString())) {
                return paper;
            }
        }
        throw new AssertionError("No receipt listed for " + dossierId);
    }
}
