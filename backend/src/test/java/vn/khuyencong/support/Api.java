package vn.khuyencong.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of the running application, as the browser app is: it signs in through the authorization server's
 * login page with authorization code + PKCE and calls the API with the access token it gets.
 */
public final class Api {

    public static final String DEMO_PASSWORD = "KhuyenCong@2026";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The address users know (the issuer, the redirect URI); requests go to the instances, in turn. */
    private final String publicUrl;

    private final List<String> instances;
    private final AtomicInteger turn;
    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private String token;
    private String pendingUser;

    Api(String base) {
        this(base, List.of(base), new AtomicInteger());
    }

    private Api(String publicUrl, List<String> instances, AtomicInteger turn) {
        this.publicUrl = publicUrl;
        this.instances = List.copyOf(instances);
        this.turn = turn;
    }

    /** A client of the application at {@code base} (benchmarks start their own instance). */
    public static Api at(String base) {
        return new Api(base);
    }

    /**
     * A client of several instances of one deployment known at {@code publicUrl}: each request, each step of a
     * sign-in included, goes to the next instance in turn.
     */
    public static Api across(String publicUrl, List<String> instances) {
        return new Api(publicUrl, instances, new AtomicInteger());
    }

    /** The same client, bound to one instance. */
    public Api onlyAt(String instance) {
        Api bound = new Api(publicUrl, List.of(instance), new AtomicInteger());
        bound.token = token();
        return bound;
    }

    private String base() {
        return instances.get(Math.floorMod(turn.getAndIncrement(), instances.size()));
    }

    /** An absolute URL the application redirected to, sent to the next instance instead. */
    private String atNextInstance(String location) {
        URI uri = URI.create(location);
        return base() + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    public record Response(int status, String contentType, String body, Map<String, List<String>> headers) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.getOrDefault(name.toLowerCase(), List.of()).stream()
                    .findFirst()
                    .orElse(null);
        }
    }

    /** A client that signs in as {@code username} with the demo password, on its first request. */
    public Api as(String username) {
        Api signedIn = new Api(publicUrl, instances, turn);
        signedIn.pendingUser = username;
        return signedIn;
    }

    public Api withToken(String rawToken) {
        Api other = new Api(publicUrl, instances, turn);
        other.token = rawToken;
        return other;
    }

    public String token() {
        if (token == null && pendingUser != null) {
            token = signIn(pendingUser, DEMO_PASSWORD);
        }
        return token;
    }

    /** The authorization-code flow with PKCE, through the real login form. */
    public String signIn(String username, String password) {
        HttpClient browser = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .build();
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier.getBytes()));
        String redirect = publicUrl + "/auth/callback";
        String authorize =
                base() + "/oauth2/authorize?response_type=code&client_id=khuyencong-spa&scope=openid%20profile"
                        + "&state=" + UUID.randomUUID() + "&redirect_uri=" + enc(redirect)
                        + "&code_challenge=" + challenge + "&code_challenge_method=S256";
        try {
            HttpResponse<String> first = browser.send(
                    HttpRequest.newBuilder(URI.create(authorize))
                            .header("Accept", "text/html")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            expectRedirect(first, "/login");
            HttpResponse<String> loginPage = browser.send(
                    HttpRequest.newBuilder(URI.create(base() + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage.body());
            if (!csrf.find()) {
                throw new IllegalStateException("No CSRF token on the login page");
            }
            HttpResponse<String> login = browser.send(
                    HttpRequest.newBuilder(URI.create(base() + "/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(username) + "&password="
                                    + enc(password) + "&_csrf=" + enc(csrf.group(1))))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            String next = login.headers().firstValue("Location").orElseThrow();
            if (next.contains("error")) {
                throw new IllegalStateException("Sign-in refused for " + username);
            }
            HttpResponse<String> back = browser.send(
                    HttpRequest.newBuilder(URI.create(atNextInstance(next))).build(),
                    HttpResponse.BodyHandlers.ofString());
            String callback = back.headers().firstValue("Location").orElseThrow();
            Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(callback);
            if (!callback.startsWith(redirect) || !code.find()) {
                throw new IllegalStateException("No authorization code in " + callback);
            }
            HttpResponse<String> tokens = browser.send(
                    HttpRequest.newBuilder(URI.create(base() + "/oauth2/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "grant_type=authorization_code&client_id=khuyencong-spa" + "&code=" + code.group(1)
                                            + "&redirect_uri=" + enc(redirect) + "&code_verifier=" + verifier))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (tokens.statusCode() != 200) {
                throw new IllegalStateException("Token request failed: " + tokens.body());
            }
            return JSON.readTree(tokens.body()).get("access_token").asString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    /** A GET with extra request headers (as a proxy or a tracing client adds them). */
    public Response get(String path, Map<String, String> headers) {
        HttpRequest.Builder builder = request(path).GET();
        headers.forEach(builder::setHeader);
        return send(builder);
    }

    /** A GET as a browser navigating to a page sends it. */
    public Response getPage(String path) {
        return send(request(path)
                .setHeader("Accept", "text/html,application/xhtml+xml")
                .GET());
    }

    public Response post(String path, Object body) {
        return postRaw(path, JSON.writeValueAsString(body));
    }

    public Response put(String path, Object body) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    public Response put(String path, Object body, String ifMatch) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .header("If-Match", ifMatch)
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    /** A JSON POST carrying an {@code Idempotency-Key}. */
    public Response post(String path, Object body, String idempotencyKey) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    /** A DELETE carrying an {@code Idempotency-Key}. */
    public Response delete(String path, String idempotencyKey) {
        return send(request(path).header("Idempotency-Key", idempotencyKey).DELETE());
    }

    /** A JSON POST of exactly these characters, carrying an {@code Idempotency-Key}. */
    public Response postRaw(String path, String rawJson, String idempotencyKey) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(rawJson)));
    }

    public Response postRaw(String path, String rawJson) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(rawJson)));
    }

    /** A multipart/form-data upload, as a browser's FormData sends it. */
    public Response upload(
            String path,
            Map<String, String> fields,
            String fileField,
            String fileName,
            byte[] content,
            String declaredType) {
        String boundary = "----kc" + UUID.randomUUID();
        List<byte[]> parts = new ArrayList<>();
        fields.forEach((name, value) -> parts.add(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                        .getBytes(StandardCharsets.UTF_8)));
        parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                        + fileName + "\"\r\nContent-Type: " + declaredType + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        parts.add(content);
        parts.add(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(parts)));
    }

    public HttpResponse<byte[]> download(String path) {
        try {
            return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(base() + path)).setHeader("Accept", "application/json");
        if (token() != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(
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

    private static void expectRedirect(HttpResponse<?> response, String pathEnd) {
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() / 100 != 3 || !location.endsWith(pathEnd)) {
            throw new IllegalStateException(
                    "Expected a redirect to " + pathEnd + " but got " + response.statusCode() + " " + location);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
