package vn.khuyencong.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.khuyencong.support.Api;
import vn.khuyencong.support.IntegrationTest;

/**
 * The article's figures for Bắc Kạn 2014–2018, read from the public statistics after the demo dataset is loaded:
 * computed by the same queries as real data from dossiers that went through the workflow.
 */
class StatisticsDemoDatasetIntegrationTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    final Api admin = api().as("quantri");
    JsonNode report;

    @BeforeEach
    void theDemoDatasetIsLoaded() {
        Api.Response loaded = admin.post("/api/v1/admin/demo-data/bac-kan", java.util.Map.of());
        assertThat(loaded.status()).as(loaded.body()).isEqualTo(200);
        Api.Response response = api().get("/api/v1/public/statistics?fromYear=2014&toYear=2018");
        assertThat(response.status()).isEqualTo(200);
        report = response.json();
    }

    JsonNode outcome(String kind) {
        for (JsonNode outcome : report.get("outcomes")) {
            if (kind.equals(outcome.get("supportKind").asString())) {
                return outcome;
            }
        }
        throw new AssertionError("no outcome for " + kind);
    }

    JsonNode programme(String key) {
        return StatisticsIntegrationTests.row(report.get("byProgramme"), key);
    }

    @Test
    void sevenOfTheNineContentsWereCarriedOut() {
        assertThat(report.get("headline").get("contentsCarriedOut").asLong()).isEqualTo(7);
        assertThat(report.get("headline").get("contentsInCatalogue").asLong()).isEqualTo(9);
    }

    @Test
    void vocationalTrainingFor240And35Workers() {
        assertThat(outcome("VOCATIONAL_TRAINING").get("workersTrained").asLong())
                .isEqualTo(275);
        JsonNode projects = api().get("/api/v1/public/open-data/approved-projects.json?fromYear=2014&toYear=2018"
                        + "&contentCode=VOCATIONAL_TRAINING")
                .json()
                .get("projects");
        List<Integer> workers = new ArrayList<>();
        projects.forEach(p -> workers.add(p.get("workersTrained").asInt()));
        assertThat(workers).containsExactlyInAnyOrder(240, 35);
    }

    @Test
    void sevenStartUpClassesFor275Trainees() {
        assertThat(outcome("START_UP").get("projects").asLong()).isEqualTo(7);
        assertThat(outcome("START_UP").get("workersTrained").asLong()).isEqualTo(275);
    }

    @Test
    void fourteenTradeFairs() {
        assertThat(outcome("FAIR").get("fairsAttended").asLong()).isEqualTo(14);
    }

    @Test
    void packagingDesignedFor28Products() {
        assertThat(outcome("CONSULTING").get("products").asLong()).isEqualTo(28);
    }

    @Test
    void threeDemonstrationModelsWithOneBillion() {
        assertThat(outcome("DEMONSTRATION_MODEL").get("projects").asLong()).isEqualTo(3);
        assertThat(outcome("DEMONSTRATION_MODEL").get("supportPaid").asLong()).isEqualTo(1_000_000_000L);
    }

    @Test
    void thirtyMachineryProjectsWithOver21Billion() {
        assertThat(outcome("MACHINERY").get("projects").asLong()).isEqualTo(30);
        assertThat(outcome("MACHINERY").get("supportPaid").asLong()).isGreaterThan(2_100_000_000L);
    }

    @Test
    void nationalSupportOf26BillionDrew293BillionOfCounterpartFunds() {
        JsonNode national = programme("NATIONAL");
        assertThat(national.get("settledSupportPaid").asLong()).isEqualTo(2_600_000_000L);
        long counterpart = national.get("counterpartRealised").asLong();
        assertThat(BigDecimal.valueOf(counterpart).movePointLeft(9).setScale(1, RoundingMode.DOWN))
                .isEqualByComparingTo("29.3");
        assertThat(national.get("leverage").decimalValue().setScale(0, RoundingMode.HALF_UP))
                .isEqualByComparingTo("11");
    }

    @Test
    void loadingTwiceAddsNothing() {
        long before = demoDossiers();
        Api.Response again = admin.post("/api/v1/admin/demo-data/bac-kan", java.util.Map.of());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("loaded").asBoolean()).isFalse();
        assertThat(demoDossiers())
                .isEqualTo(before)
                .isEqualTo(again.json().get("dossiers").asLong());
    }

    @Test
    void theDossiersWentThroughTheWorkflowAndMonitoring() {
        List<String> events = jdbc.sql("""
                select h.event from dossier_history h join dossier d on d.id = h.dossier_id
                where d.title = 'Mô hình trình diễn kỹ thuật chế biến nông sản' order by h.id""").query(String.class).list();
        assertThat(events)
                .containsSubsequence(
                        "SUBMIT",
                        "START_REVIEW",
                        "REQUEST_SUPPLEMENT",
                        "RESUBMIT",
                        "RECOMMEND",
                        "APPROVE",
                        "START_MONITORING",
                        "ACCEPT");
        assertThat(report.get("processing").get("supplementsRequested").asLong())
                .isEqualTo(3);
        JsonNode states = StatisticsIntegrationTests.row(report.get("byProgramme"), "LOCAL");
        assertThat(states.get("dossiers").asLong())
                .isEqualTo(states.get("projects").asLong() + 1); // the refusal
    }

    long demoDossiers() {
        return jdbc.sql("select count(*) from dossier d join organisation o on o.id = d.organisation_id "
                        + "where o.tax_code like '47009001%'")
                .query(Long.class)
                .single();
    }
}
