package vn.khuyencong.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.khuyencong.support.Fixtures.event;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.khuyencong.support.Api;
import vn.khuyencong.support.Fixtures;
import vn.khuyencong.support.IntegrationTest;

/** The catalogue is data an administrator changes through the API; the rules follow it at once. */
class CatalogAdministrationIntegrationTests extends IntegrationTest {

    final Fixtures the = new Fixtures(api());
    final Api admin = api().as("quantri");

    @Test
    void theFormOfAContentComesFromTheCatalogue() {
        JsonNode machinery =
                api().get("/api/v1/catalog/contents/TECHNOLOGY_TRANSFER").json();
        assertThat(machinery.get("fields").findValues("key").stream().map(JsonNode::asString))
                .contains("machines", "supplierQuotes", "capacity");
        assertThat(machinery.get("supportKinds").findValues("code").stream().map(JsonNode::asString))
                .contains("MACHINERY", "DEMONSTRATION_MODEL");
        JsonNode cap = machinery.get("supportKinds").get(1).get("currentCap");
        assertThat(cap.get("maxPercent").asInt()).isEqualTo(50);
        assertThat(cap.get("maxAmount").asLong()).isEqualTo(200_000_000L);
        assertThat(machinery.get("priorityAreaCapPercent").asInt()).isEqualTo(150);
        assertThat(api().get("/api/v1/catalog/contents").json().size()).isEqualTo(9);
        assertThat(api().get("/api/v1/catalog/communes").json().findValues("priorityArea").stream()
                        .anyMatch(JsonNode::asBoolean))
                .isTrue();
    }

    @Test
    void onlyAnAdministratorChangesTheCatalogue() {
        Api.Response refused =
                the.reviewer.post("/api/v1/admin/catalog/holidays", Map.of("day", "2027-12-24", "name", "Thử"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(api().get("/api/v1/catalog/holidays").body()).doesNotContain("2027-12-24");
    }

    @Test
    void aNewCapAppliesFromItsDateAndClosesThePreviousOne() {
        String kind = "INFORMATION";
        LocalDate from = LocalDate.now().minusDays(1);
        Api.Response added = admin.post(
                "/api/v1/admin/catalog/support-caps",
                Map.of("kindCode", kind, "effectiveFrom", from.toString(), "maxPercent", 10, "maxAmount", 5_000_000));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        JsonNode caps = added.json();
        assertThat(caps.get(0).get("effectiveTo").asString())
                .isEqualTo(from.minusDays(1).toString());
        assertThat(caps.get(1).get("maxAmount").asLong()).isEqualTo(5_000_000L);

        Map<String, Object> form = Map.ofEntries(
                Map.entry("title", "Bản tin khuyến công"),
                Map.entry("contentCode", "INFORMATION"),
                Map.entry("programme", "LOCAL"),
                Map.entry("supportKind", kind),
                Map.entry("communeCode", "19001"),
                Map.entry("totalBudget", 100_000_000L),
                Map.entry("requestedSupport", 6_000_000L),
                Map.entry("counterpartFunds", 94_000_000L),
                Map.entry("startsOn", "2027-02-01"),
                Map.entry("endsOn", "2027-12-01"),
                Map.entry("expectedOutcomes", "12 số bản tin"),
                Map.entry("answers", Map.of("channel", "Ấn phẩm", "issues", 12)));
        String id = the.aDraft(form).get("id").asString();
        the.uploadEveryRequiredDocument(id);
        Api.Response refusal = the.enterprise.post("/api/v1/dossiers/" + id + "/transitions", event("SUBMIT"));
        assertThat(refusal.status()).isEqualTo(409);
        assertThat(refusal.json().get("rule").asString()).isEqualTo("support-cap");
        assertThat(refusal.json().get("detail").asString()).contains("5.000.000");
    }

    @Test
    void submissionOutsideTheCallsWindowIsRefused() {
        Api.Response call = admin.post(
                "/api/v1/admin/catalog/funding-calls",
                Map.of(
                        "programme",
                        "NATIONAL",
                        "year",
                        2026,
                        "name",
                        "Đợt đã đóng",
                        "agencyCode",
                        "000.00.15.H55",
                        "opensOn",
                        "2025-01-01",
                        "closesOn",
                        "2025-05-20"));
        assertThat(call.status()).as(call.body()).isEqualTo(201);
        String id = the.aDraft(Fixtures.with(
                        Fixtures.with(Fixtures.aCompleteForm(), "programme", "NATIONAL"),
                        "fundingCallId",
                        call.json().get("id").asString()))
                .get("id")
                .asString();
        the.uploadEveryRequiredDocument(id);
        Api.Response refusal = the.enterprise.post("/api/v1/dossiers/" + id + "/transitions", event("SUBMIT"));
        assertThat(refusal.status()).isEqualTo(409);
        assertThat(refusal.json().get("rule").asString()).isEqualTo("call-open");
    }

    @Autowired
    WorkingDays workingDays;

    @Test
    void aNewHolidayIsADayOffAtOnce() {
        LocalDate day = LocalDate.parse("2027-03-10"); // a Wednesday
        assertThat(workingDays.isWorkingDay(day)).isTrue();
        assertThat(admin.post("/api/v1/admin/catalog/holidays", Map.of("day", day.toString(), "name", "Ngày nghỉ bù"))
                        .status())
                .isEqualTo(201);
        assertThat(workingDays.isWorkingDay(day)).isFalse();
        assertThat(api().get("/api/v1/catalog/holidays").body()).contains("2027-03-10");
        Api.Response twice =
                admin.post("/api/v1/admin/catalog/holidays", Map.of("day", day.toString(), "name", "Lần hai"));
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.json().get("errors").get(0).get("field").asString()).isEqualTo("day");
    }

    @Test
    void badCatalogueInputNamesTheField() {
        Api.Response response = admin.post(
                "/api/v1/admin/catalog/support-caps",
                Map.of("kindCode", "NO_SUCH_KIND", "effectiveFrom", "2027-01-01", "maxPercent", 50));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("kindCode");
        Api.Response percent = admin.post(
                "/api/v1/admin/catalog/support-caps",
                Map.of("kindCode", "BRAND", "effectiveFrom", "2027-01-01", "maxPercent", 150));
        assertThat(percent.json().get("errors").get(0).get("field").asString()).isEqualTo("maxPercent");
    }
}
