package vn.khuyencong;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.khuyencong.document.internal.ObjectStore;
import vn.khuyencong.support.Api;
import vn.khuyencong.support.Fixtures;
import vn.khuyencong.support.IntegrationTest;

/**
 * The thin journey across every real part, over HTTP: sign in through the authorization server (code + PKCE),
 * create a draft, upload a PDF to object storage, submit, and look the code up without signing in.
 */
class FoundationJourneyIntegrationTests extends IntegrationTest {

    static final byte[] PDF = Fixtures.PDF;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectStore store;

    static JsonNode aDraftDossier(Api enterprise) {
        Api.Response created = enterprise.post("/api/v1/dossiers", Fixtures.aCompleteForm());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    @Test
    void anEnterpriseAppliesOnlineAndAVisitorTracksTheDossierByItsCode() throws Exception {
        Api enterprise = api().as("doanhnghiep");

        JsonNode draft = aDraftDossier(enterprise);
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("code").isNull()).isTrue();
        String id = draft.get("id").asString();

        Api.Response upload = enterprise.upload(
                "/api/v1/dossiers/" + id + "/documents",
                Map.of("documentType", "REQUEST_LETTER"),
                "file",
                "Đơn đề nghị hỗ trợ.pdf",
                PDF,
                "application/pdf");
        assertThat(upload.status()).as(upload.body()).isEqualTo(201);
        String sha256 = HexFormat.of().formatHex(Api.sha256(PDF));
        assertThat(upload.json().get("sha256").asString()).isEqualTo(sha256);
        assertThat(upload.json().get("sizeBytes").asLong()).isEqualTo(PDF.length);
        assertThat(upload.json().get("fileName").asString()).isEqualTo("Đơn đề nghị hỗ trợ.pdf");

        // the bytes are in the S3 store, under a random key, and hash the same
        String key = jdbc.sql("select object_key from document where id = ?")
                .param(UUID.fromString(upload.json().get("id").asString()))
                .query(String.class)
                .single();
        assertThat(key).doesNotContain("Đơn").matches("documents/[0-9a-f-]{36}");
        try (InputStream stored = store.get(key)) {
            assertThat(HexFormat.of().formatHex(Api.sha256(stored.readAllBytes())))
                    .isEqualTo(sha256);
        }
        Fixtures.uploadEveryRequiredDocument(enterprise, id);

        Api.Response submitted = enterprise.post("/api/v1/dossiers/" + id + "/transitions", Map.of("event", "SUBMIT"));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        String code = submitted.json().get("code").asString();
        assertThat(code).matches("000\\.00\\.15\\.H55-\\d{6}-\\d{4}");
        assertThat(submitted.json().get("appointmentDate").isNull()).isFalse();
        assertThat(submitted.json().get("statusName").asString()).isEqualTo("Đã tiếp nhận");

        Api.Response lookup = api().get("/api/v1/public/dossiers/" + code);
        assertThat(lookup.status()).isEqualTo(200);
        assertThat(lookup.json().get("statusName").asString()).isEqualTo("Đã tiếp nhận");
        assertThat(lookup.json().get("portalStatusCode").asInt()).isEqualTo(2);
        assertThat(lookup.json().get("timeline").get(0).get("status").asString())
                .isEqualTo("SUBMITTED");
        // nothing personal or financial is published
        assertThat(lookup.body()).doesNotContain("miến dong", "150000000", "doanhnghiep", id, "19003");

        var download = enterprise.download("/api/v1/dossiers/" + id + "/documents/"
                + upload.json().get("id").asString() + "/content");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(PDF);
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment;")
                .contains("filename*=UTF-8''");
    }

    @Test
    void submissionWithoutTheRequiredDocumentIsRefusedAndChangesNothing() {
        Api enterprise = api().as("doanhnghiep");
        String id = aDraftDossier(enterprise).get("id").asString();

        Api.Response refused = enterprise.post("/api/v1/dossiers/" + id + "/transitions", Map.of("event", "SUBMIT"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("rule").asString()).isEqualTo("required-documents");
        assertThat(refused.json().get("detail").asString()).contains("Công văn (đơn) đề nghị hỗ trợ");
        JsonNode after = enterprise.get("/api/v1/dossiers/" + id).json();
        assertThat(after.get("status").asString()).isEqualTo("DRAFT");
        assertThat(after.get("version").asLong()).isZero();
        assertThat(enterprise.get("/api/v1/dossiers/" + id + "/history").json().size())
                .isZero();
    }

    @Test
    void aFileThatIsNotAPdfByItsBytesIsRefusedAndNothingIsStored() {
        Api enterprise = api().as("doanhnghiep");
        String id = aDraftDossier(enterprise).get("id").asString();

        Api.Response refused = enterprise.upload(
                "/api/v1/dossiers/" + id + "/documents",
                Map.of("documentType", "REQUEST_LETTER"),
                "file",
                "don.pdf",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8),
                "application/pdf");

        assertThat(refused.status()).isEqualTo(415);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
        assertThat(jdbc.sql("select count(*) from document where dossier_id = ?")
                        .param(UUID.fromString(id))
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void officersSeeSubmittedDossiersOfTheirAgencyButNotDrafts() {
        Api enterprise = api().as("doanhnghiep");
        String id = aDraftDossier(enterprise).get("id").asString();
        Api reviewer = api().as("thamdinh");

        assertThat(reviewer.get("/api/v1/dossiers/" + id).status()).isEqualTo(404);
        assertThat(reviewer.get("/api/v1/dossiers").body()).doesNotContain(id);
    }

    @Test
    void onlyTheRoleOfAnEventMayFireIt() {
        Api enterprise = api().as("doanhnghiep");
        String id = aDraftDossier(enterprise).get("id").asString();
        Fixtures.uploadEveryRequiredDocument(enterprise, id);
        assertThat(enterprise
                        .post("/api/v1/dossiers/" + id + "/transitions", Map.of("event", "SUBMIT"))
                        .status())
                .isEqualTo(200);

        Api.Response byEnterprise =
                enterprise.post("/api/v1/dossiers/" + id + "/transitions", Map.of("event", "START_REVIEW"));
        assertThat(byEnterprise.status()).isEqualTo(409);
        assertThat(byEnterprise.json().get("rule").asString()).isEqualTo("role:REVIEWER");

        Api.Response byReviewer =
                api().as("thamdinh").post("/api/v1/dossiers/" + id + "/transitions", Map.of("event", "START_REVIEW"));
        assertThat(byReviewer.status()).as(byReviewer.body()).isEqualTo(200);
        assertThat(byReviewer.json().get("status").asString()).isEqualTo("UNDER_REVIEW");

        JsonNode history = enterprise.get("/api/v1/dossiers/" + id + "/history").json();
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.get(1).get("actor").asString()).isEqualTo("thamdinh");
        assertThat(history.get(1).get("actorRole").asString()).isEqualTo("REVIEWER");
    }

    @Test
    void theHistoryIsAppendOnlyInTheDatabaseItself() {
        Api enterprise = api().as("doanhnghiep");
        String id = aDraftDossier(enterprise).get("id").asString();
        enterprise.post("/api/v1/dossiers/" + id + "/transitions", Map.of("event", "WITHDRAW"));

        Assertions.assertThatThrownBy(() -> jdbc.sql("update dossier_history set comment = 'sửa' where dossier_id = ?")
                        .param(UUID.fromString(id))
                        .update())
                .hasMessageContaining("append-only");
        Assertions.assertThatThrownBy(() -> jdbc.sql("delete from dossier_history where dossier_id = ?")
                        .param(UUID.fromString(id))
                        .update())
                .hasMessageContaining("append-only");
    }
}
