package vn.khuyencong.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.khuyencong.identity.Http;
import vn.khuyencong.identity.IdentityFixtures;
import vn.khuyencong.identity.IdentityFixtures.Person;
import vn.khuyencong.support.Api;
import vn.khuyencong.support.Fixtures;
import vn.khuyencong.support.IntegrationTest;

/**
 * Who may call what: every endpoint of the API against every kind of caller, with the status each must get. A
 * dossier or document of another organisation (or another agency) answers 404, never 403, so nobody learns that it
 * exists. The table is checked against the endpoints the application actually maps: an endpoint without a row, or
 * a row without an endpoint, fails the test.
 */
@vn.khuyencong.support.EveryAnswerDocumented
class AuthorizationMatrixIntegrationTests extends IntegrationTest {

    /** The callers, in the order of the status columns of {@link #ROWS}. */
    enum Caller {
        /** no token at all */
        ANONYMOUS,
        /** a member (not the owner) of organisation A, which owns the dossier */
        MEMBER_OF_A,
        /** the owner of organisation B */
        MEMBER_OF_B,
        /** officers of the agency that handles the dossier */
        REVIEWER,
        APPROVER,
        MONITOR,
        ADMIN,
        /** a reviewer of another province's Department */
        OFFICER_OF_ANOTHER_AGENCY
    }

    /**
     * One endpoint, a request to it, and the status per caller:
     * anonymous, member of A, member of B, reviewer, approver, monitor, admin, officer of another agency.
     * Placeholders name organisation A's objects: {dossierId}, {documentId}, {code}, {memberId}, {invitationId}, and
     * {accountId} (an officer of the other agency).
     */
    static final List<Row> ROWS = List.of(
            // public
            row("GET /api/v1/public/config", "200 200 200 200 200 200 200 200"),
            row("GET /api/v1/public/dossiers/{code}", "200 200 200 200 200 200 200 200"),
            row("GET /api/v1/catalog/contents", "200 200 200 200 200 200 200 200"),
            row("GET /api/v1/catalog/document-types", "200 200 200 200 200 200 200 200"),
            row("GET /api/v1/catalog/agencies", "200 200 200 200 200 200 200 200"),
            // who am I
            row("GET /api/v1/me", "401 200 200 200 200 200 200 200"),
            // onboarding: only an enterprise person without an organisation registers one or accepts an invitation
            row("POST /api/v1/me/organisation", "401 409 409 403 403 403 403 403")
                    .json("{}"),
            row("POST /api/v1/me/invitation", "401 404 404 403 403 403 403 403").json("""
                    {"token":"no-such-invitation"}"""),
            row("GET /api/v1/public/invitations/{token}", "404 404 404 404 404 404 404 404"),
            // dossiers: the organisation's own, or the submitted ones of the officer's agency
            row("GET /api/v1/dossiers", "401 200 200 200 200 200 200 200"),
            row("POST /api/v1/dossiers", "401 201 201 403 403 403 403 403").json("""
                    {"title":"Đề án thử quyền","contentCode":"CONSULTING","programme":"LOCAL","requestedSupport":1}"""),
            row("GET /api/v1/dossiers/{id}", "401 200 404 200 200 200 200 404"),
            row("POST /api/v1/dossiers/{dossierId}/transitions", "401 409 404 409 409 409 409 404")
                    .json("""
                    {"event":"ACCEPT"}"""),
            row("GET /api/v1/dossiers/{dossierId}/history", "401 200 404 200 200 200 200 404"),
            row("GET /api/v1/dossiers/{dossierId}/processing", "401 200 404 200 200 200 200 404"),
            // a submitted dossier's form is locked; only its organisation may save a draft
            row("PUT /api/v1/dossiers/{id}", "401 409 404 409 409 409 409 404").json("""
                    {"title":"Sửa thử","contentCode":"CONSULTING","programme":"LOCAL"}"""),
            row("GET /api/v1/queue", "401 403 403 200 200 200 200 200"),
            // the catalogue: public to read, the administrator's to change (a bad body proves the role passed)
            row("GET /api/v1/catalog/contents/{contentCode}", "200 200 200 200 200 200 200 200"),
            row("GET /api/v1/catalog/funding-calls", "200 200 200 200 200 200 200 200"),
            row("GET /api/v1/catalog/communes", "200 200 200 200 200 200 200 200"),
            row("GET /api/v1/catalog/review-criteria", "200 200 200 200 200 200 200 200"),
            row("GET /api/v1/catalog/holidays", "200 200 200 200 200 200 200 200"),
            row("PUT /api/v1/admin/catalog/contents/{contentCode}", "401 403 403 403 403 403 400 403")
                    .json("{}"),
            row(
                            "PUT /api/v1/admin/catalog/contents/{contentCode}/required-documents",
                            "401 403 403 403 403 403 400 403")
                    .json("{}"),
            row("PUT /api/v1/admin/catalog/contents/{contentCode}/fields", "401 403 403 403 403 403 400 403")
                    .json("{}"),
            row("POST /api/v1/admin/catalog/support-caps", "401 403 403 403 403 403 400 403")
                    .json("{}"),
            row("PUT /api/v1/admin/catalog/settings/priority-area-cap-percent", "401 403 403 403 403 403 400 403")
                    .json("{}"),
            row("POST /api/v1/admin/catalog/holidays", "401 403 403 403 403 403 400 403")
                    .json("{}"),
            row("DELETE /api/v1/admin/catalog/holidays/{day}", "401 403 403 403 403 403 404 403"),
            row("POST /api/v1/admin/catalog/funding-calls", "401 403 403 403 403 403 400 403")
                    .json("{}"),
            row("PUT /api/v1/admin/catalog/agencies/{agencyCode}", "401 403 403 403 403 403 400 403")
                    .json("{}"),
            row("PUT /api/v1/admin/catalog/communes/{communeCode}", "401 403 403 403 403 403 400 403")
                    .json("{}"),
            // documents: the dossier's visibility decides
            row("POST /api/v1/dossiers/{dossierId}/documents", "401 409 404 409 409 409 409 404")
                    .pdfUpload(),
            row("GET /api/v1/dossiers/{dossierId}/documents", "401 200 404 200 200 200 200 404"),
            row("GET /api/v1/dossiers/{dossierId}/documents/{documentId}/content", "401 200 404 200 200 200 200 404"),
            row("GET /api/v1/dossiers/{dossierId}/checklist", "401 200 404 200 200 200 200 404"),
            // a submitted dossier's documents are kept: deleting is refused to those who see it
            row("DELETE /api/v1/dossiers/{dossierId}/documents/{documentId}", "401 409 404 409 409 409 409 404"),
            // resumable uploads: only the organisation's own sessions exist for a caller
            row("POST /api/v1/dossiers/{dossierId}/uploads", "401 409 404 409 409 409 409 404")
                    .json("""
                    {"documentType":"OTHER","fileName":"lon.pdf","size":20000000,"sha256":"%s"}""".formatted("0".repeat(64))),
            row("GET /api/v1/dossiers/{dossierId}/uploads/{uploadId}", "401 404 404 404 404 404 404 404"),
            row(
                    "PUT /api/v1/dossiers/{dossierId}/uploads/{uploadId}/parts/{partNumber}",
                    "401 404 404 404 404 404 404 404"),
            row("POST /api/v1/dossiers/{dossierId}/uploads/{uploadId}/complete", "401 404 404 404 404 404 404 404"),
            row("DELETE /api/v1/dossiers/{dossierId}/uploads/{uploadId}", "401 404 404 404 404 404 404 404"),
            // monitoring: read by whoever sees the dossier; each action by its role (a bad body proves the role
            // passed; the role is checked before the state, so the submitted dossier answers 400, not 409)
            row("GET /api/v1/dossiers/{dossierId}/monitoring", "401 200 404 200 200 200 200 404"),
            row("PUT /api/v1/dossiers/{dossierId}/monitoring/plan", "401 400 404 403 403 403 403 404")
                    .json("{}"),
            row("POST /api/v1/dossiers/{dossierId}/monitoring/reports", "401 400 404 403 403 403 403 404")
                    .json("{}"),
            // the request letter is not evidence: 400 for those who may upload evidence
            row("POST /api/v1/dossiers/{dossierId}/monitoring/evidence", "401 400 404 403 403 400 403 404")
                    .pdfUpload(),
            row("POST /api/v1/dossiers/{dossierId}/monitoring/inspections", "401 403 404 403 403 400 403 404")
                    .json("{}"),
            row("POST /api/v1/dossiers/{dossierId}/monitoring/disbursements", "401 403 404 403 403 400 403 404")
                    .json("{}"),
            row("POST /api/v1/dossiers/{dossierId}/monitoring/change-requests", "401 400 404 403 403 400 403 404")
                    .json("{}"),
            row(
                            "POST /api/v1/dossiers/{dossierId}/monitoring/change-requests/{requestId}/decision",
                            "401 403 404 403 400 403 403 404")
                    .json("{}"),
            row("POST /api/v1/dossiers/{dossierId}/monitoring/acceptance", "401 403 404 403 403 400 403 404")
                    .json("{}"),
            // the caller's organisation; inviting and removing are the owner's
            row("GET /api/v1/organisation", "401 200 200 403 403 403 403 403"),
            row("GET /api/v1/organisation/members", "401 200 200 403 403 403 403 403"),
            row("DELETE /api/v1/organisation/members/{memberId}", "401 403 404 403 403 403 403 403"),
            row("GET /api/v1/organisation/invitations", "401 403 200 403 403 403 403 403"),
            row("POST /api/v1/organisation/invitations", "401 403 201 403 403 403 403 403")
                    .json("{}"),
            row("DELETE /api/v1/organisation/invitations/{invitationId}", "401 403 404 403 403 403 403 403"),
            // administration; an agency's administrator manages that agency's officers only
            row("GET /api/v1/admin/officers", "401 403 403 403 403 403 200 403"),
            row("PUT /api/v1/admin/officers/{accountId}", "401 403 403 403 403 403 404 403")
                    .json("""
                    {"roles":["APPROVER"],"agencyCode":"000.00.15.H56"}"""),
            row("POST /api/v1/admin/invitations", "401 403 403 403 403 403 201 403")
                    .json("""
                    {"roles":["REVIEWER"],"agencyCode":"000.00.15.H55"}"""),
            row("GET /api/v1/admin/signing-keys", "401 403 403 403 403 403 200 403"),
            row("POST /api/v1/admin/signing-keys/rotation", "401 403 403 403 403 403 201 403"),
            row("GET /api/v1/admin/security-events", "401 403 403 403 403 403 200 403"),
            // notifications: everyone reads and marks only their own (another's answers 404)
            row("GET /api/v1/notifications", "401 200 200 200 200 200 200 200"),
            row("GET /api/v1/notifications/unread-count", "401 200 200 200 200 200 200 200"),
            row("POST /api/v1/notifications/{notificationId}/read", "401 404 404 404 404 404 404 404"),
            row("POST /api/v1/notifications/read-all", "401 204 204 204 204 204 204 204"),
            // papers: the dossier's visibility decides; the process control slip is drawn up by officers
            row("GET /api/v1/dossiers/{dossierId}/papers", "401 200 404 200 200 200 200 404"),
            row("GET /api/v1/dossiers/{dossierId}/papers/{paperId}/content", "401 200 404 200 200 200 200 404"),
            row("POST /api/v1/dossiers/{dossierId}/papers/process-control", "401 403 403 200 200 200 200 404"),
            row("GET /api/v1/public/papers/{paperCode}", "200 200 200 200 200 200 200 200"),
            // satisfaction: the organisation rates once the dossier has a result (this one has none yet)
            row("GET /api/v1/dossiers/{dossierId}/satisfaction", "401 200 404 200 200 200 200 404"),
            row("POST /api/v1/dossiers/{dossierId}/satisfaction", "401 409 404 409 409 409 409 404")
                    .json("""
                    {"processingTime":2,"contacts":2,"attitude":2,"onlineService":2}"""),
            row("GET /api/v1/public/satisfaction", "200 200 200 200 200 200 200 200"),
            // statistics: public figures and open data for anyone, the dashboard and its exports for officers
            row("GET /api/v1/public/statistics", "200 200 200 200 200 200 200 200"),
            row("GET /api/v1/public/open-data/approved-projects.json", "200 200 200 200 200 200 200 200"),
            row("GET /api/v1/public/open-data/approved-projects.csv", "200 200 200 200 200 200 200 200"),
            row("GET /api/v1/statistics/dashboard", "401 403 403 200 200 200 200 200"),
            row("GET /api/v1/statistics/export.csv", "401 403 403 200 200 200 200 200"),
            row("GET /api/v1/statistics/export.xlsx", "401 403 403 200 200 200 200 200"),
            // the demo dataset, on an administrator's request only (loading twice adds nothing)
            row("POST /api/v1/admin/demo-data/bac-kan", "401 403 403 403 403 403 200 403"));

    static final byte[] PDF = Fixtures.PDF;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointOfTheApiHasARow() {
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> {
            Set<String> patterns = info.getPathPatternsCondition() == null
                    ? Set.of()
                    : info.getPathPatternsCondition().getPatternValues();
            Set<String> methods = new TreeSet<>();
            info.getMethodsCondition().getMethods().forEach(method -> methods.add(method.name()));
            for (String pattern : patterns) {
                if (pattern.startsWith("/api/")) {
                    (methods.isEmpty() ? Set.of("ANY") : methods).forEach(method -> mapped.add(method + " " + pattern));
                }
            }
        });
        Set<String> rows = new TreeSet<>();
        ROWS.forEach(row -> rows.add(row.endpoint()));

        Set<String> withoutRow = new TreeSet<>(mapped);
        withoutRow.removeAll(rows);
        Set<String> withoutEndpoint = new TreeSet<>(rows);
        withoutEndpoint.removeAll(mapped);
        assertThat(withoutRow)
                .as("endpoints with no row in the authorization matrix: add one")
                .isEmpty();
        assertThat(withoutEndpoint)
                .as("rows for endpoints that no longer exist")
                .isEmpty();
    }

    @Test
    void everyCallerGetsExactlyTheStatusOfItsColumn() {
        World world = aWorld();
        List<String> wrong = new ArrayList<>();
        for (Row row : ROWS) {
            String path = world.fill(row.path());
            for (Caller caller : Caller.values()) {
                int expected = row.expected().get(caller);
                Api.Response response = row.send(world.tokens.get(caller), path);
                if (response.status() != expected) {
                    wrong.add("%-60s %-26s expected %d, got %d %s"
                            .formatted(
                                    row.endpoint(),
                                    caller,
                                    expected,
                                    response.status(),
                                    response.body().length() > 160
                                            ? response.body().substring(0, 160)
                                            : response.body()));
                } else if (expected >= 400) {
                    assertThat(response.contentType())
                            .as(row.endpoint() + " as " + caller)
                            .startsWith("application/problem+json");
                }
            }
        }
        assertThat(wrong)
                .as("callers that got another status than their column says")
                .isEmpty();
    }

    /** Organisation A with a submitted dossier and a document, organisation B, and one caller of each kind. */
    World aWorld() {
        String base = Http.base();
        Person ownerOfA = IdentityFixtures.anOrganisation(base, jdbc, "Hợp tác xã Miến Yên Bình");
        Api ownerA = ownerOfA.signedIn(api());
        Person memberOfA = IdentityFixtures.acceptsInvitation(base, IdentityFixtures.anInvitationLink(ownerA), jdbc);
        Person ownerOfB = IdentityFixtures.anOrganisation(base, jdbc, "Doanh nghiệp Đồ gỗ Đồng Kỵ");
        Person otherOfficer = IdentityFixtures.anOfficerOfAnotherAgency(jdbc, "REVIEWER");

        Api.Response created = ownerA.post("/api/v1/dossiers", vn.khuyencong.support.Fixtures.aCompleteForm());
        String dossier = created.json().get("id").asString();
        Api.Response document = ownerA.upload(
                "/api/v1/dossiers/" + dossier + "/documents",
                Map.of("documentType", "REQUEST_LETTER"),
                "file",
                "don.pdf",
                PDF,
                "application/pdf");
        Fixtures.uploadEveryRequiredDocument(ownerA, dossier);
        Api.Response submitted = ownerA.post("/api/v1/dossiers/" + dossier + "/transitions", Map.of("event", "SUBMIT"));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        String invitation = ownerA.post("/api/v1/organisation/invitations", Map.of())
                .json()
                .get("id")
                .asString();

        World world = new World();
        world.placeholders.put("{id}", dossier);
        world.placeholders.put("{dossierId}", dossier);
        world.placeholders.put("{contentCode}", "CONSULTING");
        world.placeholders.put("{agencyCode}", "000.00.15.H55");
        world.placeholders.put("{communeCode}", "19001");
        world.placeholders.put("{day}", "2099-01-01");
        world.placeholders.put("{requestId}", "1");
        world.placeholders.put("{documentId}", document.json().get("id").asString());
        world.placeholders.put("{uploadId}", UUID.randomUUID().toString());
        world.placeholders.put("{partNumber}", "1");
        world.placeholders.put("{token}", "no-such-invitation");
        world.placeholders.put("{code}", submitted.json().get("code").asString());
        world.placeholders.put(
                "{memberId}",
                jdbc.sql("select id from user_account where username = ?")
                        .param(memberOfA.email())
                        .query(UUID.class)
                        .single()
                        .toString());
        world.placeholders.put("{invitationId}", invitation);
        world.placeholders.put(
                "{accountId}",
                jdbc.sql("select id from user_account where username = ?")
                        .param(otherOfficer.email())
                        .query(UUID.class)
                        .single()
                        .toString());

        world.placeholders.put("{notificationId}", UUID.randomUUID().toString());
        // the receipt is issued just after the submission is committed
        Map<String, Object> receipt = null;
        for (int i = 0; i < 150 && receipt == null; i++) {
            receipt = jdbc
                    .sql("select id::text as id, code from paper where dossier_id = ?::uuid and kind = 'RECEIPT'")
                    .param(dossier)
                    .query()
                    .listOfRows()
                    .stream()
                    .findFirst()
                    .orElse(null);
            if (receipt == null) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        assertThat(receipt).as("the receipt of the submitted dossier").isNotNull();
        world.placeholders.put("{paperId}", String.valueOf(receipt.get("id")));
        world.placeholders.put("{paperCode}", String.valueOf(receipt.get("code")));

        world.tokens.put(Caller.ANONYMOUS, null);
        world.tokens.put(Caller.MEMBER_OF_A, memberOfA.signedIn(api()).token());
        world.tokens.put(Caller.MEMBER_OF_B, ownerOfB.signedIn(api()).token());
        world.tokens.put(Caller.REVIEWER, api().as("thamdinh").token());
        world.tokens.put(Caller.APPROVER, api().as("pheduyet").token());
        world.tokens.put(Caller.MONITOR, api().as("giamsat").token());
        world.tokens.put(Caller.ADMIN, api().as("quantri").token());
        world.tokens.put(
                Caller.OFFICER_OF_ANOTHER_AGENCY, otherOfficer.signedIn(api()).token());
        return world;
    }

    static final class World {

        final Map<String, String> placeholders = new LinkedHashMap<>();
        final Map<Caller, String> tokens = new EnumMap<>(Caller.class);

        String fill(String path) {
            String filled = path;
            for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
                filled = filled.replace(placeholder.getKey(), placeholder.getValue());
            }
            assertThat(filled)
                    .as("every placeholder of " + path + " has a value")
                    .doesNotContain("{");
            return filled;
        }
    }

    static Row row(String endpoint, String statuses) {
        String[] parts = statuses.trim().split("\\s+");
        if (parts.length != Caller.values().length) {
            throw new IllegalArgumentException(endpoint + ": one status per caller, " + Caller.values().length);
        }
        Map<Caller, Integer> expected = new EnumMap<>(Caller.class);
        for (Caller caller : Caller.values()) {
            expected.put(caller, Integer.parseInt(parts[caller.ordinal()]));
        }
        return new Row(endpoint, expected, null, false);
    }

    record Row(String endpoint, Map<Caller, Integer> expected, String json, boolean upload) {

        String method() {
            return endpoint.substring(0, endpoint.indexOf(' '));
        }

        String path() {
            return endpoint.substring(endpoint.indexOf(' ') + 1);
        }

        Row json(String body) {
            return new Row(endpoint, expected, body, false);
        }

        Row pdfUpload() {
            return new Row(endpoint, expected, null, true);
        }

        Api.Response send(String token, String path) {
            if (upload) {
                return multipart(token, path);
            }
            return Http.send(Http.base(), token, method(), path, json, Map.of());
        }

        private Api.Response multipart(String token, String path) {
            String boundary = "----matrix" + UUID.randomUUID();
            byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"documentType\"\r\n\r\n"
                            + "REQUEST_LETTER\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
                            + "filename=\"don.pdf\"\r\nContent-Type: application/pdf\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8);
            byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Http.base() + path))
                    .header("Accept", "application/json")
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, PDF, tail)));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            try {
                HttpResponse<String> response =
                        HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Api.Response(
                        response.statusCode(),
                        response.headers().firstValue("Content-Type").orElse(""),
                        response.body(),
                        response.headers().map());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String toString() {
            return endpoint + " " + Arrays.toString(expected.values().toArray());
        }
    }
}
