package vn.khuyencong.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.khuyencong.support.Fixtures.event;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.khuyencong.support.Fixtures;
import vn.khuyencong.support.IntegrationTest;
import vn.khuyencong.support.RecordedEvents;

/** Other modules hear about submissions through Spring Modulith's event publication registry in PostgreSQL. */
class EventPublicationIntegrationTests extends IntegrationTest {

    final Fixtures the = new Fixtures(api());

    @Autowired
    RecordedEvents events;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSubmissionIsPublishedThroughTheRegistryAndCompleted() throws Exception {
        String id = the.submitted();
        String code =
                the.enterprise.get("/api/v1/dossiers/" + id).json().get("code").asString();

        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (events.submitted().stream().noneMatch(e -> e.dossierId().equals(UUID.fromString(id)))
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(events.submitted()).anySatisfy(e -> {
            assertThat(e.dossierId()).isEqualTo(UUID.fromString(id));
            assertThat(e.code()).isEqualTo(code);
        });
        while (jdbc.sql(
                                        "select count(*) from event_publication where serialized_event like ? and completion_date is null")
                                .param("%" + id + "%")
                                .query(Integer.class)
                                .single()
                        > 0
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(jdbc.sql(
                                "select count(*) from event_publication where serialized_event like ? and event_type like '%DossierSubmitted' and completion_date is not null")
                        .param("%" + id + "%")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aRefusedSubmissionPublishesNothing() {
        String id = the.aDraft().get("id").asString();
        assertThat(the.enterprise
                        .post("/api/v1/dossiers/" + id + "/transitions", event("SUBMIT"))
                        .status())
                .isEqualTo(409);
        assertThat(jdbc.sql("select count(*) from event_publication where serialized_event like ?")
                        .param("%" + id + "%")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aStepThatCallsForNoPaperStoresNoPublicationForThePapers() {
        String id = the.submitted();
        String papers = "%PaperIssuer%";
        int before = jdbc.sql(
                        "select count(*) from event_publication where serialized_event like ? and listener_id like ?")
                .params("%" + id + "%", papers)
                .query(Integer.class)
                .single();

        assertThat(the.reviewer
                        .post("/api/v1/dossiers/" + id + "/transitions", event("ASSIGN", "assignee", "thamdinh"))
                        .status())
                .isEqualTo(200);

        assertThat(before).as("the submission's receipt").isEqualTo(1);
        assertThat(jdbc.sql(
                                "select count(*) from event_publication where serialized_event like ? and listener_id like ?")
                        .params("%" + id + "%", papers)
                        .query(Integer.class)
                        .single())
                .as("after the assignment")
                .isEqualTo(before);
    }
}
