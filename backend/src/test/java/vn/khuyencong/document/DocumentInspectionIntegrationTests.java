package vn.khuyencong.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.khuyencong.document.internal.ObjectStore;
import vn.khuyencong.support.Api;
import vn.khuyencong.support.Fixtures;
import vn.khuyencong.support.IntegrationTest;

/**
 * ZIP-based documents (DOCX, XLSX, ODT, ODS), images and PDFs that are not safe to open are refused before anything is kept, in the
 * plain upload and in the resumable upload in parts: 422 {@code unsafe-file} naming the file and the reason, no row,
 * no object. The hostile files are built here from bytes.
 */
class DocumentInspectionIntegrationTests extends IntegrationTest {

    static final String CONTENT_TYPES =
            "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/"
                    + "2006/content-types\"><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd."
                    + "openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
    static final String DOCUMENT = "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/"
            + "wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>Đề án</w:t></w:r></w:p></w:body></w:document>";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectStore store;

    final Fixtures the = new Fixtures(api());

    record Entry(String name, byte[] content, boolean symlink) {

        static Entry of(String name, String content) {
            return new Entry(name, content.getBytes(StandardCharsets.UTF_8), false);
        }
    }

    static byte[] zip(List<Entry> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            for (Entry entry : entries) {
                ZipArchiveEntry zipEntry = new ZipArchiveEntry(entry.name());
                if (entry.symlink()) {
                    zipEntry.setUnixMode(0120777);
                }
                zip.putArchiveEntry(zipEntry);
                zip.write(entry.content());
                zip.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    /** A Word document, with the given entries added after its two parts. */
    static byte[] docx(Entry... more) {
        List<Entry> entries = new ArrayList<>(
                List.of(Entry.of("[Content_Types].xml", CONTENT_TYPES), Entry.of("word/document.xml", DOCUMENT)));
        entries.addAll(Arrays.asList(more));
        return zip(entries);
    }

    static final Map<String, byte[]> HOSTILE = hostile();

    private static Map<String, byte[]> hostile() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(
                "macro",
                docx(new Entry(
                        "word/vbaProject.bin", new byte[] {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0}, false)));
        files.put(
                "macro-declared",
                zip(List.of(
                        Entry.of(
                                "[Content_Types].xml",
                                CONTENT_TYPES.replace(
                                        "wordprocessingml.document.main+xml",
                                        "wordprocessingml.document.macroEnabled.main+xml")),
                        Entry.of("word/document.xml", DOCUMENT))));
        files.put(
                "xxe",
                zip(List.of(
                        Entry.of("[Content_Types].xml", CONTENT_TYPES),
                        Entry.of(
                                "word/document.xml",
                                "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><w:document>&x;"
                                        + "</w:document>"))));
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            laughs.append("<!ENTITY lol")
                    .append(i)
                    .append(" \"")
                    .append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
                    .append("\">");
        }
        laughs.append("]><w:document>&lol9;</w:document>");
        files.put(
                "billion-laughs",
                zip(List.of(
                        Entry.of("[Content_Types].xml", CONTENT_TYPES),
                        Entry.of("word/document.xml", laughs.toString()))));
        files.put("traversal", docx(Entry.of("../../etc/cron.d/x", "* * * * * root id")));
        files.put("absolute", docx(Entry.of("/tmp/x.xml", "<x/>")));
        files.put("symlink", docx(new Entry("word/media/link", "/etc/passwd".getBytes(StandardCharsets.UTF_8), true)));
        files.put(
                "not-a-word-document",
                zip(List.of(Entry.of("[Content_Types].xml", CONTENT_TYPES), Entry.of("word/other.xml", "<x/>"))));
        return files;
    }

    /** One entry of zeros inflating to 1 GiB (about 1 MB compressed): written as a stream, never held whole. */
    static byte[] bomb() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            for (Entry entry :
                    List.of(Entry.of("[Content_Types].xml", CONTENT_TYPES), Entry.of("word/document.xml", DOCUMENT))) {
                zip.putArchiveEntry(new ZipArchiveEntry(entry.name()));
                zip.write(entry.content());
                zip.closeArchiveEntry();
            }
            zip.putArchiveEntry(new ZipArchiveEntry("word/media/image1.bin"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 1024; i++) {
                zip.write(zeros);
            }
            zip.closeArchiveEntry();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    static final byte[] BOMB = bomb();

    Set<String> objects() {
        Set<String> keys = new HashSet<>();
        store.forEachObject("documents/", object -> keys.add(object.key()));
        return keys;
    }

    int rows(String id) {
        return jdbc.sql("select count(*) from document where dossier_id = ?")
                .param(UUID.fromString(id))
                .query(Integer.class)
                .single();
    }

    Api.Response plainUpload(String id, String fileName, byte[] content) {
        return the.enterprise.upload(
                "/api/v1/dossiers/" + id + "/documents",
                Map.of("documentType", "OTHER"),
                "file",
                fileName,
                content,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }

    /** The resumable path: a session, its one part, then completion; the answer of the step that refused. */
    int resumableUpload(String id, String fileName, byte[] content) throws Exception {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("documentType", "OTHER");
        request.put("fileName", fileName);
        request.put("size", content.length);
        request.put("sha256", DocumentFiles.sha256(content));
        Api.Response started = the.enterprise.post("/api/v1/dossiers/" + id + "/uploads", request);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        JsonNode session = started.json();
        String uploads =
                "/api/v1/dossiers/" + id + "/uploads/" + session.get("id").asString();
        int partSize = session.get("partSize").asInt();
        for (int part = 1; part <= session.get("partCount").asInt(); part++) {
            byte[] bytes =
                    Arrays.copyOfRange(content, (part - 1) * partSize, Math.min(content.length, part * partSize));
            HttpResponse<String> put = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + uploads + "/parts/" + part))
                                    .header("Authorization", "Bearer " + the.enterprise.token())
                                    .header("Content-Type", "application/octet-stream")
                                    .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (put.statusCode() != 200) {
                return put.statusCode();
            }
        }
        Api.Response completed = the.enterprise.post(uploads + "/complete", Map.of());
        if (completed.status() == 422) {
            assertThat(completed.json().get("type").asString()).endsWith("/unsafe-file");
            assertThat(completed.json().get("detail").asString()).contains(fileName);
        }
        return completed.status();
    }

    /** A PNG of a few hundred bytes whose header declares 50,000 × 50,000 pixels. */
    static byte[] hugeDeclaredPng() {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13)
                .putInt(50_000)
                .putInt(50_000)
                .put((byte) 8)
                .put((byte) 2)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0);
        chunk(png, "IHDR", ihdr.array());
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[1000]);
        deflater.finish();
        byte[] idat = new byte[2000];
        chunk(png, "IDAT", Arrays.copyOf(idat, deflater.deflate(idat)));
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(type.getBytes(StandardCharsets.US_ASCII));
        crc.update(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        png.writeBytes(type.getBytes(StandardCharsets.US_ASCII));
        png.writeBytes(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** A real JPEG whose frame header is changed to declare 50,000 × 50,000 pixels. */
    static byte[] hugeDeclaredJpeg() {
        byte[] jpeg = DocumentFiles.photo("jpeg", 32, 32);
        for (int i = 2; i < jpeg.length - 9; i++) {
            if ((jpeg[i] & 0xff) == 0xff && (jpeg[i + 1] & 0xff) == 0xc0) {
                jpeg[i + 5] = (byte) (50_000 >> 8);
                jpeg[i + 6] = (byte) 50_000;
                jpeg[i + 7] = (byte) (50_000 >> 8);
                jpeg[i + 8] = (byte) 50_000;
                return jpeg;
            }
        }
        throw new IllegalStateException("No SOF0 marker");
    }

    static Map<String, byte[]> hostileImages() {
        byte[] png = DocumentFiles.photo("png", 200, 150);
        byte[] jpeg = DocumentFiles.photo("jpeg", 200, 150);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("huge.png", hugeDeclaredPng());
        files.put("huge.jpg", hugeDeclaredJpeg());
        files.put("truncated.png", Arrays.copyOf(png, png.length * 6 / 10));
        files.put("truncated.jpg", Arrays.copyOf(jpeg, jpeg.length * 6 / 10));
        return files;
    }

    @Test
    void imagesTooLargeToOpenOrDamagedAreRefusedInBothPathsAndAGoodPhotoIsKept() throws Exception {
        String id = the.aDraft().get("id").asString();
        Set<String> before = objects();
        for (Map.Entry<String, byte[]> image : hostileImages().entrySet()) {
            Api.Response plain = the.enterprise.upload(
                    "/api/v1/dossiers/" + id + "/documents",
                    Map.of("documentType", "OTHER"),
                    "file",
                    image.getKey(),
                    image.getValue(),
                    "application/octet-stream");
            assertThat(plain.status()).as(image.getKey() + ": " + plain.body()).isEqualTo(422);
            assertThat(plain.json().get("detail").asString()).contains(image.getKey());
            assertThat(resumableUpload(id, "2-" + image.getKey(), image.getValue()))
                    .as(image.getKey())
                    .isEqualTo(422);
        }
        assertThat(plain(id, "huge.png").json().get("detail").asString()).contains("50000 × 50000");
        assertThat(rows(id)).isZero();
        assertThat(objects()).isEqualTo(before);

        Api.Response photo = the.enterprise.upload(
                "/api/v1/dossiers/" + id + "/documents",
                Map.of("documentType", "OTHER"),
                "file",
                "anh-nha-xuong.jpg",
                DocumentFiles.photo("jpeg", 1600, 1200),
                "image/jpeg");
        assertThat(photo.status()).as(photo.body()).isEqualTo(201);
    }

    Api.Response plain(String id, String name) {
        return the.enterprise.upload(
                "/api/v1/dossiers/" + id + "/documents",
                Map.of("documentType", "OTHER"),
                "file",
                name,
                hugeDeclaredPng(),
                "image/png");
    }

    @Test
    void everyPdfWithActiveContentOrThatCannotBeOpenedIsRefusedInBothPathsAndACleanOneIsKept() throws Exception {
        String id = the.aDraft().get("id").asString();
        Set<String> before = objects();
        for (Map.Entry<String, byte[]> hostile : HostilePdfs.all().entrySet()) {
            String name = hostile.getKey() + ".pdf";
            Api.Response plain = the.enterprise.upload(
                    "/api/v1/dossiers/" + id + "/documents",
                    Map.of("documentType", "OTHER"),
                    "file",
                    name,
                    hostile.getValue(),
                    "application/pdf");
            assertThat(plain.status())
                    .as(hostile.getKey() + ": " + plain.body())
                    .isEqualTo(422);
            assertThat(plain.json().get("type").asString()).endsWith("/unsafe-file");
            assertThat(plain.json().get("detail").asString()).contains(name);
            assertThat(resumableUpload(id, "2-" + name, hostile.getValue()))
                    .as(hostile.getKey())
                    .isEqualTo(422);
        }
        assertThat(rows(id)).isZero();
        assertThat(objects()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from document_upload where dossier_id = ?")
                        .param(UUID.fromString(id))
                        .query(Integer.class)
                        .single())
                .as("no upload session left")
                .isZero();

        Api.Response clean = the.enterprise.upload(
                "/api/v1/dossiers/" + id + "/documents",
                Map.of("documentType", "OTHER"),
                "file",
                "du-toan.pdf",
                DocumentFiles.aLargePdf(9_000_000, 3),
                "application/pdf");
        assertThat(clean.status()).as(clean.body()).isEqualTo(201);
        assertThat(resumableUpload(id, "du-toan-2.pdf", DocumentFiles.aLargePdf(9_000_000, 4)))
                .isEqualTo(201);
        assertThat(rows(id)).isEqualTo(2);
    }

    @Test
    void aCleanWordDocumentIsKeptInBothPaths() throws Exception {
        String id = the.aDraft().get("id").asString();
        Api.Response plain = plainUpload(id, "de-an.docx", docx());
        assertThat(plain.status()).as(plain.body()).isEqualTo(201);
        assertThat(resumableUpload(id, "de-an-2.docx", docx())).isEqualTo(201);
        assertThat(rows(id)).isEqualTo(2);
    }

    @Test
    void everyHostilePackageIsRefusedInThePlainUploadAndNothingIsKept() {
        String id = the.aDraft().get("id").asString();
        Set<String> before = objects();
        for (Map.Entry<String, byte[]> hostile : HOSTILE.entrySet()) {
            String name = hostile.getKey() + ".docx";
            Api.Response refused = plainUpload(id, name, hostile.getValue());
            assertThat(refused.status())
                    .as(hostile.getKey() + ": " + refused.body())
                    .isIn(415, 422);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("detail").asString())
                    .as(hostile.getKey())
                    .contains(name);
        }
        assertThat(rows(id)).isZero();
        assertThat(objects()).isEqualTo(before);
    }

    @Test
    void everyHostilePackageIsRefusedInTheResumableUploadAndNothingIsKept() throws Exception {
        String id = the.aDraft().get("id").asString();
        Set<String> before = objects();
        for (Map.Entry<String, byte[]> hostile : HOSTILE.entrySet()) {
            assertThat(resumableUpload(id, hostile.getKey() + ".docx", hostile.getValue()))
                    .as(hostile.getKey())
                    .isIn(415, 422);
        }
        assertThat(rows(id)).isZero();
        assertThat(objects()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from document_upload where dossier_id = ?")
                        .param(UUID.fromString(id))
                        .query(Integer.class)
                        .single())
                .as("no upload session left")
                .isZero();
    }

    @Test
    void aCompressionBombIsRefusedWithoutBeingInflated() throws Exception {
        String id = the.aDraft().get("id").asString();
        Set<String> before = objects();
        Runtime runtime = Runtime.getRuntime();
        long started = System.nanoTime();

        Api.Response plain = plainUpload(id, "bom.docx", BOMB);
        int resumable = resumableUpload(id, "bom-2.docx", BOMB);

        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(plain.status()).as(plain.body()).isEqualTo(422);
        assertThat(plain.json().get("detail").asString()).contains("bom.docx", "bom nén");
        assertThat(resumable).isEqualTo(422);
        System.out.println("two 1 GiB bombs (" + BOMB.length + " bytes each) refused in " + millis + " ms; heap used "
                + (runtime.totalMemory() - runtime.freeMemory()) / (1 << 20) + " MiB of "
                + runtime.maxMemory() / (1 << 20));
        assertThat(rows(id)).isZero();
        assertThat(objects()).isEqualTo(before);
        assertThat(api().get("/actuator/health/liveness").status()).isEqualTo(200);
    }
}
