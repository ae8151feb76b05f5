package vn.khuyencong;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.khuyencong.support.Api;
import vn.khuyencong.support.IntegrationTest;

/** Every error is an RFC 9457 problem detail in Vietnamese, with the right status and no stack trace. */
class ErrorResponsesIntegrationTests extends IntegrationTest {

    static void assertProblem(Api.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().get("type").asString()).startsWith("https://khuyencong.gov.vn/problems/");
        assertThat(response.json().get("detail").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception", "at vn.", "at org.", "trace");
    }

    @Test
    void aMissingTokenIs401() {
        Api.Response response = api().get("/api/v1/dossiers");
        assertProblem(response, 401);
        assertThat(response.json().get("detail").asString()).isEqualTo("Bạn cần đăng nhập để thực hiện thao tác này.");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void aForgedTokenIs401() {
        String forged = api().as("doanhnghiep").token().replaceAll(".{8}$", "AAAAAAAA");
        assertProblem(api().withToken(forged).get("/api/v1/dossiers"), 401);
        assertProblem(api().withToken("garbage").get("/api/v1/dossiers"), 401);
    }

    @Test
    void anUnknownRouteIs404() {
        Api.Response response = api().as("doanhnghiep").get("/api/v1/khong-co");
        assertProblem(response, 404);
        assertThat(response.json().get("detail").asString()).contains("Không tìm thấy");
    }

    @Test
    void badJsonIs400() {
        Api.Response response = api().as("doanhnghiep").postRaw("/api/v1/dossiers", "{\"title\": ");
        assertProblem(response, 400);
        assertThat(response.json().get("detail").asString()).contains("JSON");
    }

    @Test
    void aValueOfTheWrongTypeNamesItsField() {
        Api.Response response = api().as("doanhnghiep")
                .postRaw(
                        "/api/v1/dossiers",
                        "{\"title\":\"x\",\"contentCode\":\"CONSULTING\",\"programme\":\"REGIONAL\",\"requestedSupport\":1}");
        assertProblem(response, 400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("programme");
    }

    @Test
    void validationNamesEveryBadField() {
        Api.Response response = api().as("doanhnghiep")
                .post("/api/v1/dossiers", Map.of("title", " ", "requestedSupport", -5, "totalBudget", -1));
        assertProblem(response, 400);
        assertThat(response.json().get("errors").findValues("field").stream().map(v -> v.asString()))
                .containsExactlyInAnyOrder("title", "contentCode", "programme", "requestedSupport", "totalBudget");
    }

    @Test
    void aContentOutsideTheCatalogueIsAFieldError() {
        Api.Response response = api().as("doanhnghiep")
                .post(
                        "/api/v1/dossiers",
                        Map.of(
                                "title",
                                "Đề án",
                                "contentCode",
                                "NOT_A_CONTENT",
                                "programme",
                                "LOCAL",
                                "requestedSupport",
                                1));
        assertProblem(response, 400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("contentCode");
    }

    @Test
    void aForbiddenActionIs403() {
        Api.Response response = api().as("thamdinh")
                .post(
                        "/api/v1/dossiers",
                        Map.of(
                                "title",
                                "Đề án",
                                "contentCode",
                                "CONSULTING",
                                "programme",
                                "LOCAL",
                                "requestedSupport",
                                1));
        assertProblem(response, 403);
    }

    @Test
    void unknownAndMalformedCodesAnswerAlike() {
        Api.Response unknown = api().get("/api/v1/public/dossiers/000.00.15.H55-260101-9999");
        Api.Response malformed = api().get("/api/v1/public/dossiers/abc");
        assertProblem(unknown, 404);
        assertProblem(malformed, 404);
        assertThat(unknown.json().get("detail")).isEqualTo(malformed.json().get("detail"));
    }

    @Test
    void anotherOrganisationsDossierIsNotFoundRatherThanForbidden() {
        Api.Response response = api().as("doanhnghiep").get("/api/v1/dossiers/" + java.util.UUID.randomUUID());
        assertProblem(response, 404);
    }
}
