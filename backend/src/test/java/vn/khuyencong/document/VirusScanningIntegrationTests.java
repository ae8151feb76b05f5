package vn.khuyencong.document;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.khuyencong.support.Fixtures.event;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.khuyencong.document.internal.ObjectStore;
import vn.khuyencong.support.Api;
import vn.khuyencong.support.Clamd;
import vn.khuyencong.support.EveryAnswerDocumented;
import vn.khuyencong.support.Fixtures;
import vn.khuyencong.support.IntegrationTest;
import vn.khuyencong.support.Pdfs;

/**
 * Every upload is scanned by the real ClamAV daemon over TCP ({@link Clamd}, with an EICAR signature of its own).
 * Malware found while clamd answers is refused at once in both upload paths and leaves nothing behind; while clamd
 * is down an upload is held as not yet scanned (no download, no submission) and the retry scans it once clamd is
 * back: clean, it is released; infected, it is quarantined. Nothing is ever passed unscanned.
 */
@EveryAnswerDocumented
class VirusScanningIntegrationTests extends IntegrationTest {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String CONTENT_TYPES =
            "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/"
                    + "2006/content-types\"><Default Extension=\"bin\" ContentType=\"application/vnd.openxmlformats-"
                    + "officedocument.oleObject\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd."
                    + "openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
    static final String BODY = "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/"
            + "wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>Thuyết minh đề án</w:t></w:r></w:p></w:body>"
            + "</w:document>";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectStore store;

    @Autowired
    DocumentMaintenance maintenance;

    final Clamd clamd = Clamd.shared();

    final Fixtures the = new Fixtures(api());

    @AfterEach
    void clamdRunsForTheNextTest() {
        clamd.start();
    }

    /** A Word document with an embedded object, as a real payload travels: here the EICAR test file. */
    static byte[] docxEmbedding(byte[] object) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("[Content_Types].xml", CONTENT_TYPES.getBytes(StandardCharsets.UTF_8));
        entries.put("word/document.xml", BODY.getBytes(StandardCharsets.UTF_8));
        entries.put("word/embeddings/oleObject1.bin", object);
        return zip(entries);
    }

    static byte[] infectedDocx() {
        return docxEmbedding(Clamd.eicar());
    }

    static final byte[] CLEAN_DOCX = docxEmbedding("Bảng tính kinh phí".getBytes(StandardCharsets.UTF_8));

    /** A Word document embedding archives inside archives, deeper than clamd is set to follow. */
    static byte[] nestedTooDeepToScan() {
        byte[] inner = "nội dung".getBytes(StandardCharsets.UTF_8);
        for (int depth = 0; depth < Clamd.MAX_RECURSION + 2; depth++) {
            inner = zip(Map.of("lop-" + depth + ".zip", inner));
        }
        return docxEmbedding(inner);
    }

    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    Api.Response plainUpload(String id, String fileName, byte[] content) {
        return the.enterprise.upload(
                "/api/v1/dossiers/" + id + "/documents",
                Map.of("documentType", "OTHER"),
                "file",
                fileName,
                content,
                DOCX);
    }

    Api.Response resumableUpload(String id, String fileName, byte[] content) {
        return ResumableUpload.send(the.enterprise, "http://localhost:" + PORT, id, "OTHER", fileName, content);
    }

    Set<String> objects() {
        Set<String> keys = new HashSet<>();
        store.forEachObject(Documents.KEY_PREFIX, object -> keys.add(object.key()));
        return keys;
    }

    int count(String sql, String dossierId) {
        return jdbc.sql(sql)
                .param(UUID.fromString(dossierId))
                .query(Integer.class)
                .single();
    }

    void assertNothingKept(String id, Set<String> objectsBefore) {
        assertThat(count("select count(*) from document where dossier_id = ?", id))
                .as("document rows")
                .isZero();
        assertThat(count("select count(*) from document_upload where dossier_id = ?", id))
                .as("upload sessions")
                .isZero();
        assertThat(count("""
                select count(*) from document_upload_part p join document_upload u on u.id = p.upload_id
                where u.dossier_id = ?""", id)).as("upload parts").isZero();
        assertThat(objects()).as("objects in the bucket").isEqualTo(objectsBefore);
    }

    static void assertRefusedAsInfected(Api.Response refused, String fileName) {
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        JsonNode problem = refused.json();
        assertThat(problem.get("type").asString()).endsWith("/infected-file");
        assertThat(problem.get("detail").asString()).contains(fileName, "mã độc", Clamd.FOUND);
        assertThat(problem.get("signature").asString()).isEqualTo(Clamd.FOUND);
        assertThat(problem.get("fileName").asString()).isEqualTo(fileName);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("file");
    }

    JsonNode listed(String id, String documentId) {
        for (JsonNode document :
                the.enterprise.get("/api/v1/dossiers/" + id + "/documents").json()) {
            if (document.get("id").asString().equals(documentId)) {
                return document;
            }
        }
        throw new AssertionError("document " + documentId + " is not listed");
    }

    Api.Response download(Api who, String id, String documentId) {
        return who.get("/api/v1/dossiers/" + id + "/documents/" + documentId + "/content");
    }

    /** The sample {@code name} whose labels contain {@code labels}, as the instance exposes it to its scraper. */
    double metric(String name, String labels) {
        Api.Response metrics = api().get("/actuator/prometheus", Map.of("Accept", "text/plain"));
        assertThat(metrics.status()).isEqualTo(200);
        Matcher sample = Pattern.compile("(?m)^" + java.util.regex.Pattern.quote(name) + "(?:\\{(.*)\\})? (\\S+)$")
                .matcher(metrics.body());
        while (sample.find()) {
            if (String.valueOf(sample.group(1)).contains(labels)) {
                return Double.parseDouble(sample.group(2));
            }
        }
        throw new AssertionError(name + " {" + labels + "} is not exposed");
    }

    /** The scheduled retry, run now; again if the scheduler itself held the lock at that moment. */
    DocumentMaintenance.ScanResult theRetryRuns() throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            DocumentMaintenance.ScanResult result = maintenance.rescanPending();
            if (result != null) {
                return result;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the scan retry stayed locked");
    }

    @Test
    void eicarInsideAWordDocumentIsRefusedAtThePlainUploadAndNothingIsKept() {
        String id = the.aDraft().get("id").asString();
        Set<String> before = objects();

        assertRefusedAsInfected(plainUpload(id, "thuyet-minh.docx", infectedDocx()), "thuyet-minh.docx");
        // in a PDF's content stream too
        Api.Response bare = the.enterprise.upload(
                "/api/v1/dossiers/" + id + "/documents",
                Map.of("documentType", "OTHER"),
                "file",
                "bao-gia.pdf",
                pdfCarrying(Clamd.eicar()),
                "application/pdf");
        assertRefusedAsInfected(bare, "bao-gia.pdf");

        assertNothingKept(id, before);
    }

    @Test
    void eicarInsideAWordDocumentIsRefusedAtTheResumableUploadAndNothingIsKept() {
        String id = the.aDraft().get("id").asString();
        Set<String> before = objects();

        assertRefusedAsInfected(resumableUpload(id, "thuyet-minh.docx", infectedDocx()), "thuyet-minh.docx");

        assertNothingKept(id, before);
    }

    @Test
    void aFileNestedTooDeepToScanWholeIsRefusedNotPassed() {
        String id = the.aDraft().get("id").asString();
        Set<String> before = objects();

        Api.Response refused = plainUpload(id, "long-nhau.docx", nestedTooDeepToScan());

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("type").asString()).endsWith("/infected-file");
        assertThat(refused.json().get("detail").asString()).contains("long-nhau.docx", "không quét virus hết được");
        assertThat(refused.json().get("signature").asString()).startsWith("Heuristics.Limits.Exceeded");
        assertNothingKept(id, before);
    }

    @Test
    void aCleanFileIsKeptAsCleanAndDownloadsInBothPaths() {
        String id = the.aDraft().get("id").asString();
        byte[] docx = CLEAN_DOCX;

        Api.Response plain = plainUpload(id, "du-toan.docx", docx);
        Api.Response resumable = resumableUpload(id, "du-toan-2.docx", docx);

        for (Api.Response stored : List.of(plain, resumable)) {
            assertThat(stored.status()).as(stored.body()).isEqualTo(201);
            assertThat(stored.json().get("scanStatus").asString()).isEqualTo("CLEAN");
            String documentId = stored.json().get("id").asString();
            assertThat(listed(id, documentId).get("scanStatus").asString()).isEqualTo("CLEAN");
            assertThat(the.enterprise
                            .download("/api/v1/dossiers/" + id + "/documents/" + documentId + "/content")
                            .body())
                    .isEqualTo(docx);
        }
    }

    @Test
    void whileClamdIsDownAnUploadIsHeldUnscannedThenReleasedWhenTheRetryFindsItClean() throws Exception {
        clamd.stop();
        String id = the.aReadyDraft();
        Api.Response resumable = resumableUpload(id, "du-toan.docx", CLEAN_DOCX);
        assertThat(resumable.status()).as(resumable.body()).isEqualTo(201);
        JsonNode documents =
                the.enterprise.get("/api/v1/dossiers/" + id + "/documents").json();
        assertThat(documents.valueStream().map(d -> d.get("scanStatus").asString()))
                .isNotEmpty()
                .allMatch("PENDING"::equals);
        String documentId = resumable.json().get("id").asString();

        Api.Response held = download(the.enterprise, id, documentId);
        assertThat(held.status()).as(held.body()).isEqualTo(409);
        assertThat(held.json().get("type").asString()).endsWith("/scan-pending");
        assertThat(held.json().get("detail").asString()).contains("du-toan.docx", "chưa được quét virus");
        Api.Response submission = the.enterprise.post("/api/v1/dossiers/" + id + "/transitions", event("SUBMIT"));
        assertThat(submission.status()).as(submission.body()).isEqualTo(409);
        assertThat(submission.json().get("rule").asString()).isEqualTo("documents-scanned");
        assertThat(submission.json().get("detail").asString()).contains("đang chờ quét virus");
        // the retry while clamd is still down changes nothing
        assertThat(theRetryRuns().clean()).isZero();
        assertThat(listed(id, documentId).get("scanStatus").asString()).isEqualTo("PENDING");
        // what an operator's alert watches
        assertThat(metric("kc_documents_scan_pending", "")).isGreaterThanOrEqualTo(documents.size());
        assertThat(metric("kc_documents_scan_pending_age_seconds", "")).isNotNegative();
        assertThat(metric("kc_documents_scans_total", "result=\"failed\"")).isGreaterThanOrEqualTo(documents.size());

        clamd.start();
        DocumentMaintenance.ScanResult result = theRetryRuns();

        assertThat(result.clean()).isEqualTo(documents.size());
        assertThat(result.stillPending()).isZero();
        assertThat(listed(id, documentId).get("scanStatus").asString()).isEqualTo("CLEAN");
        assertThat(the.enterprise
                        .download("/api/v1/dossiers/" + id + "/documents/" + documentId + "/content")
                        .body())
                .isEqualTo(CLEAN_DOCX);
        the.fire(the.enterprise, id, event("SUBMIT"));
    }

    @Test
    void aVirusUploadedWhileClamdWasDownIsQuarantinedByTheRetry() throws Exception {
        String id = the.supplementRequested();
        JsonNode original = the.enterprise
                .get("/api/v1/dossiers/" + id + "/documents")
                .json()
                .get(0);
        String type = original.get("documentType").asString();
        clamd.stop();
        Api.Response version = the.enterprise.upload(
                "/api/v1/dossiers/" + id + "/documents",
                Map.of("documentType", type, "replaces", original.get("id").asString()),
                "file",
                "bao-gia-moi.pdf",
                pdfCarrying(Clamd.eicar()),
                "application/pdf");
        assertThat(version.status()).as(version.body()).isEqualTo(201);
        assertThat(version.json().get("scanStatus").asString()).isEqualTo("PENDING");
        String documentId = version.json().get("id").asString();
        String key = jdbc.sql("select object_key from document where id = ?")
                .param(UUID.fromString(documentId))
                .query(String.class)
                .single();
        // nobody downloads it unscanned, not even the officer in charge
        assertThat(download(the.reviewer, id, documentId).json().get("type").asString())
                .endsWith("/scan-pending");

        clamd.start();
        DocumentMaintenance.ScanResult result = theRetryRuns();

        assertThat(result.infected()).isEqualTo(1);
        assertThat(listed(id, documentId).get("scanStatus").asString()).isEqualTo("INFECTED");
        assertThat(jdbc.sql("select scan_detail from document where id = ?")
                        .param(UUID.fromString(documentId))
                        .query(String.class)
                        .single())
                .isEqualTo(Clamd.FOUND);
        assertThat(objects()).as("the infected object is removed").doesNotContain(key);
        for (Api who : List.of(the.enterprise, the.reviewer)) {
            Api.Response blocked = download(who, id, documentId);
            assertThat(blocked.status()).as(blocked.body()).isEqualTo(409);
            assertThat(blocked.json().get("type").asString()).endsWith("/document-quarantined");
            assertThat(blocked.json().get("detail").asString()).contains("bao-gia-moi.pdf", "mã độc");
        }
        Api.Response resubmission = the.enterprise.post("/api/v1/dossiers/" + id + "/transitions", event("RESUBMIT"));
        assertThat(resubmission.status()).as(resubmission.body()).isEqualTo(409);
        assertThat(resubmission.json().get("rule").asString()).isEqualTo("documents-clean");
        JsonNode notices = the.enterprise.get("/api/v1/notifications").json();
        assertThat(notices.valueStream()
                        .filter(n -> "DOCUMENT_QUARANTINED".equals(n.get("kind").asString())))
                .singleElement()
                .satisfies(n -> assertThat(n.get("title").asString()).contains("bao-gia-moi.pdf"));
        // the earlier version still stands, and a clean replacement lets the dossier go back to the agency
        assertThat(download(the.enterprise, id, original.get("id").asString()).status())
                .isEqualTo(200);
        Api.Response clean = the.enterprise.upload(
                "/api/v1/dossiers/" + id + "/documents",
                Map.of("documentType", type, "replaces", documentId),
                "file",
                "bao-gia-sach.pdf",
                Fixtures.PDF,
                "application/pdf");
        assertThat(clean.status()).as(clean.body()).isEqualTo(201);
        the.fire(the.enterprise, id, event("RESUBMIT"));
    }

    /** A well-formed one-page PDF with one more stream, carrying the given bytes. */
    static byte[] pdfCarrying(byte[] payload) {
        return Pdfs.withCatalog(
                "",
                "<< /Length " + payload.length + " >>\nstream\n" + new String(payload, StandardCharsets.ISO_8859_1)
                        + "\nendstream");
    }
}
