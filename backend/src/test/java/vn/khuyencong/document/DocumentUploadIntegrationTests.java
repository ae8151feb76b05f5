package vn.khuyencong.document;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.khuyencong.document.DocumentFiles.field;
import static vn.khuyencong.document.DocumentFiles.file;
import static vn.khuyencong.document.DocumentFiles.multipart;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.khuyencong.document.internal.ObjectStore;
import vn.khuyencong.support.Api;
import vn.khuyencong.support.Fixtures;
import vn.khuyencong.support.IntegrationTest;

/**
 * Uploads over HTTP into the real S3 server: what is accepted is stored byte for byte with its SHA-256; everything
 * else gets a clear problem detail and leaves neither an object nor a row behind.
 */
class DocumentUploadIntegrationTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectStore store;

    final Fixtures the = new Fixtures(api());

    @Test
    void aThirtyMegabyteFileRoundTripsWithTheSameSha256() throws Exception {
        String id = the.aDraft().get("id").asString();
        byte[] content = DocumentFiles.aLargePdf(30 * 1024 * 1024, 30);

        Api.Response upload = the.enterprise.upload(
                documents(id),
                Map.of("documentType", "PROJECT_DESCRIPTION"),
                "file",
                "Đề án khuyến công.pdf",
                content,
                "application/octet-stream");

        assertThat(upload.status()).as(upload.body()).isEqualTo(201);
        JsonNode document = upload.json();
        assertThat(document.get("sizeBytes").asLong()).isEqualTo(content.length);
        assertThat(document.get("sha256").asString()).isEqualTo(DocumentFiles.sha256(content));
        assertThat(document.get("contentType").asString()).isEqualTo("application/pdf");
        assertThat(document.get("fileName").asString()).isEqualTo("Đề án khuyến công.pdf");
        String key = jdbc.sql("select object_key from document where id = ?")
                .param(UUID.fromString(document.get("id").asString()))
                .query(String.class)
                .single();
        assertThat(key).matches("documents/[0-9a-f-]{36}");

        HttpResponse<byte[]> download =
                the.enterprise.download(documents(id) + "/" + document.get("id").asString() + "/content");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(DocumentFiles.sha256(download.body())).isEqualTo(DocumentFiles.sha256(content));
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"De an khuyen cong.pdf\"; "
                        + "filename*=UTF-8''%C4%90%E1%BB%81%20%C3%A1n%20khuy%E1%BA%BFn%20c%C3%B4ng.pdf");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void everyAllowedKindIsRecognisedByItsBytes() {
        String id = the.aDraft().get("id").asString();
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("scan.pdf", DocumentFiles.PDF);
        files.put("anh.jpg", DocumentFiles.photo("jpeg", 64, 48));
        files.put("anh.png", DocumentFiles.photo("png", 64, 48));
        files.put("de-an.docx", DocumentFiles.docx());
        files.put("du-toan.xlsx", DocumentFiles.xlsx());
        files.put("de-an.odt", DocumentFiles.odt());
        files.put("du-toan.ods", DocumentFiles.ods());
        List<String> types = new ArrayList<>();
        files.forEach((name, bytes) -> {
            Api.Response upload = the.enterprise.upload(
                    documents(id), Map.of("documentType", "OTHER"), "file", name, bytes, "application/octet-stream");
            assertThat(upload.status()).as(name + ": " + upload.body()).isEqualTo(201);
            types.add(upload.json().get("contentType").asString());
        });
        assertThat(types)
                .containsExactly(
                        "application/pdf",
                        "image/jpeg",
                        "image/png",
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        "application/vnd.oasis.opendocument.text",
                        "application/vnd.oasis.opendocument.spreadsheet");
    }

    @Test
    void aDocumentTypeTakesOnlyItsFormatsInBothPaths() throws Exception {
        String id = the.aDraft().get("id").asString();
        Api.Response letterAsWord = the.enterprise.upload(
                documents(id),
                Map.of("documentType", "REQUEST_LETTER"),
                "file",
                "cong-van.docx",
                DocumentFiles.docx(),
                "application/octet-stream");
        assertThat(letterAsWord.status()).as(letterAsWord.body()).isEqualTo(415);
        assertThat(letterAsWord.json().get("detail").asString()).contains("cong-van.docx", "DOCX", "PDF, JPEG, PNG");
        assertThat(letterAsWord.json().get("errors").get(0).get("field").asString())
                .isEqualTo("file");

        Map<String, Object> request = new LinkedHashMap<>();
        request.put("documentType", "REQUEST_LETTER");
        request.put("fileName", "cong-van-2.docx");
        byte[] docx = DocumentFiles.docx();
        request.put("size", docx.length);
        request.put("sha256", DocumentFiles.sha256(docx));
        Api.Response session = the.enterprise.post("/api/v1/dossiers/" + id + "/uploads", request);
        assertThat(session.status()).as(session.body()).isEqualTo(201);
        HttpResponse<String> part = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/api/v1/dossiers/" + id
                                        + "/uploads/" + session.json().get("id").asString() + "/parts/1"))
                                .header("Authorization", "Bearer " + the.enterprise.token())
                                .header("Accept", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofByteArray(docx))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(part.statusCode()).as(part.body()).isEqualTo(415);
        assertThat(count(id)).isZero();

        Api.Response description = the.enterprise.upload(
                documents(id),
                Map.of("documentType", "PROJECT_DESCRIPTION"),
                "file",
                "de-an.docx",
                DocumentFiles.docx(),
                "application/octet-stream");
        assertThat(description.status()).as(description.body()).isEqualTo(201);
        assertThat(api().get("/api/v1/catalog/document-types").body()).contains("\"formats\"");
    }

    /** One bad upload: the file's name and bytes, the status and the field the problem must name. */
    record Bad(String why, String fileName, byte[] content, int status) {}

    @Test
    void namesWithPathsMarkupQuotesOrControlCharactersAreKeptCleanedAndServedSafely() throws Exception {
        String id = the.aDraft().get("id").asString();
        Map<String, String> names = new LinkedHashMap<>();
        names.put("../../etc/don.pdf", "don.pdf");
        names.put("C:\\tmp\\don.pdf", "don.pdf");
        names.put("\"><img src=x onerror=alert(1)>.pdf", "img src=x onerror=alert(1)_.pdf");
        names.put("bao \"gia\".pdf", "bao _gia_.pdf");
        names.put("don\u0007\u200B.pdf", "don_.pdf");
        names.put("De\u0302\u0300 a\u0301n.pdf", "D\u1EC1 \u00E1n.pdf");
        for (Map.Entry<String, String> name : names.entrySet()) {
            Api.Response upload = the.enterprise.upload(
                    documents(id),
                    Map.of("documentType", "OTHER"),
                    "file",
                    name.getKey(),
                    DocumentFiles.PDF,
                    "application/pdf");
            assertThat(upload.status()).as(name.getKey() + ": " + upload.body()).isEqualTo(201);
            assertThat(upload.json().get("fileName").asString())
                    .as(name.getKey())
                    .isEqualTo(name.getValue());
            HttpResponse<byte[]> download = the.enterprise.download(
                    documents(id) + "/" + upload.json().get("id").asString() + "/content");
            String disposition =
                    download.headers().firstValue("Content-Disposition").orElseThrow();
            assertThat(disposition)
                    .as(name.getKey())
                    .matches("attachment; filename=\"[ -~&&[^\"\\\\]]*\"; filename\\*=UTF-8''\\S+")
                    .doesNotContain("<", ">");
            assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }
    }

    @Test
    void badFilesAreRefusedWithAProblemNamingTheFieldAndNothingIsStored() throws Exception {
        String id = the.aDraft().get("id").asString();
        List<Bad> bad = List.of(
                new Bad("empty file", "trong.pdf", new byte[0], 400),
                new Bad("an executable", "setup.pdf", DocumentFiles.EXE, 415),
                new Bad("HTML dressed as a PDF", "don.pdf", DocumentFiles.HTML, 415),
                new Bad("SVG dressed as a PDF", "don.pdf", DocumentFiles.SVG, 415),
                new Bad("a PNG named as a PDF", "don.pdf", DocumentFiles.PNG, 415),
                new Bad("a PDF named as a Word file", "don.docx", DocumentFiles.PDF, 415),
                new Bad("a plain ZIP named as a Word file", "don.docx", DocumentFiles.plainZip(), 415),
                new Bad("a name without an extension", "don", DocumentFiles.PDF, 415),
                new Bad(
                        "a right-to-left override hiding an executable's extension",
                        "don\u202Efdp.exe",
                        DocumentFiles.PDF,
                        415),
                new Bad("a file part with no name", "", DocumentFiles.PDF, 400));
        Set<String> objectsBefore = objects();
        List<String> wrong = new ArrayList<>();
        for (Bad b : bad) {
            Api.Response refused = the.enterprise.upload(
                    documents(id),
                    Map.of("documentType", "REQUEST_LETTER"),
                    "file",
                    b.fileName(),
                    b.content(),
                    "application/pdf");
            if (refused.status() != b.status()
                    || !refused.contentType().startsWith("application/problem+json")
                    || !"file"
                            .equals(refused.json()
                                    .path("errors")
                                    .path(0)
                                    .path("field")
                                    .asString(""))) {
                wrong.add(b.why() + ": " + refused.status() + " " + refused.body());
            } else {
                assertThat(refused.json().get("detail").asString()).as(b.why()).isNotBlank();
            }
        }
        assertThat(wrong).isEmpty();
        assertNothingStored(id, objectsBefore);
    }

    @Test
    void aFileOverTheLimitIsRefusedWith413AndNothingIsStored() throws Exception {
        String id = the.aDraft().get("id").asString();
        Set<String> before = objects();
        byte[] tooLarge = DocumentFiles.aLargePdf(50 * 1024 * 1024 + 1, 51);

        Api.Response refused = the.enterprise.upload(
                documents(id), Map.of("documentType", "OTHER"), "file", "lon.pdf", tooLarge, "application/pdf");

        assertThat(refused.status()).as(refused.body()).isEqualTo(413);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
        assertThat(refused.json().get("detail").asString()).contains("50 MB");
        assertNothingStored(id, before);
    }

    /** What the server answered to a request's head and the first bytes of its body, and how soon it began to. */
    record Exchange(String response, long millisToAnswer) {}

    Exchange rawExchange(String head, byte[] bodyStart) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("localhost", PORT)) {
            socket.setSoTimeout(10_000);
            long started = System.nanoTime();
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(bodyStart);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n = in.read(buffer);
            long millis = (System.nanoTime() - started) / 1_000_000;
            socket.setSoTimeout(1_000);
            try {
                while (n > 0) {
                    answer.write(buffer, 0, n);
                    n = in.read(buffer);
                }
            } catch (SocketTimeoutException e) {
                // the server keeps the connection: what arrived is the answer
            }
            return new Exchange(answer.toString(StandardCharsets.UTF_8), millis);
        }
    }

    @Test
    void aBodyDeclaredLargerThanTheLimitIsRefusedBeforeItIsSentAndTheConnectionClosed() throws Exception {
        String id = the.aDraft().get("id").asString();
        Set<String> before = objects();
        String boundary = "b" + UUID.randomUUID();
        byte[] start = multipart(boundary, field("documentType", "OTHER"), file("lon.pdf", DocumentFiles.PDF));
        long declared = 52L * 1024 * 1024;

        // only the head and 1 KB of the 52 MB are ever sent: the answer must come without the rest
        Exchange exchange = rawExchange(
                "POST " + documents(id) + " HTTP/1.1\r\nHost: localhost:" + PORT
                        + "\r\nAuthorization: Bearer " + the.enterprise.token()
                        + "\r\nContent-Type: multipart/form-data; boundary="
                        + boundary + "\r\nContent-Length: " + declared + "\r\nAccept: application/json\r\n\r\n",
                Arrays.copyOf(start, Math.min(start.length, 1024)));

        String response = exchange.response();
        assertThat(response).as(response).startsWith("HTTP/1.1 413");
        assertThat(response.toLowerCase(java.util.Locale.ROOT)).contains("connection: close");
        assertThat(response).contains("file-too-large", "50 MB", "\"field\":\"file\"");
        assertThat(exchange.millisToAnswer())
                .as("answered without waiting for the body")
                .isLessThan(5_000);
        assertNothingStored(id, before);
    }

    @Test
    void aFilePartWithoutAFileNameIsToldSo() {
        String id = the.aDraft().get("id").asString();
        String boundary = "b" + UUID.randomUUID();
        byte[][] nameless = {
            "Content-Disposition: form-data; name=\"file\"\r\nContent-Type: application/pdf".getBytes(),
            DocumentFiles.PDF
        };
        HttpResponse<String> refused =
                post(id, boundary, multipart(boundary, field("documentType", "OTHER"), nameless));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body())
                .contains("\"field\":\"file\"", "không có tên tệp")
                .doesNotContain("quá dài");
    }

    @Test
    void aRequestHeaderLargerThanAllowedIsAProblemDetailNotAnHtmlPage() throws Exception {
        String response = rawExchange(
                        "GET /api/v1/catalog/contents HTTP/1.1\r\nHost: localhost:" + PORT + "\r\nX-Padding: "
                                + "x".repeat(100 * 1024) + "\r\nAccept: application/json\r\n\r\n",
                        new byte[0])
                .response();
        assertThat(response).startsWith("HTTP/1.1 400");
        assertThat(response)
                .contains("application/problem+json", "\"status\":400", "header")
                .doesNotContainIgnoringCase("<html");
    }

    @Test
    void tooManyPartsAndOversizedPartHeadersAreRefused() throws Exception {
        String id = the.aDraft().get("id").asString();
        Set<String> before = objects();
        String boundary = "b" + UUID.randomUUID();

        HttpResponse<String> tooMany = post(
                id,
                boundary,
                multipart(
                        boundary,
                        field("documentType", "OTHER"),
                        field("replaces", ""),
                        field("documentType", "OTHER"),
                        field("documentType", "OTHER"),
                        file("a.pdf", DocumentFiles.PDF)));
        assertThat(tooMany.statusCode()).as(tooMany.body()).isEqualTo(400);
        assertThat(tooMany.body()).contains("quá nhiều phần");

        byte[][] hugeHeader = {
            ("Content-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\nX-Padding: " + "x".repeat(4000))
                    .getBytes(),
            DocumentFiles.PDF
        };
        HttpResponse<String> oversized =
                post(id, boundary, multipart(boundary, field("documentType", "OTHER"), hugeHeader));
        assertThat(oversized.statusCode()).as(oversized.body()).isEqualTo(400);
        assertThat(oversized.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

        HttpResponse<String> twoFiles = post(
                id,
                boundary,
                multipart(
                        boundary,
                        field("documentType", "OTHER"),
                        file("a.pdf", DocumentFiles.PDF),
                        file("b.pdf", DocumentFiles.PDF)));
        assertThat(twoFiles.statusCode()).as(twoFiles.body()).isEqualTo(400);
        assertNothingStored(id, before);
    }

    @Test
    void anUnknownDocumentTypeOrAMissingFileIsRefused() {
        String id = the.aDraft().get("id").asString();
        Api.Response unknown = the.enterprise.upload(
                documents(id),
                Map.of("documentType", "LOVE_LETTER"),
                "file",
                "a.pdf",
                DocumentFiles.PDF,
                "application/pdf");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("documentType");

        String boundary = "b" + UUID.randomUUID();
        HttpResponse<String> noFile = post(id, boundary, multipart(boundary, field("documentType", "OTHER")));
        assertThat(noFile.statusCode()).isEqualTo(400);
        assertThat(noFile.body()).contains("\"field\":\"file\"");
    }

    @Test
    void anUploadAbortedAt99PercentLeavesNoObjectAndNoRow() throws Exception {
        String id = the.aDraft().get("id").asString();
        Set<String> before = objects();
        String boundary = "b" + UUID.randomUUID();
        byte[] body = multipart(
                boundary,
                field("documentType", "OTHER"),
                file("lon.pdf", DocumentFiles.aLargePdf(20 * 1024 * 1024, 99)));

        DocumentFiles.sendAndDrop(
                "http://localhost:" + PORT,
                "POST",
                documents(id),
                the.enterprise.token(),
                "multipart/form-data; boundary=" + boundary,
                body,
                (int) (body.length * 0.99));

        awaitNothingStored(id, before);
    }

    @Test
    void aClientTricklingItsBodyIsCutOffWith408AndNothingIsStored() throws Exception {
        String id = the.aDraft().get("id").asString();
        Set<String> before = objects();
        String boundary = "b" + UUID.randomUUID();
        byte[] body = multipart(
                boundary, field("documentType", "OTHER"), file("cham.pdf", DocumentFiles.aLargePdf(1024 * 1024, 408)));
        int headOfFile = body.length - 1024 * 1024 + 100;
        String response;
        try (java.net.Socket socket = new java.net.Socket("localhost", PORT)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + documents(id) + " HTTP/1.1\r\nHost: localhost:" + PORT + "\r\nAuthorization: Bearer "
                            + the.enterprise.token() + "\r\nContent-Type: multipart/form-data; boundary=" + boundary
                            + "\r\nContent-Length: " + body.length + "\r\nAccept: application/json\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, headOfFile);
            out.flush();
            // then one byte every half second, far under the minimum rate, until the server gives up
            long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
            InputStream in = socket.getInputStream();
            int sent = headOfFile;
            while (System.nanoTime() < deadline && in.available() == 0 && sent < body.length) {
                try {
                    out.write(body[sent++]);
                    out.flush();
                } catch (IOException closed) {
                    break;
                }
                Thread.sleep(500);
            }
            response = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
        }

        assertThat(response).startsWith("HTTP/1.1 408");
        assertThat(response).contains("upload-too-slow", "\"field\":\"file\"");
        awaitNothingStored(id, before);
    }

    @Test
    void theObjectStoreStoppingMidUploadGivesA503AndLeavesNoRow() throws Exception {
        String id = the.aDraft().get("id").asString();
        String boundary = "b" + UUID.randomUUID();
        byte[] body = multipart(
                boundary,
                field("documentType", "OTHER"),
                file("lon.pdf", DocumentFiles.aLargePdf(24 * 1024 * 1024, 503)));
        var server = store.embeddedServer().orElseThrow();
        InputStream stopsTheStoreHalfway = new ByteArrayInputStream(body) {
            boolean stopped;

            @Override
            public synchronized int read(byte[] b, int off, int len) {
                if (!stopped && pos > body.length / 2) {
                    stopped = true;
                    try {
                        server.stop();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
                return super.read(b, off, Math.min(len, 64 * 1024));
            }
        };
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + documents(id)))
                                    .header("Authorization", "Bearer " + the.enterprise.token())
                                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                    .POST(HttpRequest.BodyPublishers.fromPublisher(
                                            HttpRequest.BodyPublishers.ofInputStream(() -> stopsTheStoreHalfway),
                                            body.length))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
            assertThat(JsonMapper.builder()
                            .build()
                            .readTree(response.body())
                            .get("detail")
                            .asString())
                    .contains("Kho lưu trữ tài liệu tạm thời không truy cập được");
        } finally {
            server.restart();
            for (int i = 0; i < 100 && !store.reachable(); i++) {
                Thread.sleep(50);
            }
        }
        assertThat(count(id)).isZero();
        assertThat(jdbc.sql("select count(*) from document where dossier_id = ? and status = 'UPLOADING'")
                        .param(UUID.fromString(id))
                        .query(Integer.class)
                        .single())
                .isZero();
        // and the store serves again
        Fixtures.uploadA(the.enterprise, id, "OTHER");
    }

    HttpResponse<String> post(String id, String boundary, byte[] body) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + documents(id)))
                                    .header("Authorization", "Bearer " + the.enterprise.token())
                                    .header("Accept", "application/json")
                                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String documents(String id) {
        return "/api/v1/dossiers/" + id + "/documents";
    }

    Set<String> objects() {
        Set<String> keys = new HashSet<>();
        store.forEachObject("documents/", object -> keys.add(object.key()));
        return keys;
    }

    int count(String id) {
        return jdbc.sql("select count(*) from document where dossier_id = ?")
                .param(UUID.fromString(id))
                .query(Integer.class)
                .single();
    }

    void assertNothingStored(String id, Set<String> objectsBefore) {
        assertThat(count(id)).as("rows of the dossier").isZero();
        Set<String> added = objects();
        added.removeAll(objectsBefore);
        assertThat(added).as("objects added").isEmpty();
    }

    void awaitNothingStored(String id, Set<String> before) throws InterruptedException {
        // the server notices the dropped connection when it next reads: give it a moment
        Thread.sleep(1000);
        AssertionError last = null;
        for (int i = 0; i < 100; i++) {
            try {
                assertNothingStored(id, before);
                return;
            } catch (AssertionError e) {
                last = e;
                Thread.sleep(100);
            }
        }
        throw last;
    }
}
