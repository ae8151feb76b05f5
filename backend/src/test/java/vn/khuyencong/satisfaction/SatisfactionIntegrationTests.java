package vn.khuyencong.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.khuyencong.support.Api;
import vn.khuyencong.support.Fixtures;
import vn.khuyencong.support.IntegrationTest;

/** The enterprise rates the service once, after the result; the averages per indicator and period are public. */
class SatisfactionIntegrationTests extends IntegrationTest {

    final Fixtures fixtures = new Fixtures(api());

    static Map<String, Object> aRating(int processingTime, int contacts, int attitude, int onlineService) {
        return Map.of(
                "processingTime",
                processingTime,
                "contacts",
                contacts,
                "attitude",
                attitude,
                "onlineService",
                onlineService,
                "comment",
                "Cán bộ hướng dẫn tận tình, hồ sơ giải quyết sớm.");
    }

    @Test
    void theEnterpriseRatesOnceTheDossierHasAResult() {
        String pending = fixtures.underReview();
        Api.Response tooEarly =
                fixtures.enterprise.post("/api/v1/dossiers/" + pending + "/satisfaction", aRating(2, 2, 2, 2));
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.json().get("rule").asString()).isEqualTo("no-result-yet");
        assertThat(fixtures.enterprise
                        .get("/api/v1/dossiers/" + pending + "/satisfaction")
                        .json()
                        .get("canRate")
                        .asBoolean())
                .isFalse();

        String approved = fixtures.approved();
        assertThat(fixtures.enterprise
                        .get("/api/v1/dossiers/" + approved + "/satisfaction")
                        .json()
                        .get("canRate")
                        .asBoolean())
                .isTrue();
        Api.Response rated =
                fixtures.enterprise.post("/api/v1/dossiers/" + approved + "/satisfaction", aRating(2, 1, 2, 1));
        assertThat(rated.status()).as(rated.body()).isEqualTo(201);
        assertThat(rated.json().get("contacts").asInt()).isEqualTo(1);

        Api.Response again =
                fixtures.enterprise.post("/api/v1/dossiers/" + approved + "/satisfaction", aRating(0, 0, 0, 0));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("rule").asString()).isEqualTo("rated-once");
        JsonNode status = fixtures.enterprise
                .get("/api/v1/dossiers/" + approved + "/satisfaction")
                .json();
        assertThat(status.get("canRate").asBoolean()).isFalse();
        assertThat(status.get("rating").get("processingTime").asInt()).isEqualTo(2);

        // officers read it but do not rate in the enterprise's place
        assertThat(fixtures.reviewer
                        .get("/api/v1/dossiers/" + approved + "/satisfaction")
                        .status())
                .isEqualTo(200);
        String rejected = fixtures.rejected();
        assertThat(fixtures.reviewer
                        .post("/api/v1/dossiers/" + rejected + "/satisfaction", aRating(2, 2, 2, 2))
                        .status())
                .isEqualTo(409);
    }

    @Test
    void scoresOutsideTheScaleAreRefused() {
        String rejected = fixtures.rejected();
        Api.Response invalid =
                fixtures.enterprise.post("/api/v1/dossiers/" + rejected + "/satisfaction", aRating(3, 2, 2, -1));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("processingTime", "onlineService");
    }

    @Test
    void averagesPerIndicatorAndPeriodArePublic() {
        String first = fixtures.rejected();
        String second = fixtures.rejected();
        assertThat(fixtures.enterprise
                        .post("/api/v1/dossiers/" + first + "/satisfaction", aRating(2, 2, 2, 2))
                        .status())
                .isEqualTo(201);
        assertThat(fixtures.enterprise
                        .post("/api/v1/dossiers/" + second + "/satisfaction", aRating(0, 1, 2, 1))
                        .status())
                .isEqualTo(201);

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        JsonNode months = api().get("/api/v1/public/satisfaction?groupBy=MONTH&from=" + today + "&to=" + today)
                .json();
        assertThat(months.size()).isEqualTo(1);
        JsonNode month = months.get(0);
        assertThat(month.get("period").asString()).isEqualTo(today.toString().substring(0, 7));
        assertThat(month.get("count").asInt()).isGreaterThanOrEqualTo(2);
        for (String indicator : new String[] {"processingTime", "contacts", "attitude", "onlineService", "overall"}) {
            assertThat(month.get(indicator).asDouble()).isBetween(0.0, 2.0);
        }
        JsonNode years = api().get("/api/v1/public/satisfaction?groupBy=YEAR").json();
        assertThat(years.get(years.size() - 1).get("period").asString()).isEqualTo(String.valueOf(today.getYear()));
        assertThat(api().get("/api/v1/public/satisfaction?groupBy=QUARTER&from=2000-01-01&to=2000-12-31")
                        .json()
                        .size())
                .isZero();
    }
}
