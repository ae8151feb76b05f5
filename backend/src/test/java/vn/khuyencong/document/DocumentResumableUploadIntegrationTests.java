package vn.khuyencong.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.khuyencong.support.Api;
import vn.khuyencong.support.Fixtures;
import vn.khuyencong.support.IntegrationTest;

/** Large files in parts: a dropped connection costs one part, not the whole file. */
class DocumentResumableUploadIntegrationTests extends IntegrationTest {

    static final int PART = 8 * 1024 * 1024;

    final Fixtures the = new Fixtures(api());

    @Test
    void anUploadInterruptedMidPartResumesWithTheMissingPartsOnlyAndRoundTrips() throws Exception {
        String id = the.aDraft().get("id").asString();
        byte[] file = DocumentFiles.aLargePdf(2 * PART + 1_234_567, 7);
        JsonNode session = start(id, "ban-ve-may.pdf", file.length, DocumentFiles.sha256(file));
        assertThat(session.get("partSize").asInt()).isEqualTo(PART);
        assertThat(session.get("partCount").asInt()).isEqualTo(3);
        String uploads =
                "/api/v1/dossiers/" + id + "/uploads/" + session.get("id").asString();

        assertThat(put(uploads + "/parts/1", part(file, 1)).statusCode()).isEqualTo(200);
        // the connection drops in the middle of part 2
        DocumentFiles.sendAndDrop(
                "http://localhost:" + PORT,
                "PUT",
                uploads + "/parts/2",
                the.enterprise.token(),
                "application/octet-stream",
                part(file, 2),
                PART / 2);
        assertThat(put(uploads + "/parts/3", part(file, 3)).statusCode()).isEqualTo(200);

        // back online: what arrived?
        JsonNode status = the.enterprise.get(uploads).json();
        assertThat(status.get("receivedParts")
                        .valueStream()
                        .map(JsonNode::asInt)
                        .toList())
                .containsExactly(1, 3);
        Api.Response early = the.enterprise.post(uploads + "/complete", Map.of());
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.json().get("type").asString()).endsWith("/upload-parts-mismatch");

        assertThat(put(uploads + "/parts/2", part(file, 2)).statusCode()).isEqualTo(200);
        Api.Response done = the.enterprise.post(uploads + "/complete", Map.of());

        assertThat(done.status()).as(done.body()).isEqualTo(201);
        assertThat(done.json().get("sha256").asString()).isEqualTo(DocumentFiles.sha256(file));
        assertThat(done.json().get("sizeBytes").asLong()).isEqualTo(file.length);
        HttpResponse<byte[]> download = the.enterprise.download(
                "/api/v1/dossiers/" + id + "/documents/" + done.json().get("id").asString() + "/content");
        assertThat(DocumentFiles.sha256(download.body())).isEqualTo(DocumentFiles.sha256(file));
        assertThat(the.enterprise.get(uploads).status())
                .as("the session is gone")
                .isEqualTo(404);
    }

    @Test
    void partsThatDoNotAddUpAreRefusedAndNothingIsStored() throws Exception {
        String id = the.aDraft().get("id").asString();
        byte[] file = DocumentFiles.aLargePdf(PART + 100, 8);
        JsonNode session = start(id, "a.pdf", file.length, "0".repeat(64));
        String uploads =
                "/api/v1/dossiers/" + id + "/uploads/" + session.get("id").asString();

        HttpResponse<String> shortPart = put(uploads + "/parts/2", new byte[10]);
        assertThat(shortPart.statusCode()).isEqualTo(422);
        HttpResponse<String> longPart = put(uploads + "/parts/2", new byte[101]);
        assertThat(longPart.statusCode()).isEqualTo(422);
        assertThat(put(uploads + "/parts/3", new byte[100]).statusCode()).isEqualTo(400);
        assertThat(put(uploads + "/parts/1", part(file, 1)).statusCode()).isEqualTo(200);
        assertThat(put(uploads + "/parts/2", Arrays.copyOfRange(file, PART, PART + 100))
                        .statusCode())
                .isEqualTo(200);

        // the declared SHA-256 is not the file's
        Api.Response mismatch = the.enterprise.post(uploads + "/complete", Map.of());
        assertThat(mismatch.status()).isEqualTo(422);
        assertThat(mismatch.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
        assertThat(the.enterprise
                        .get("/api/v1/dossiers/" + id + "/documents")
                        .json()
                        .size())
                .isZero();
    }

    @Test
    void aSessionIsRefusedForAFileOverTheLimitAndItsFirstPartIsJudgedByItsBytes() throws Exception {
        String id = the.aDraft().get("id").asString();
        Map<String, Object> tooLarge = request("lon.pdf", 50L * 1024 * 1024 + 1, "0".repeat(64));
        assertThat(the.enterprise
                        .post("/api/v1/dossiers/" + id + "/uploads", tooLarge)
                        .status())
                .isEqualTo(413);
        assertThat(the.enterprise
                        .post("/api/v1/dossiers/" + id + "/uploads", request(" ", 10, "0".repeat(64)))
                        .status())
                .isEqualTo(400);
        Map<String, Object> astronomical = request("lon.pdf", 10, "0".repeat(64));
        astronomical.put("size", 1e30);
        Api.Response outOfRange = the.enterprise.post("/api/v1/dossiers/" + id + "/uploads", astronomical);
        assertThat(outOfRange.status()).as(outOfRange.body()).isEqualTo(400);
        assertThat(outOfRange.json().path("errors").path(0).path("field").asString(""))
                .as(outOfRange.body())
                .isEqualTo("size");
        assertThat(outOfRange.json().get("errors").get(0).get("field").asString())
                .isEqualTo("size");
        assertThat(outOfRange.body()).doesNotContain("JSON hợp lệ");
        Api.Response withFolders =
                the.enterprise.post("/api/v1/dossiers/" + id + "/uploads", request("../<b>x.pdf", 10, "0".repeat(64)));
        assertThat(withFolders.status()).as(withFolders.body()).isEqualTo(201);
        assertThat(withFolders.json().get("fileName").asString()).isEqualTo("b_x.pdf");

        byte[] html = Arrays.copyOf(DocumentFiles.HTML, PART + 10);
        JsonNode session = start(id, "gia-pdf.pdf", html.length, DocumentFiles.sha256(html));
        String uploads =
                "/api/v1/dossiers/" + id + "/uploads/" + session.get("id").asString();
        HttpResponse<String> refused = put(uploads + "/parts/1", part(html, 1));
        assertThat(refused.statusCode()).isEqualTo(415);
        assertThat(the.enterprise.get(uploads).status())
                .as("the session is cancelled")
                .isEqualTo(404);
    }

    @Test
    void anotherOrganisationsSessionDoesNotExistForTheCaller() {
        String id = the.aDraft().get("id").asString();
        JsonNode session = start(id, "a.pdf", 10, "0".repeat(64));
        Api officer = the.reviewer;
        assertThat(officer.get("/api/v1/dossiers/" + id + "/uploads/"
                                + session.get("id").asString())
                        .status())
                .isEqualTo(404);
        assertThat(the.enterprise
                        .delete("/api/v1/dossiers/" + id + "/uploads/"
                                + session.get("id").asString())
                        .status())
                .isEqualTo(204);
    }

    JsonNode start(String id, String name, long size, String sha256) {
        Api.Response started = the.enterprise.post("/api/v1/dossiers/" + id + "/uploads", request(name, size, sha256));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return started.json();
    }

    static Map<String, Object> request(String name, long size, String sha256) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("documentType", "OTHER");
        request.put("fileName", name);
        request.put("size", size);
        request.put("sha256", sha256);
        return request;
    }

    static byte[] part(byte[] file, int number) {
        int from = (number - 1) * PART;
        return Arrays.copyOfRange(file, from, Math.min(file.length, from + PART));
    }

    HttpResponse<String> put(String path, byte[] body) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + path))
                                .header("Authorization", "Bearer " + the.enterprise.token())
                                .header("Accept", "application/json")
                                .header("Content-Type", "application/octet-stream")
                                .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
