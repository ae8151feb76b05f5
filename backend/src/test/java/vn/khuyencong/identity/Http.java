package vn.khuyencong.identity;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import vn.khuyencong.support.Api;
import vn.khuyencong.support.IntegrationTest;

/** Any request, as the API client of the tests would send it: any method, headers, and its token if it has one. */
public final class Http {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Http() {}

    public static String base() {
        return "http://localhost:" + IntegrationTest.PORT;
    }

    public static Api.Response delete(Api api, String path) {
        return send(api, "DELETE", path, null, Map.of());
    }

    public static Api.Response put(Api api, String path, Object body) {
        return send(api, "PUT", path, body, Map.of());
    }

    /** A request of any method; a body is sent as JSON. */
    public static Api.Response send(Api api, String method, String path, Object body, Map<String, String> headers) {
        return send(base(), api == null ? null : api.token(), method, path, body, headers);
    }

    public static Api.Response send(
            String base, String token, String method, String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        headers.forEach(builder::header);
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json")
                    .method(
                            method,
                            HttpRequest.BodyPublishers.ofString(
                                    body instanceof String s ? s : JSON.writeValueAsString(body)));
        }
        try {
            HttpResponse<String> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
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
}
