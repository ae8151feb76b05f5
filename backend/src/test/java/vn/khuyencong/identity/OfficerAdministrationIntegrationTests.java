package vn.khuyencong.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.khuyencong.support.Api;
import vn.khuyencong.support.IntegrationTest;

/**
 * An administrator brings officers in by invitation, assigns their roles and agency, and can lock them out; each
 * change takes effect at the officer's next request and is written to the security audit trail. An agency's
 * administrator manages that agency's officers only.
 */
class OfficerAdministrationIntegrationTests extends IntegrationTest {

    static final String AGENCY = "000.00.15.H55";

    @Autowired
    JdbcClient jdbc;

    @Test
    void anInvitedOfficerGetsTheRolesTheAdministratorGivesAndLosesThemAtOnce() {
        Api admin = api().as("quantri");
        Api.Response invited =
                admin.post("/api/v1/admin/invitations", Map.of("roles", List.of("REVIEWER"), "agencyCode", AGENCY));
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        IdentityFixtures.Person officer = IdentityFixtures.acceptsInvitation(
                Http.base(), invited.json().get("link").asString(), jdbc);
        Api officerApi = officer.signedIn(api());
        JsonNode me = officerApi.get("/api/v1/me").json();
        assertThat(me.get("roles").get(0).asString()).isEqualTo("REVIEWER");
        assertThat(me.get("agencyCode").asString()).isEqualTo(AGENCY);

        String id = admin.get("/api/v1/admin/officers").json().findParents("username").stream()
                .filter(o -> o.get("username").asString().equals(officer.email()))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asString();
        Api.Response changed = Http.put(
                admin,
                "/api/v1/admin/officers/" + id,
                Map.of("roles", List.of("APPROVER", "MONITOR"), "agencyCode", AGENCY));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);

        // the same token, the new roles
        assertThat(officerApi.get("/api/v1/me").json().get("roles").toString())
                .contains("APPROVER", "MONITOR")
                .doesNotContain("REVIEWER");
        JsonNode event = admin.get("/api/v1/admin/security-events?type=ROLES_CHANGED")
                .json()
                .get(0);
        assertThat(event.get("actor").asString()).isEqualTo("quantri");
        assertThat(event.get("target").asString()).isEqualTo(officer.email());
        assertThat(event.get("details").get("rolesBefore").toString()).contains("REVIEWER");
        assertThat(event.get("details").get("rolesAfter").toString()).contains("APPROVER", "MONITOR");

        assertThat(Http.put(
                                admin,
                                "/api/v1/admin/officers/" + id,
                                Map.of("roles", List.of("APPROVER"), "agencyCode", AGENCY, "enabled", false))
                        .status())
                .isEqualTo(200);
        assertThat(officerApi.get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void anAgencysAdministratorCannotReachAnotherAgencyNorGiveTheEnterpriseRoleNorChangeItself() {
        Api admin = api().as("quantri");
        IdentityFixtures.Person elsewhere = IdentityFixtures.anOfficerOfAnotherAgency(jdbc, "REVIEWER");
        String elsewhereId = jdbc.sql("select id::text from user_account where username = ?")
                .param(elsewhere.email())
                .query(String.class)
                .single();
        String selfId = jdbc.sql("select id::text from user_account where username = 'quantri'")
                .query(String.class)
                .single();

        assertThat(admin.get("/api/v1/admin/officers").body()).doesNotContain(elsewhere.email());
        assertThat(Http.put(
                                admin,
                                "/api/v1/admin/officers/" + elsewhereId,
                                Map.of("roles", List.of("APPROVER"), "agencyCode", AGENCY))
                        .status())
                .isEqualTo(404);
        assertThat(admin.post(
                                "/api/v1/admin/invitations",
                                Map.of("roles", List.of("REVIEWER"), "agencyCode", IdentityFixtures.OTHER_AGENCY))
                        .status())
                .isEqualTo(403);
        Api.Response enterprise =
                admin.post("/api/v1/admin/invitations", Map.of("roles", List.of("ENTERPRISE"), "agencyCode", AGENCY));
        assertThat(enterprise.status()).isEqualTo(400);
        assertThat(enterprise.json().get("errors").get(0).get("field").asString())
                .isEqualTo("roles");
        Api.Response self = Http.put(
                admin,
                "/api/v1/admin/officers/" + selfId,
                Map.of("roles", List.of("ADMIN", "APPROVER"), "agencyCode", AGENCY));
        assertThat(self.status()).isEqualTo(409);
        assertThat(self.json().get("rule").asString()).isEqualTo("not-yourself");
    }

    @Test
    void signInsAndTheirFailuresAreInTheAuditTrail() {
        IdentityFixtures.Person officer = IdentityFixtures.anOfficerOfAnotherAgency(jdbc, "MONITOR");
        AuthPages browser = new AuthPages(Http.base(), IdentityFixtures.aClientAddress());
        browser.get("/login");
        browser.post("/login", Map.of("username", officer.email(), "password", "Khong-Dung-2026!"));
        officer.signedIn(api());

        JsonNode events = api().as("quantri")
                .get("/api/v1/admin/security-events?limit=200")
                .json();
        List<String> mine = events.findParents("type").stream()
                .filter(e -> officer.email().equals(e.get("actor").asString()))
                .map(e -> e.get("type").asString())
                .toList();
        assertThat(mine).contains("SIGN_IN_FAILED", "SIGN_IN_SUCCEEDED");
        JsonNode failure = events.findParents("type").stream()
                .filter(e -> officer.email().equals(e.get("actor").asString())
                        && "SIGN_IN_FAILED".equals(e.get("type").asString()))
                .findFirst()
                .orElseThrow();
        assertThat(failure.get("clientIp").asString()).startsWith("198.51.");
        assertThat(failure.get("details").get("reason").asString()).isEqualTo("bad-credentials");
    }
}
