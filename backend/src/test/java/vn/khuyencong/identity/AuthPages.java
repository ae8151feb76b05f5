package vn.khuyencong.identity;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser on the server-rendered pages of the authorization server (sign-in, registration): it keeps cookies,
 * sends the CSRF token of the last page it read, and can say which client address it is behind a proxy.
 */
public final class AuthPages {

    private final String base;
    private final String clientAddress;
    private final HttpClient browser = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .build();
    private String csrf;

    public AuthPages(String base, String clientAddress) {
        this.base = base;
        this.clientAddress = clientAddress;
    }

    public record Page(int status, String body, Map<String, List<String>> headers) {

        public String header(String name) {
            return headers.getOrDefault(name.toLowerCase(), List.of()).stream()
                    .findFirst()
                    .orElse(null);
        }

        public String title() {
            Matcher m = Pattern.compile("<title>([^<]*)</title>").matcher(body);
            return m.find() ? m.group(1).strip() : null;
        }

        /** The links of the error summary: field id to message. */
        public Map<String, String> errorSummary() {
            Map<String, String> errors = new LinkedHashMap<>();
            Matcher m = Pattern.compile("<li><a href=\"#([A-Za-z]+)\">([^<]*)</a></li>")
                    .matcher(body);
            while (m.find()) {
                errors.put(m.group(1), m.group(2));
            }
            return errors;
        }
    }

    public Page get(String path) {
        return remember(send(request(path).GET()));
    }

    public Page post(String path, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        if (csrf != null) {
            form.putIfAbsent("_csrf", csrf);
        }
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return remember(send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                .header("Accept", "text/html");
        if (clientAddress != null) {
            builder.header("X-Forwarded-For", clientAddress);
        }
        return builder;
    }

    private Page remember(Page page) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return page;
    }

    private Page send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = browser.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Page(
                    response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
