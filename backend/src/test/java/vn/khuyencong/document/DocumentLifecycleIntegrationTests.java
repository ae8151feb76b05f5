package vn.khuyencong.document;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.khuyencong.support.Fixtures.event;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.khuyencong.document.internal.ObjectStore;
import vn.khuyencong.identity.IdentityFixtures;
import vn.khuyencong.support.Api;
import vn.khuyencong.support.Fixtures;
import vn.khuyencong.support.IntegrationTest;

/**
 * A document's life: the checklist that gates submission, immutability after it, versions added by a supplement,
 * deletion in drafts only, who may read, scanning, and the scheduled sweep and integrity check.
 */
class DocumentLifecycleIntegrationTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectStore store;

    @Autowired
    DocumentMaintenance maintenance;

    final Fixtures the = new Fixtures(api());
    final Api admin = api().as("quantri");

    @Test
    void everyContentRequiresTheRequestLetterTheProjectDescriptionAndItsBudgetAndMachineryTheSuppliersQuotes() {
        List<String> common = List.of("REQUEST_LETTER", "PROJECT_DESCRIPTION", "DETAILED_BUDGET");
        for (JsonNode content : api().get("/api/v1/catalog/contents").json()) {
            String code = content.get("code").asString();
            List<String> required = requiredFor(code);
            if (code.equals("TECHNOLOGY_TRANSFER")) {
                assertThat(required)
                        .as(code)
                        .containsExactlyInAnyOrder(
                                "REQUEST_LETTER", "PROJECT_DESCRIPTION", "DETAILED_BUDGET", "SUPPLIER_QUOTES");
            } else {
                assertThat(required).as(code).containsExactlyInAnyOrderElementsOf(common);
            }
        }
    }

    @Test
    void theChecklistComesFromTheCatalogueAndSubmissionNamesEveryMissingDocumentInChecklistOrder() {
        String id = the.aDraft().get("id").asString();
        Fixtures.uploadA(the.enterprise, id, "DETAILED_BUDGET");
        Fixtures.uploadA(the.enterprise, id, "OTHER");

        JsonNode checklist =
                the.enterprise.get("/api/v1/dossiers/" + id + "/checklist").json();
        assertThat(checklist.get("complete").asBoolean()).isFalse();
        assertThat(checklist
                        .get("missing")
                        .valueStream()
                        .map(JsonNode::asString)
                        .toList())
                .containsExactly("REQUEST_LETTER", "PROJECT_DESCRIPTION", "SUPPLIER_QUOTES");
        List<String> order = checklist
                .get("items")
                .valueStream()
                .map(item -> item.get("documentType").asString()
                        + (item.get("required").asBoolean() ? "*" : "")
                        + (item.get("present").asBoolean() ? "+" : ""))
                .toList();
        assertThat(order)
                .containsExactly(
                        "REQUEST_LETTER*",
                        "PROJECT_DESCRIPTION*",
                        "DETAILED_BUDGET*+",
                        "SUPPLIER_QUOTES*",
                        "BUSINESS_REGISTRATION",
                        "COUNTERPART_COMMITMENT",
                        "OTHER+");

        Api.Response refused = the.enterprise.post("/api/v1/dossiers/" + id + "/transitions", event("SUBMIT"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("rule").asString()).isEqualTo("required-documents");
        assertThat(refused.json()
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("field").asString())
                        .toList())
                .containsExactly(
                        "documents.REQUEST_LETTER", "documents.PROJECT_DESCRIPTION", "documents.SUPPLIER_QUOTES");
        assertThat(refused.json().get("detail").asString()).contains("3 giấy tờ bắt buộc", "Báo giá");

        the.uploadEveryRequiredDocument(id);
        assertThat(the.enterprise
                        .get("/api/v1/dossiers/" + id + "/checklist")
                        .json()
                        .get("complete")
                        .asBoolean())
                .isTrue();
        assertThat(the.fire(the.enterprise, id, event("SUBMIT")).get("status").asString())
                .isEqualTo("SUBMITTED");
    }

    @Test
    void submissionIsRefusedWhileTheProjectDescriptionIsMissingAndNamesIt() {
        String id = the.aDraft().get("id").asString();
        for (String type : List.of("REQUEST_LETTER", "DETAILED_BUDGET", "SUPPLIER_QUOTES")) {
            Fixtures.uploadA(the.enterprise, id, type);
        }

        Api.Response refused = the.enterprise.post("/api/v1/dossiers/" + id + "/transitions", event("SUBMIT"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("rule").asString()).isEqualTo("required-documents");
        assertThat(refused.json()
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("field").asString())
                        .toList())
                .containsExactly("documents.PROJECT_DESCRIPTION");
        assertThat(refused.json().get("detail").asString()).contains("Đề án khuyến công");
        assertThat(the.enterprise
                        .get("/api/v1/dossiers/" + id)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("DRAFT");
    }

    @Test
    void aDocumentTheAdministratorMakesRequiredGatesTheNextSubmission() {
        List<String> seeded = requiredFor("TECHNOLOGY_TRANSFER");
        String id = the.aReadyDraft();
        List<String> more = new ArrayList<>(seeded);
        more.add("BUSINESS_REGISTRATION");
        requireForMachinery(more);
        try {
            Api.Response refused = the.enterprise.post("/api/v1/dossiers/" + id + "/transitions", event("SUBMIT"));
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.json()
                            .get("errors")
                            .valueStream()
                            .map(e -> e.get("field").asString())
                            .toList())
                    .containsExactly("documents.BUSINESS_REGISTRATION");

            the.uploadEveryRequiredDocument(id);
            assertThat(the.fire(the.enterprise, id, event("SUBMIT"))
                            .get("status")
                            .asString())
                    .isEqualTo("SUBMITTED");
        } finally {
            requireForMachinery(seeded);
        }
    }

    @Test
    void afterSubmissionDocumentsAreImmutableAndASupplementAddsAVersionPointingToTheReplacedOne() {
        String id = the.supplementRequested();
        JsonNode submitted =
                the.enterprise.get("/api/v1/dossiers/" + id + "/documents").json();
        JsonNode original = submitted.get(0);
        String originalId = original.get("id").asString();

        Api.Response delete = the.enterprise.delete("/api/v1/dossiers/" + id + "/documents/" + originalId);
        assertThat(delete.status()).isEqualTo(409);
        assertThat(delete.json().get("rule").asString()).isEqualTo("documents-immutable");

        byte[] better = vn.khuyencong.support.Pdfs.onePage("Phien ban 2");
        Api.Response version = the.enterprise.upload(
                "/api/v1/dossiers/" + id + "/documents",
                Map.of("documentType", original.get("documentType").asString(), "replaces", originalId),
                "file",
                "don-ban-2.pdf",
                better,
                "application/pdf");
        assertThat(version.status()).as(version.body()).isEqualTo(201);
        assertThat(version.json().get("replacesId").asString()).isEqualTo(originalId);

        // both versions stay readable, by the owner and by the agency's officers
        for (Api reader : List.of(the.enterprise, the.reviewer)) {
            assertThat(reader.download("/api/v1/dossiers/" + id + "/documents/" + originalId + "/content")
                            .statusCode())
                    .isEqualTo(200);
            assertThat(reader.download("/api/v1/dossiers/" + id + "/documents/"
                                    + version.json().get("id").asString() + "/content")
                            .body())
                    .isEqualTo(better);
        }
        assertThat(the.reviewer
                        .get("/api/v1/dossiers/" + id + "/documents")
                        .json()
                        .size())
                .isEqualTo(submitted.size() + 1);

        Api.Response wrongType = the.enterprise.upload(
                "/api/v1/dossiers/" + id + "/documents",
                Map.of("documentType", "OTHER", "replaces", originalId),
                "file",
                "x.pdf",
                better,
                "application/pdf");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("errors").get(0).get("field").asString())
                .isEqualTo("replaces");

        the.fire(the.enterprise, id, event("RESUBMIT"));
        Api.Response locked = the.enterprise.upload(
                "/api/v1/dossiers/" + id + "/documents",
                Map.of("documentType", "OTHER"),
                "file",
                "muon.pdf",
                better,
                "application/pdf");
        assertThat(locked.status()).isEqualTo(409);
        assertThat(locked.json().get("rule").asString()).isEqualTo("documents-locked");
    }

    @Test
    void onlyDraftsAllowDeletionAndTheObjectGoesWithTheRow() {
        String id = the.aDraft().get("id").asString();
        String documentId =
                Fixtures.uploadA(the.enterprise, id, "OTHER").get("id").asString();
        String key = jdbc.sql("select object_key from document where id = ?")
                .param(UUID.fromString(documentId))
                .query(String.class)
                .single();

        assertThat(the.enterprise
                        .delete("/api/v1/dossiers/" + id + "/documents/" + documentId)
                        .status())
                .isEqualTo(204);

        assertThat(store.exists(key)).isFalse();
        assertThat(the.enterprise
                        .get("/api/v1/dossiers/" + id + "/documents")
                        .json()
                        .size())
                .isZero();
        assertThat(the.enterprise
                        .delete("/api/v1/dossiers/" + id + "/documents/" + documentId)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void anotherOrganisationCannotTellThatADocumentExists() {
        String id = the.submitted();
        String documentId = the.enterprise
                .get("/api/v1/dossiers/" + id + "/documents")
                .json()
                .get(0)
                .get("id")
                .asString();
        Api stranger = IdentityFixtures.anOrganisation(
                        vn.khuyencong.identity.Http.base(), jdbc, "Cơ sở Mây tre Phú Vinh")
                .signedIn(api());

        Api.Response content = stranger.get("/api/v1/dossiers/" + id + "/documents/" + documentId + "/content");
        Api.Response missing = stranger.get("/api/v1/dossiers/" + id + "/documents/" + UUID.randomUUID() + "/content");
        assertThat(content.status()).isEqualTo(404);
        assertThat(content.json().get("detail")).isEqualTo(missing.json().get("detail"));
        assertThat(stranger.get("/api/v1/dossiers/" + id + "/checklist").status())
                .isEqualTo(404);
        // a document id of one dossier does not open through another
        String other = the.aReadyDraft();
        assertThat(the.enterprise
                        .get("/api/v1/dossiers/" + other + "/documents/" + documentId + "/content")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void anInfectedDocumentCannotBeSubmitted() {
        String id = the.aReadyDraft();
        jdbc.sql(
                        "update document set scan_status = 'INFECTED', scan_detail = 'Eicar-Test-Signature' where dossier_id = ?")
                .param(UUID.fromString(id))
                .update();

        Api.Response refused = the.enterprise.post("/api/v1/dossiers/" + id + "/transitions", event("SUBMIT"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("rule").asString()).isEqualTo("documents-clean");
        assertThat(refused.json().get("errors").get(0).get("field").asString()).startsWith("documents.");
        assertThat(the.enterprise
                        .get("/api/v1/dossiers/" + id + "/documents")
                        .json()
                        .get(0)
                        .get("scanStatus")
                        .asString())
                .isEqualTo("INFECTED");
    }

    @Test
    void theSweepRemovesObjectsWithoutARowAndRowsStuckInUploading() throws Exception {
        String orphanKey = "documents/" + UUID.randomUUID();
        store.put(orphanKey, new ByteArrayInputStream(DocumentFiles.PDF), "application/pdf");
        String freshOrphan = "documents/" + UUID.randomUUID();
        store.put(freshOrphan, new ByteArrayInputStream(DocumentFiles.PDF), "application/pdf");
        // S3Proxy's file store reports a file's modification time as the object's
        Path file = DATA_DIR.resolve("objects").resolve("khuyencong-documents").resolve(orphanKey);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(2, ChronoUnit.HOURS)));

        String id = the.aDraft().get("id").asString();
        String stuckKey = "documents/" + UUID.randomUUID();
        store.put(stuckKey, new ByteArrayInputStream(DocumentFiles.PDF), "application/pdf");
        UUID stuck = UUID.randomUUID();
        jdbc.sql("""
                insert into document (id, dossier_id, document_type, object_key, file_name, content_type, uploaded_by,
                                      uploaded_at, status) values (?, ?, 'OTHER', ?, 'x.pdf', 'application/pdf', 'doanhnghiep', ?, 'UPLOADING')""")
                .params(
                        stuck,
                        UUID.fromString(id),
                        stuckKey,
                        Timestamp.from(Instant.now().minus(3, ChronoUnit.HOURS)))
                .update();
        String kept = Fixtures.uploadA(the.enterprise, id, "OTHER").get("id").asString();

        DocumentMaintenance.SweepResult result = maintenance.sweepOrphans();
        // null: the scheduled sweep holds the lock at this moment; sweep once it has let go
        for (int attempt = 0; result == null && attempt < 50; attempt++) {
            Thread.sleep(100);
            result = maintenance.sweepOrphans();
        }

        assertThat(result).as("the sweep's lock was free").isNotNull();
        assertThat(result.orphanObjects()).isGreaterThanOrEqualTo(1);
        assertThat(result.stuckRows()).isGreaterThanOrEqualTo(1);
        assertThat(store.exists(orphanKey)).isFalse();
        assertThat(store.exists(stuckKey)).isFalse();
        assertThat(store.exists(freshOrphan))
                .as("younger than the grace period")
                .isTrue();
        assertThat(jdbc.sql("select count(*) from document where id = ?")
                        .param(stuck)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(the.enterprise
                        .download("/api/v1/dossiers/" + id + "/documents/" + kept + "/content")
                        .statusCode())
                .isEqualTo(200);
        store.remove(freshOrphan);
    }

    @Test
    void theIntegrityCheckFlagsAnObjectWhoseBytesChanged() throws Exception {
        String id = the.aDraft().get("id").asString();
        UUID tampered = UUID.fromString(
                Fixtures.uploadA(the.enterprise, id, "OTHER").get("id").asString());
        UUID intact = UUID.fromString(
                Fixtures.uploadA(the.enterprise, id, "REQUEST_LETTER").get("id").asString());
        String key = jdbc.sql("select object_key from document where id = ?")
                .param(tampered)
                .query(String.class)
                .single();
        store.put(key, new ByteArrayInputStream("%PDF-1.4\n% altered\n%%EOF\n".getBytes()), "application/pdf");

        for (int run = 0; run < 50 && checkedAt(tampered) == null; run++) {
            maintenance.checkIntegrity();
        }

        assertThat(failedAt(tampered)).isNotNull();
        assertThat(the.enterprise
                        .get("/api/v1/dossiers/" + id + "/documents")
                        .json()
                        .valueStream()
                        .filter(d -> d.get("id").asString().equals(tampered.toString()))
                        .findFirst()
                        .orElseThrow()
                        .get("integrityFailedAt")
                        .isNull())
                .isFalse();
        for (int run = 0; run < 50 && checkedAt(intact) == null; run++) {
            maintenance.checkIntegrity();
        }
        assertThat(failedAt(intact)).isNull();
    }

    Timestamp checkedAt(UUID id) {
        return jdbc.sql("select integrity_checked_at from document where id = ?")
                .param(id)
                .query(Timestamp.class)
                .list()
                .get(0);
    }

    Timestamp failedAt(UUID id) {
        return jdbc.sql("select integrity_failed_at from document where id = ?")
                .param(id)
                .query(Timestamp.class)
                .list()
                .get(0);
    }

    List<String> requiredFor(String contentCode) {
        return api().get("/api/v1/catalog/contents/" + contentCode)
                .json()
                .get("requiredDocumentTypes")
                .valueStream()
                .map(JsonNode::asString)
                .toList();
    }

    void requireForMachinery(List<String> types) {
        Api.Response response = admin.put(
                "/api/v1/admin/catalog/contents/TECHNOLOGY_TRANSFER/required-documents",
                Map.of("documentTypes", types));
        assertThat(response.status()).as(response.body()).isIn(200, 204);
    }
}
