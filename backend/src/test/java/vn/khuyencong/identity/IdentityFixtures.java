package vn.khuyencong.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import vn.khuyencong.support.Api;

/** Named fixtures for people and organisations, made the way people make them: through the pages and the API. */
public final class IdentityFixtures {

    public static final String PASSWORD = "Rừng-Thông-2026!";
    public static final String OTHER_AGENCY = "000.00.15.H56";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    private IdentityFixtures() {}

    /** A person with an account and the organisation it belongs to. */
    public record Person(String email, String password, UUID organisationId) {

        public Api signedIn(Api api) {
            return api.withToken(api.signIn(email, password));
        }
    }

    /** A fresh, valid Vietnamese tax code: nine random digits and their check digit. */
    public static String aTaxCode() {
        while (true) {
            StringBuilder digits = new StringBuilder();
            for (int i = 0; i < 9; i++) {
                digits.append(RANDOM.nextInt(10));
            }
            int[] weights = {31, 29, 23, 19, 17, 13, 7, 5, 3};
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (digits.charAt(i) - '0') * weights[i];
            }
            int check = 10 - sum % 11;
            if (check < 10) {
                return digits.append(check).toString();
            }
        }
    }

    public static String anEmail(String who) {
        return who + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.vn";
    }

    /** A client address of its own (TEST-NET-2), so rate limits counted for one test never touch another. */
    public static String aClientAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "198.51." + (100 + n / 250) + "." + (1 + n % 250);
    }

    public static Map<String, String> registrationForm(String taxCode, String organisationName, String email) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("taxCode", taxCode);
        form.put("organisationName", organisationName);
        form.put("organisationType", "COOPERATIVE");
        form.put("communeCode", "01234");
        form.put("fullName", "Hoàng Thị Lan");
        form.put("email", email);
        form.put("password", PASSWORD);
        form.put("passwordConfirmation", PASSWORD);
        form.put("consent", "on");
        return form;
    }

    /** Registers an organisation through the registration page; its owner signs in with the e-mail. */
    public static Person anOrganisation(String base, JdbcClient jdbc, String name) {
        String email = anEmail("chu");
        AuthPages browser = new AuthPages(base, aClientAddress());
        browser.get("/register");
        AuthPages.Page done = browser.post("/register", registrationForm(aTaxCode(), name, email));
        assertThat(done.status()).as(done.body()).isEqualTo(302);
        assertThat(done.header("Location")).endsWith("/login?registered");
        UUID organisation = jdbc.sql("select organisation_id from user_account where username = ?")
                .param(email)
                .query(UUID.class)
                .single();
        return new Person(email, PASSWORD, organisation);
    }

    /** The owner invites a colleague through the API: the single-use link. */
    public static String anInvitationLink(Api owner) {
        Api.Response invited = owner.post("/api/v1/organisation/invitations", Map.of());
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        return invited.json().get("link").asString();
    }

    /** The invitee opens the link and creates an account. */
    public static Person acceptsInvitation(String base, String link, JdbcClient jdbc) {
        String email = anEmail("dongnghiep");
        AuthPages browser = new AuthPages(base, aClientAddress());
        AuthPages.Page page = browser.get(link);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        String token = link.substring(link.indexOf("invitation=") + "invitation=".length());
        AuthPages.Page done = browser.post(
                "/register",
                Map.of(
                        "invitation",
                        token,
                        "fullName",
                        "Lò Văn Minh",
                        "email",
                        email,
                        "password",
                        PASSWORD,
                        "passwordConfirmation",
                        PASSWORD,
                        "consent",
                        "on"));
        assertThat(done.status()).as(done.body()).isEqualTo(302);
        UUID organisation = jdbc.sql("select organisation_id from user_account where username = ?")
                .param(email)
                .query(UUID.class)
                .optional()
                .orElse(null);
        return new Person(email, PASSWORD, organisation);
    }

    /**
     * An officer of another province's Department, which the catalogue gains for the occasion: officers act only on
     * their own agency's dossiers.
     */
    public static Person anOfficerOfAnotherAgency(JdbcClient jdbc, String role) {
        jdbc.sql(
                        "insert into agency (code, name, province) values (?, 'Sở Công Thương tỉnh Tuyên Quang', 'Tuyên Quang') on conflict do nothing")
                .param(OTHER_AGENCY)
                .update();
        String username = "canbo." + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                insert into user_account (id, username, password_hash, display_name, roles, agency_code)
                values (?, ?, ?, 'Cán bộ Tuyên Quang', array[?], ?)""")
                .params(
                        UUID.randomUUID(),
                        username,
                        PasswordEncoderFactories.createDelegatingPasswordEncoder()
                                .encode(PASSWORD),
                        role,
                        OTHER_AGENCY)
                .update();
        return new Person(username, PASSWORD, null);
    }
}
