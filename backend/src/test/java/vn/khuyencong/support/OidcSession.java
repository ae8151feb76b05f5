package vn.khuyencong.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One browser's session with an OpenID provider, as the web app holds it: authorization code + PKCE through the
 * provider's own sign-in page (the embedded server's or Keycloak's, whatever form it shows), then the tokens; the
 * refresh, revocation and RP-initiated logout the web app performs, on the same cookie jar.
 */
public final class OidcSession {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern FORM = Pattern.compile(
            "<form[^>]*\\baction=\"([^\"]+)\"[^>]*>(.*?)</form>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern INPUT = Pattern.compile("<input[^>]*>", Pattern.CASE_INSENSITIVE);

    private final HttpClient browser =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    /**
     * The browser's cookies, per host: kept whatever their attributes say (the providers mark some Secure or
     * SameSite=None even over plain HTTP on loopback, where a browser keeps them for localhost too), dropped when
     * the server expires them.
     */
    private final Map<String, Map<String, String>> cookies = new ConcurrentHashMap<>();

    private final JsonNode discovery;
    private final String clientId;
    private final String redirectUri;
    private JsonNode tokens;

    /** What an HTTP exchange answered: status, the Location if any, the body. */
    public record Answer(int status, String location, String body) {}

    private OidcSession(String issuer, String clientId, String redirectUri) {
        this.discovery =
                JSON.readTree(send(HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
                                .GET())
                        .body());
        this.clientId = clientId;
        this.redirectUri = redirectUri;
    }

    /** A new browser, not signed in anywhere yet. */
    public static OidcSession browser(String issuer, String clientId, String redirectUri) {
        return new OidcSession(issuer, clientId, redirectUri);
    }

    /** Signs in (the sign-in page is filled with these credentials) and exchanges the code for tokens. */
    public OidcSession signIn(String username, String password) {
        Flow flow = authorize("vi");
        if (flow.code == null) {
            if (flow.page == null) {
                throw new IllegalStateException("Neither a sign-in page nor a code: " + flow);
            }
            Answer answer = submit(flow.page, Map.of("username", username, "password", password));
            flow = follow(answer, flow.verifier);
            if (flow.code == null) {
                throw new IllegalStateException("Sign-in refused for " + username + ": " + flow.last.status() + " "
                        + abbreviate(flow.last.body()));
            }
        }
        exchange(flow.code, flow.verifier);
        return this;
    }

    /**
     * Starts a sign-in the way the web app does; tells whether the provider asked for the password (true) or, its
     * session still alive, gave a code at once (false).
     */
    public boolean asksForPassword() {
        Flow flow = authorize("vi");
        return flow.code == null && flow.page != null && flow.page.contains("password");
    }

    /** The sign-in page the provider shows, in the language asked for. */
    public String signInPage(String uiLocales) {
        Flow flow = authorize(uiLocales);
        return flow.page;
    }

    public String accessToken() {
        return tokens.get("access_token").asString();
    }

    public String refreshToken() {
        JsonNode refresh = tokens.get("refresh_token");
        return refresh == null || refresh.isNull() ? null : refresh.asString();
    }

    public String idToken() {
        return tokens.get("id_token").asString();
    }

    public long expiresIn() {
        return tokens.get("expires_in").asLong();
    }

    /** The refresh-token grant with the current refresh token; on success the session holds the new tokens. */
    public Answer refresh() {
        return refreshWith(refreshToken());
    }

    /** The refresh-token grant with the given (perhaps already spent) refresh token. */
    public Answer refreshWith(String refreshToken) {
        Answer answer = form(
                discovery.get("token_endpoint").asString(),
                Map.of("grant_type", "refresh_token", "client_id", clientId, "refresh_token", refreshToken));
        if (answer.status() == 200) {
            tokens = JSON.readTree(answer.body());
        }
        return answer;
    }

    public Answer revokeRefreshToken() {
        return form(
                discovery.get("revocation_endpoint").asString(),
                Map.of("client_id", clientId, "token", refreshToken(), "token_type_hint", "refresh_token"));
    }

    /** RP-initiated logout, as the web app's "Đăng xuất" does it; the redirects are followed to the app's page. */
    public Answer logout(String postLogoutRedirectUri) {
        return logout(idToken(), postLogoutRedirectUri);
    }

    /** RP-initiated logout with the given ID token as the hint (an old one, a forged one...). */
    public Answer logout(String idTokenHint, String postLogoutRedirectUri) {
        String endSession = discovery.get("end_session_endpoint").asString();
        String url = endSession + "?id_token_hint=" + enc(idTokenHint) + "&post_logout_redirect_uri="
                + enc(postLogoutRedirectUri) + "&client_id=" + enc(clientId) + "&state=" + UUID.randomUUID();
        Answer answer = send(HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/html")
                .GET());
        // Keycloak asks to confirm when it cannot tell the request comes from the signed-in app; the app's request
        // carries the ID token, so the confirmation page is submitted as the person would
        for (int i = 0;
                i < 5 && answer.status() == 200 && FORM.matcher(answer.body()).find();
                i++) {
            answer = submit(answer.body(), Map.of());
        }
        for (int i = 0;
                i < 5 && answer.location() != null && !answer.location().startsWith(postLogoutRedirectUri);
                i++) {
            answer =
                    send(HttpRequest.newBuilder(resolve(url, answer.location())).GET());
        }
        return answer;
    }

    public JsonNode discovery() {
        return discovery;
    }

    private record Flow(String code, String verifier, String page, Answer last) {}

    private Flow authorize(String uiLocales) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier));
        String url = discovery.get("authorization_endpoint").asString() + "?response_type=code&client_id="
                + enc(clientId) + "&scope=" + enc("openid profile") + "&state=" + UUID.randomUUID() + "&nonce="
                + UUID.randomUUID() + "&redirect_uri=" + enc(redirectUri) + "&code_challenge=" + challenge
                + "&code_challenge_method=S256&ui_locales=" + enc(uiLocales);
        return follow(
                send(HttpRequest.newBuilder(URI.create(url))
                        .header("Accept", "text/html")
                        .GET()),
                verifier,
                url);
    }

    private Flow follow(Answer answer, String verifier) {
        return follow(answer, verifier, discovery.get("authorization_endpoint").asString());
    }

    private Flow follow(Answer answer, String verifier, String from) {
        String base = from;
        for (int i = 0; i < 10; i++) {
            if (answer.location() == null) {
                return new Flow(null, verifier, answer.status() == 200 ? answer.body() : null, answer);
            }
            if (answer.location().startsWith(redirectUri)) {
                Matcher code = Pattern.compile("[?&]code=([^&#]+)").matcher(answer.location());
                return new Flow(code.find() ? code.group(1) : null, verifier, null, answer);
            }
            URI next = resolve(base, answer.location());
            base = next.toString();
            answer = send(
                    HttpRequest.newBuilder(next).header("Accept", "text/html").GET());
        }
        throw new IllegalStateException("Too many redirects");
    }

    /** Fills the page's first form: its hidden fields as they are, the given fields typed in. */
    private Answer submit(String page, Map<String, String> typed) {
        Matcher form = FORM.matcher(page);
        if (!form.find()) {
            throw new IllegalStateException("No form on the page: " + abbreviate(page));
        }
        String action = form.group(1).replace("&amp;", "&");
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = INPUT.matcher(form.group(2));
        while (input.find()) {
            String tag = input.group();
            String name = attribute(tag, "name");
            if (name != null && "hidden".equalsIgnoreCase(attribute(tag, "type"))) {
                fields.put(
                        name,
                        attribute(tag, "value") == null
                                ? ""
                                : attribute(tag, "value").replace("&amp;", "&"));
            }
        }
        fields.putAll(typed);
        URI target = resolve(discovery.get("authorization_endpoint").asString(), action);
        return send(HttpRequest.newBuilder(target)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(urlEncoded(fields))));
    }

    private void exchange(String code, String verifier) {
        Answer answer = form(
                discovery.get("token_endpoint").asString(),
                Map.of(
                        "grant_type",
                        "authorization_code",
                        "client_id",
                        clientId,
                        "code",
                        code,
                        "redirect_uri",
                        redirectUri,
                        "code_verifier",
                        verifier));
        if (answer.status() != 200) {
            throw new IllegalStateException("Token request failed: " + answer.body());
        }
        tokens = JSON.readTree(answer.body());
    }

    private Answer form(String url, Map<String, String> fields) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(urlEncoded(fields))));
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpRequest built = request.build();
            String host = built.uri().getHost() + ":" + built.uri().getPort();
            Map<String, String> jar = cookies.computeIfAbsent(host, h -> new LinkedHashMap<>());
            if (!jar.isEmpty()) {
                built = HttpRequest.newBuilder(built, (name, value) -> true)
                        .header(
                                "Cookie",
                                jar.entrySet().stream()
                                        .map(e -> e.getKey() + "=" + e.getValue())
                                        .collect(Collectors.joining("; ")))
                        .build();
            }
            HttpResponse<String> response = browser.send(built, HttpResponse.BodyHandlers.ofString());
            for (String set : response.headers().allValues("Set-Cookie")) {
                String pair = set.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq).strip();
                String value = pair.substring(eq + 1).strip();
                boolean expired = set.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")
                        || value.isEmpty()
                        || set.contains("Expires=Thu, 01 Jan 1970")
                        || set.contains("Expires=Thu, 01-Jan-1970");
                if (expired) {
                    jar.remove(name);
                } else {
                    jar.put(name, value);
                }
            }
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("Location").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static URI resolve(String base, String location) {
        return URI.create(base).resolve(location.replace("&amp;", "&"));
    }

    private static String attribute(String tag, String name) {
        Matcher value = Pattern.compile("\\b" + name + "=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE)
                .matcher(tag);
        return value.find() ? value.group(1) : null;
    }

    private static String urlEncoded(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }
}
