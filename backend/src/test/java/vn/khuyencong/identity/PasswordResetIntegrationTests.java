package vn.khuyencong.identity;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.khuyencong.support.IntegrationTest;
import vn.khuyencong.support.TestClock;
import vn.khuyencong.support.TestMailServer;

/**
 * "Quên mật khẩu" on the sign-in page: the account's mailbox receives a single-use link, valid 30 minutes, that sets
 * a new password and ends the sign-ins made before; whoever asks learns nothing of whether an account exists. Mails
 * go through the outbox to a real SMTP server.
 */
class PasswordResetIntegrationTests extends IntegrationTest {

    static final String SUBJECT = "[Khuyến công] Đặt lại mật khẩu";
    static final String NEW_PASSWORD = "Đồi-Chè-Mới-2027!";
    static final String SENT = "Nếu địa chỉ này thuộc một tài khoản, chúng tôi đã gửi thư hướng dẫn đặt lại mật";
    static final String INVALID = "Liên kết đặt lại mật khẩu không hợp lệ, đã được dùng hoặc đã hết hạn";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void theSignInPageLeadsToAnAccessibleRequestForm() {
        AuthPages browser = browser();
        assertThat(browser.get("/login").body()).contains("<a href=\"/password/forgot\">Quên mật khẩu?</a>");

        AuthPages.Page page = browser.get("/password/forgot");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.title()).isEqualTo("Quên mật khẩu – Khuyến công Online");
        assertThat(page.body())
                .contains(
                        "lang=\"vi\"",
                        "<label for=\"account\"",
                        "id=\"account\"",
                        "autocomplete=\"username\"",
                        "name=\"_csrf\"")
                .doesNotContain("<script", "<style", "style=");
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'", "style-src 'self'");

        AuthPages.Page empty = browser.post("/password/forgot", Map.of("account", " "));
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.title()).isEqualTo("(1 lỗi) Quên mật khẩu – Khuyến công Online");
        assertThat(empty.errorSummary()).containsOnlyKeys("account");
        assertThat(empty.body()).contains("aria-invalid=\"true\"", "aria-describedby=\"account-error\"");

        assertThat(browser()
                        .post("/password/forgot", Map.of("account", "ai@example.vn"))
                        .status())
                .as("without the CSRF token")
                .isEqualTo(403);
    }

    @Test
    void theLinkMailedToTheAccountSetsANewPasswordAndOnlyTheNewOneSignsIn() throws Exception {
        IdentityFixtures.Person owner = IdentityFixtures.anOrganisation(Http.base(), jdbc, "Hợp tác xã Miến dong");

        AuthPages.Page sent = asks(owner.email().toUpperCase());

        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.title()).isEqualTo("Kiểm tra hộp thư – Khuyến công Online");
        assertThat(sent.body()).contains(SENT);
        MimeMessage mail = theOnlyMailTo(owner.email());
        String body = String.valueOf(mail.getContent());
        assertThat(body)
                .startsWith("Kính gửi Hoàng Thị Lan,")
                .contains("30 phút", "Nếu bạn không yêu cầu", "bỏ qua thư này");
        String token = token(body);
        // the link is not stored, only its SHA-256
        assertThat(jdbc.sql("select token_hash from password_reset r join user_account u on u.id = r.account_id "
                                + "where u.username = ?")
                        .param(owner.email())
                        .query(String.class)
                        .list())
                .containsExactly(sha256(token));

        AuthPages browser = browser();
        AuthPages.Page form = browser.get("/password/reset?token=" + token);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.title()).isEqualTo("Đặt mật khẩu mới – Khuyến công Online");
        assertThat(form.body())
                .contains(
                        "<label for=\"password\">Mật khẩu mới</label>",
                        "<label for=\"passwordConfirmation\">Nhập lại mật khẩu mới</label>",
                        "autocomplete=\"new-password\"",
                        "name=\"_csrf\"",
                        owner.email())
                .doesNotContain("<script", "style=");

        AuthPages.Page done = browser.post("/password/reset", newPassword(token, NEW_PASSWORD));

        assertThat(done.status()).isEqualTo(302);
        assertThat(done.header("Location")).endsWith("/login?reset");
        assertThat(browser.get("/login?reset").body())
                .contains("Mật khẩu đã được đặt lại. Hãy đăng nhập bằng mật khẩu mới.");
        assertThat(signsIn(owner.email(), owner.password()))
                .as("the old password")
                .isFalse();
        assertThat(signsIn(owner.email(), NEW_PASSWORD)).as("the new password").isTrue();
        assertThat(api().signIn(owner.email(), NEW_PASSWORD))
                .as("through the web app's sign-in")
                .isNotBlank();
        assertThat(jdbc.sql("select password_hash from user_account where username = ?")
                        .param(owner.email())
                        .query(String.class)
                        .single())
                .startsWith("{bcrypt}");
        assertThat(events("PASSWORD_RESET_REQUESTED", owner.email())).isEqualTo(1);
        assertThat(events("PASSWORD_RESET", owner.email())).isEqualTo(1);
    }

    @Test
    void aLinkSetsThePasswordOnceOnly() throws Exception {
        IdentityFixtures.Person owner = IdentityFixtures.anOrganisation(Http.base(), jdbc, "Hộ kinh doanh Mật ong");
        asks(owner.email());
        String token = token(String.valueOf(theOnlyMailTo(owner.email()).getContent()));
        AuthPages browser = browser();
        browser.get("/password/reset?token=" + token);
        assertThat(browser.post("/password/reset", newPassword(token, NEW_PASSWORD))
                        .status())
                .isEqualTo(302);

        AuthPages.Page again = browser().get("/password/reset?token=" + token);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.title()).isEqualTo("Liên kết không dùng được – Khuyến công Online");
        assertThat(again.body()).contains(INVALID, "href=\"/password/forgot\"");

        AuthPages other = browser();
        other.get("/password/forgot");
        AuthPages.Page reused = other.post("/password/reset", newPassword(token, "Một-Mật-Khẩu-Khác-9!"));
        assertThat(reused.status()).isEqualTo(404);
        assertThat(reused.body()).contains(INVALID);
        assertThat(signsIn(owner.email(), "Một-Mật-Khẩu-Khác-9!")).isFalse();
        assertThat(signsIn(owner.email(), NEW_PASSWORD)).isTrue();
    }

    @Test
    void aLinkExpiresAfterThirtyMinutes() throws Exception {
        IdentityFixtures.Person owner = IdentityFixtures.anOrganisation(Http.base(), jdbc, "Công ty Gốm Phù Lãng");
        asks(owner.email());
        String token = token(String.valueOf(theOnlyMailTo(owner.email()).getContent()));
        Instant created = jdbc.sql("select created_at from password_reset where token_hash = ?")
                .param(sha256(token))
                .query(Timestamp.class)
                .single()
                .toInstant();

        clock.set(created.plus(Duration.ofMinutes(29)));
        AuthPages browser = browser();
        assertThat(browser.get("/password/reset?token=" + token).status())
                .as("after 29 minutes")
                .isEqualTo(200);

        clock.set(created.plus(Duration.ofMinutes(30)).plusSeconds(1));
        AuthPages.Page expired = browser().get("/password/reset?token=" + token);
        assertThat(expired.status()).as("after 30 minutes").isEqualTo(404);
        assertThat(expired.body()).contains(INVALID);
        // the form opened in time cannot be sent late either
        assertThat(browser.post("/password/reset", newPassword(token, NEW_PASSWORD))
                        .status())
                .isEqualTo(404);
        clock.reset();
        assertThat(signsIn(owner.email(), owner.password())).isTrue();
    }

    @Test
    void askingAgainLeavesOnlyTheNewestLink() throws Exception {
        IdentityFixtures.Person owner = IdentityFixtures.anOrganisation(Http.base(), jdbc, "Tổ hợp tác Mây tre");
        asks(owner.email());
        String first = token(String.valueOf(theOnlyMailTo(owner.email()).getContent()));
        asks(owner.email());
        List<MimeMessage> mails = mailsTo(owner.email(), 2);
        assertThat(mails).hasSize(2);
        String second = mails.stream()
                .map(PasswordResetIntegrationTests::content)
                .map(PasswordResetIntegrationTests::token)
                .filter(token -> !token.equals(first))
                .findFirst()
                .orElseThrow();

        assertThat(browser().get("/password/reset?token=" + first).status()).isEqualTo(404);
        assertThat(browser().get("/password/reset?token=" + second).status()).isEqualTo(200);
    }

    @Test
    void whoeverAsksLearnsNothingOfWhetherTheAccountExists() throws Exception {
        IdentityFixtures.Person owner = IdentityFixtures.anOrganisation(Http.base(), jdbc, "Công ty Nón lá Chuông");
        IdentityFixtures.Person withoutAddress = IdentityFixtures.anOfficerOfAnotherAgency(jdbc, "REVIEWER");
        String nobody = IdentityFixtures.anEmail("khongco");

        AuthPages.Page known = asks(owner.email());
        AuthPages.Page unknown = asks(nobody);
        AuthPages.Page noMailbox = asks(withoutAddress.email());

        assertThat(unknown.status()).isEqualTo(known.status()).isEqualTo(200);
        assertThat(unknown.body()).isEqualTo(known.body()).contains(SENT);
        assertThat(noMailbox.status()).isEqualTo(200);
        assertThat(noMailbox.body()).isEqualTo(known.body());
        // the known account's mail has arrived, so the others' would have too
        theOnlyMailTo(owner.email());
        assertThat(TestMailServer.to(nobody)).isEmpty();
        assertThat(jdbc.sql("select count(*) from mail_outbox where recipient = ?")
                        .param(nobody)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from password_reset r join user_account u on u.id = r.account_id "
                                + "where u.username = ?")
                        .param(withoutAddress.email())
                        .query(Integer.class)
                        .single())
                .isZero();
        // nothing of the link reaches the notices shown in the application
        assertThat(jdbc.sql("select count(*) from notification where recipient = ?")
                        .param(owner.email())
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void requestsAreLimitedPerAddressTypedAndPerClient() {
        String target = IdentityFixtures.anEmail("muctieu");
        AuthPages browser = browser();
        browser.get("/password/forgot");
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(browser.post("/password/forgot", Map.of("account", target))
                            .status())
                    .isEqualTo(200);
        }

        AuthPages.Page blocked = browser.post("/password/forgot", Map.of("account", target));

        assertThat(blocked.status()).isEqualTo(429);
        assertThat(Long.parseLong(blocked.header("Retry-After"))).isBetween(1L, 15 * 60L);
        assertThat(blocked.body()).contains("Vui lòng thử lại sau", "quá nhiều yêu cầu đặt lại mật khẩu");
        // the address is limited from anywhere; the client may still ask for another one
        AuthPages elsewhere = browser();
        elsewhere.get("/password/forgot");
        assertThat(elsewhere.post("/password/forgot", Map.of("account", target)).status())
                .isEqualTo(429);
        assertThat(browser.post("/password/forgot", Map.of("account", IdentityFixtures.anEmail("khac")))
                        .status())
                .isEqualTo(200);

        AuthPages oneClient = browser();
        oneClient.get("/password/forgot");
        for (int attempt = 1; attempt <= 20; attempt++) {
            assertThat(oneClient
                            .post("/password/forgot", Map.of("account", IdentityFixtures.anEmail("thu" + attempt)))
                            .status())
                    .isEqualTo(200);
        }
        AuthPages.Page tooMany = oneClient.post("/password/forgot", Map.of("account", IdentityFixtures.anEmail("nua")));
        assertThat(tooMany.status()).isEqualTo(429);
        assertThat(tooMany.header("Retry-After")).isNotNull();
    }

    @Test
    void aWeakOrMistypedPasswordIsRefusedAndChangesNothing() throws Exception {
        IdentityFixtures.Person owner = IdentityFixtures.anOrganisation(Http.base(), jdbc, "Công ty Lụa Vạn Phúc");
        asks(owner.email());
        String token = token(String.valueOf(theOnlyMailTo(owner.email()).getContent()));
        String hashBefore = passwordHash(owner.email());
        AuthPages browser = browser();
        browser.get("/password/reset?token=" + token);

        AuthPages.Page weak = browser.post("/password/reset", newPassword(token, "matkhau"));

        assertThat(weak.status()).isEqualTo(422);
        assertThat(weak.title()).isEqualTo("(1 lỗi) Đặt mật khẩu mới – Khuyến công Online");
        assertThat(weak.errorSummary()).containsOnlyKeys("password");
        assertThat(weak.errorSummary().get("password")).contains("ít nhất 12 ký tự", "quá phổ biến");
        assertThat(weak.body())
                .contains("id=\"password-error\"", "aria-describedby=\"password-hint password-error\"")
                .doesNotContain("value=\"matkhau\"");

        AuthPages.Page mistyped = browser.post(
                "/password/reset",
                Map.of("token", token, "password", NEW_PASSWORD, "passwordConfirmation", NEW_PASSWORD + "x"));
        assertThat(mistyped.status()).isEqualTo(422);
        assertThat(mistyped.errorSummary()).containsOnlyKeys("passwordConfirmation");

        assertThat(passwordHash(owner.email())).isEqualTo(hashBefore);
        assertThat(signsIn(owner.email(), owner.password())).isTrue();
        // the link is still good for a password the policy accepts
        assertThat(browser.post("/password/reset", newPassword(token, NEW_PASSWORD))
                        .status())
                .isEqualTo(302);
    }

    @Test
    void twoSubmissionsOfOneLinkAtOnceSetOnePassword() throws Exception {
        IdentityFixtures.Person owner = IdentityFixtures.anOrganisation(Http.base(), jdbc, "Hợp tác xã Cam Cao Phong");
        asks(owner.email());
        String token = token(String.valueOf(theOnlyMailTo(owner.email()).getContent()));
        AuthPages one = browser();
        AuthPages two = browser();
        assertThat(one.get("/password/reset?token=" + token).status()).isEqualTo(200);
        assertThat(two.get("/password/reset?token=" + token).status()).isEqualTo(200);
        String first = "Cam-Sành-Thứ-Nhất-1!";
        String second = "Cam-Canh-Thứ-Hai-2!";

        CountDownLatch start = new CountDownLatch(1);
        int statusA;
        int statusB;
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            Future<AuthPages.Page> a = threads.submit(() -> {
                start.await();
                return one.post("/password/reset", newPassword(token, first));
            });
            Future<AuthPages.Page> b = threads.submit(() -> {
                start.await();
                return two.post("/password/reset", newPassword(token, second));
            });
            start.countDown();
            statusA = a.get().status();
            statusB = b.get().status();
        }

        assertThat(List.of(statusA, statusB)).containsExactlyInAnyOrder(302, 404);
        String winner = statusA == 302 ? first : second;
        String loser = statusA == 302 ? second : first;
        assertThat(signsIn(owner.email(), winner)).isTrue();
        assertThat(signsIn(owner.email(), loser)).isFalse();
        assertThat(events("PASSWORD_RESET", owner.email())).isEqualTo(1);
    }

    @Test
    void aResetEndsTheSignInsMadeWithTheOldPassword() throws Exception {
        IdentityFixtures.Person owner = IdentityFixtures.anOrganisation(Http.base(), jdbc, "Công ty Đá mỹ nghệ");
        // the web app signed in (a stored authorization with its tokens), and a browser still signed in to the
        // authorization server, which would otherwise hand out new codes without asking for the password
        owner.signedIn(api());
        AuthPages signedIn = browser();
        signedIn.get("/login");
        assertThat(signedIn.post("/login", Map.of("username", owner.email(), "password", owner.password()))
                        .header("Location"))
                .doesNotContain("error");
        assertThat(authorize(signedIn).header("Location")).contains("/auth/callback?code=");
        assertThat(authorizations(owner.email())).isPositive();

        asks(owner.email());
        String token = token(String.valueOf(theOnlyMailTo(owner.email()).getContent()));
        AuthPages browser = browser();
        browser.get("/password/reset?token=" + token);
        assertThat(browser.post("/password/reset", newPassword(token, NEW_PASSWORD))
                        .status())
                .isEqualTo(302);

        assertThat(authorizations(owner.email())).isZero();
        AuthPages.Page afterwards = authorize(signedIn);
        assertThat(afterwards.status()).isEqualTo(302);
        assertThat(afterwards.header("Location")).endsWith("/login").doesNotContain("code=");
    }

    // ---- steps and checks ----------------------------------------------------------------------------------------

    static AuthPages browser() {
        return new AuthPages(Http.base(), IdentityFixtures.aClientAddress());
    }

    /** Someone asks, on the page, for a link for the account named. */
    static AuthPages.Page asks(String account) {
        AuthPages browser = browser();
        browser.get("/password/forgot");
        return browser.post("/password/forgot", Map.of("account", account));
    }

    static Map<String, String> newPassword(String token, String password) {
        return Map.of("token", token, "password", password, "passwordConfirmation", password);
    }

    /** Signs in through the form: whether the password was accepted. */
    static boolean signsIn(String username, String password) {
        AuthPages browser = browser();
        browser.get("/login");
        AuthPages.Page answer = browser.post("/login", Map.of("username", username, "password", password));
        assertThat(answer.status()).as(answer.body()).isEqualTo(302);
        return !answer.header("Location").contains("error");
    }

    /** The web app's sign-in request, in a browser that may already be signed in. */
    static AuthPages.Page authorize(AuthPages browser) throws Exception {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        return browser.get("/oauth2/authorize?response_type=code&client_id=khuyencong-spa&scope=openid%20profile"
                + "&state=" + UUID.randomUUID() + "&redirect_uri="
                + URLEncoder.encode(Http.base() + "/auth/callback", StandardCharsets.UTF_8)
                + "&code_challenge=" + challenge + "&code_challenge_method=S256");
    }

    static MimeMessage theOnlyMailTo(String address) {
        List<MimeMessage> mails = mailsTo(address, 1);
        assertThat(mails).as("reset mails to " + address).hasSize(1);
        return mails.getFirst();
    }

    /** The reset mails to {@code address}, once {@code expected} of them have arrived (or 10 seconds passed). */
    static List<MimeMessage> mailsTo(String address, int expected) {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<MimeMessage> mails;
        do {
            mails = TestMailServer.to(address).stream()
                    .filter(m -> SUBJECT.equals(subject(m)))
                    .toList();
            if (mails.size() >= expected) {
                // a little longer, so that a duplicate would be seen
                sleep(300);
                return TestMailServer.to(address).stream()
                        .filter(m -> SUBJECT.equals(subject(m)))
                        .toList();
            }
            sleep(50);
        } while (System.nanoTime() < until);
        return mails;
    }

    static String token(String mailBody) {
        Matcher link = Pattern.compile(Pattern.quote(Http.base()) + "/password/reset\\?token=([A-Za-z0-9_-]+)")
                .matcher(mailBody);
        assertThat(link.find()).as(mailBody).isTrue();
        assertThat(link.group(1)).hasSize(43);
        return link.group(1);
    }

    int events(String type, String account) {
        return jdbc.sql("select count(*) from security_event where type = ? and target = ?")
                .params(type, account)
                .query(Integer.class)
                .single();
    }

    int authorizations(String account) {
        return jdbc.sql("select count(*) from oauth2_authorization where principal_name = ?")
                .param(account)
                .query(Integer.class)
                .single();
    }

    String passwordHash(String account) {
        return jdbc.sql("select password_hash from user_account where username = ?")
                .param(account)
                .query(String.class)
                .single();
    }

    static String sha256(String token) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }

    static String content(MimeMessage message) {
        try {
            return String.valueOf(message.getContent());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
