package vn.khuyencong.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import vn.khuyencong.support.Api;

/** The resumable upload in parts as a client drives it over HTTP: a session, each part in turn, then completion. */
final class ResumableUpload {

    private ResumableUpload() {}

    /**
     * Uploads {@code content} in parts of the size the server announces.
     *
     * @return the answer of the step that refused, or of the completion
     */
    static Api.Response send(
            Api owner, String baseUrl, String dossierId, String documentType, String fileName, byte[] content) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("documentType", documentType);
        request.put("fileName", fileName);
        request.put("size", content.length);
        request.put("sha256", DocumentFiles.sha256(content));
        Api.Response started = owner.post("/api/v1/dossiers/" + dossierId + "/uploads", request);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        JsonNode session = started.json();
        String uploads = "/api/v1/dossiers/" + dossierId + "/uploads/"
                + session.get("id").asString();
        int partSize = session.get("partSize").asInt();
        for (int part = 1; part <= session.get("partCount").asInt(); part++) {
            byte[] bytes =
                    Arrays.copyOfRange(content, (part - 1) * partSize, Math.min(content.length, part * partSize));
            HttpResponse<String> put = put(baseUrl + uploads + "/parts/" + part, owner.token(), bytes);
            if (put.statusCode() != 200) {
                return new Api.Response(
                        put.statusCode(),
                        put.headers().firstValue("Content-Type").orElse(""),
                        put.body(),
                        put.headers().map());
            }
        }
        return owner.post(uploads + "/complete", Map.of());
    }

    private static HttpResponse<String> put(String url, String token, byte[] bytes) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .header("Authorization", "Bearer " + token)
                                    .header("Content-Type", "application/octet-stream")
                                    .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
