package vn.khuyencong.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.khuyencong.identity.IdentityFixtures.acceptsInvitation;
import static vn.khuyencong.identity.IdentityFixtures.anInvitationLink;
import static vn.khuyencong.identity.IdentityFixtures.anOrganisation;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.khuyencong.support.Api;
import vn.khuyencong.support.IntegrationTest;

/**
 * As a new user would: register an organisation, sign in, invite a colleague who then sees the same dossiers, while
 * a user of another organisation sees none of them.
 */
class OrganisationJourneyIntegrationTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    String base() {
        return "http://localhost:" + PORT;
    }

    @Test
    void aColleagueInvitedIntoTheOrganisationSeesItsDossiersAndAnotherOrganisationSeesNone() {
        // an establishment registers and its owner signs in through the authorization server (code + PKCE)
        IdentityFixtures.Person owner = anOrganisation(base(), jdbc, "Hợp tác xã Chè Tân Cương");
        Api ownerApi = owner.signedIn(api());
        JsonNode me = ownerApi.get("/api/v1/me").json();
        assertThat(me.get("roles").get(0).asString()).isEqualTo("ENTERPRISE");
        assertThat(me.get("organisationName").asString()).isEqualTo("Hợp tác xã Chè Tân Cương");
        assertThat(me.get("organisationRole").asString()).isEqualTo("OWNER");

        Api.Response created = ownerApi.post(
                "/api/v1/dossiers",
                Map.of(
                        "title",
                        "Máy sao chè",
                        "contentCode",
                        "TECHNOLOGY_TRANSFER",
                        "programme",
                        "LOCAL",
                        "requestedSupport",
                        90_000_000));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String dossier = created.json().get("id").asString();

        // the owner invites a colleague, who registers with the link into the same organisation
        String link = anInvitationLink(ownerApi);
        assertThat(link).startsWith(base() + "/register?invitation=");
        IdentityFixtures.Person colleague = acceptsInvitation(base(), link, jdbc);
        assertThat(colleague.organisationId()).isEqualTo(owner.organisationId());
        Api colleagueApi = colleague.signedIn(api());
        assertThat(colleagueApi.get("/api/v1/me").json().get("organisationRole").asString())
                .isEqualTo("MEMBER");
        assertThat(colleagueApi.get("/api/v1/dossiers").body()).contains(dossier);
        assertThat(colleagueApi.get("/api/v1/dossiers/" + dossier).status()).isEqualTo(200);
        JsonNode members = ownerApi.get("/api/v1/organisation/members").json();
        assertThat(members.findValuesAsString("username")).containsExactlyInAnyOrder(owner.email(), colleague.email());

        // the link was single-use
        AuthPages again = new AuthPages(base(), IdentityFixtures.aClientAddress());
        assertThat(again.get(link).status()).isEqualTo(404);
        assertThat(ownerApi.get("/api/v1/organisation/invitations")
                        .json()
                        .get(0)
                        .get("status")
                        .asString())
                .isEqualTo("ACCEPTED");

        // a user of another organisation sees none of it, and cannot tell it exists
        Api stranger =
                anOrganisation(base(), jdbc, "Hộ kinh doanh Mây tre Phú Bình").signedIn(api());
        assertThat(stranger.get("/api/v1/dossiers").json().size()).isZero();
        assertThat(stranger.get("/api/v1/dossiers/" + dossier).status()).isEqualTo(404);
        assertThat(stranger.get("/api/v1/dossiers/" + dossier + "/documents").status())
                .isEqualTo(404);
        assertThat(stranger.get("/api/v1/organisation/members").body()).doesNotContain(owner.email());
        String colleagueId = members.findValues("id").stream()
                .map(JsonNode::asString)
                .filter(id -> !id.equals(members.get(0).get("id").asString()))
                .findFirst()
                .orElseThrow();
        assertThat(Http.delete(stranger, "/api/v1/organisation/members/" + colleagueId)
                        .status())
                .isEqualTo(404);

        // a member cannot invite or remove: only the owner manages the organisation's accounts
        assertThat(colleagueApi
                        .post("/api/v1/organisation/invitations", Map.of())
                        .status())
                .isEqualTo(403);

        // the owner removes the colleague: the colleague's token stops working at once
        assertThat(Http.delete(ownerApi, "/api/v1/organisation/members/" + colleagueId)
                        .status())
                .isEqualTo(204);
        assertThat(colleagueApi.get("/api/v1/dossiers").status()).isEqualTo(401);
        assertThat(ownerApi.get("/api/v1/organisation/members").json().size()).isEqualTo(1);
    }

    @Test
    void aRevokedInvitationCannotBeUsed() {
        Api owner = anOrganisation(base(), jdbc, "Tổ hợp tác Rèn Phúc Sen").signedIn(api());
        Api.Response invited = owner.post("/api/v1/organisation/invitations", Map.of("email", "ai.do@example.vn"));
        String id = invited.json().get("id").asString();
        String link = invited.json().get("link").asString();

        assertThat(Http.delete(owner, "/api/v1/organisation/invitations/" + id).status())
                .isEqualTo(204);

        assertThat(new AuthPages(base(), IdentityFixtures.aClientAddress())
                        .get(link)
                        .status())
                .isEqualTo(404);
        assertThat(Http.delete(owner, "/api/v1/organisation/invitations/" + id).status())
                .isEqualTo(404);
        // only the hash of the token is stored
        String token = link.substring(link.indexOf('=') + 1);
        assertThat(jdbc.sql("select count(*) from invitation where token_hash = ?")
                        .param(token)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void anInvitationForAnAddressIsOnlyForThatAddress() {
        Api owner = anOrganisation(base(), jdbc, "Doanh nghiệp Gốm Hương Canh").signedIn(api());
        String link = owner.post("/api/v1/organisation/invitations", Map.of("email", "nguoi.duoc.moi@example.vn"))
                .json()
                .get("link")
                .asString();
        AuthPages browser = new AuthPages(base(), IdentityFixtures.aClientAddress());
        assertThat(browser.get(link).body()).contains("value=\"nguoi.duoc.moi@example.vn\"");

        AuthPages.Page refused = browser.post(
                "/register",
                Map.of(
                        "invitation",
                        link.substring(link.indexOf('=') + 1),
                        "fullName",
                        "Người khác",
                        "email",
                        "nguoi.khac@example.vn",
                        "password",
                        IdentityFixtures.PASSWORD,
                        "passwordConfirmation",
                        IdentityFixtures.PASSWORD,
                        "consent",
                        "on"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorSummary()).containsOnlyKeys("email");
    }
}
