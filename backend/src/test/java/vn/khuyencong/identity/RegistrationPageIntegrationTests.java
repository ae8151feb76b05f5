package vn.khuyencong.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.khuyencong.support.IntegrationTest;

/**
 * The registration page of the authorization server: Vietnamese, protected against cross-site forgery, and on an
 * error it names every field at fault in a summary at the top, with the error count in the page title.
 */
class RegistrationPageIntegrationTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    AuthPages browser() {
        return new AuthPages(Http.base(), IdentityFixtures.aClientAddress());
    }

    @Test
    void theSignInPageLeadsToRegistration() {
        AuthPages.Page login = browser().get("/login");
        assertThat(login.body()).contains("href=\"/register\"", "lang=\"vi\"");
        // and the frontend learns where it is
        assertThat(api().get("/api/v1/public/config")
                        .json()
                        .get("registrationUrl")
                        .asString())
                .isEqualTo(Http.base() + "/register");
    }

    @Test
    void theEmptyPageLabelsEveryField() {
        AuthPages.Page page = browser().get("/register");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.title()).isEqualTo("Đăng ký tài khoản tổ chức – Khuyến công Online");
        for (String field : new String[] {
            "taxCode",
            "organisationName",
            "communeCode",
            "fullName",
            "email",
            "password",
            "passwordConfirmation",
            "consent"
        }) {
            assertThat(page.body()).contains("<label for=\"" + field + "\"", "id=\"" + field + "\"");
        }
        assertThat(page.body())
                .contains("name=\"_csrf\"", "autocomplete=\"new-password\"", "Hộ kinh doanh", "Tổ hợp tác");
    }

    @Test
    void anEmptyFormNamesEveryMissingFieldAndCountsThemInTheTitle() {
        AuthPages browser = browser();
        browser.get("/register");

        AuthPages.Page page = browser.post("/register", Map.of());

        assertThat(page.status()).isEqualTo(422);
        assertThat(page.errorSummary())
                .containsOnlyKeys(
                        "taxCode",
                        "organisationName",
                        "organisationType",
                        "communeCode",
                        "fullName",
                        "email",
                        "password",
                        "consent");
        assertThat(page.title()).isEqualTo("(8 lỗi) Đăng ký tài khoản tổ chức – Khuyến công Online");
        assertThat(page.body())
                .contains(
                        "id=\"taxCode-error\"",
                        "aria-invalid=\"true\"",
                        "aria-describedby=\"taxCode-hint taxCode-error\"");
    }

    @Test
    void aTaxCodeWithAWrongCheckDigitAndAWeakPasswordAreNamed() {
        AuthPages browser = browser();
        browser.get("/register");
        Map<String, String> form = IdentityFixtures.registrationForm(
                "0100109107", "Công ty Chè Sông Cầu", IdentityFixtures.anEmail("che"));
        form.put("password", "matkhau");
        form.put("passwordConfirmation", "matkhau");

        AuthPages.Page page = browser.post("/register", form);

        assertThat(page.errorSummary()).containsOnlyKeys("taxCode", "password");
        assertThat(page.errorSummary().get("taxCode")).contains("chữ số kiểm tra");
        assertThat(page.title()).startsWith("(2 lỗi)");
        // what was typed is kept, except the passwords
        assertThat(page.body()).contains("value=\"Công ty Chè Sông Cầu\"").doesNotContain("value=\"matkhau\"");
    }

    @Test
    void anOrganisationIsRegisteredOnceAndItsBranchOnItsOwnCode() {
        String taxCode = IdentityFixtures.aTaxCode();
        AuthPages first = browser();
        first.get("/register");
        assertThat(first.post(
                                "/register",
                                IdentityFixtures.registrationForm(
                                        taxCode, "Hợp tác xã Gạo Bao Thai", IdentityFixtures.anEmail("gao")))
                        .status())
                .isEqualTo(302);

        AuthPages second = browser();
        second.get("/register");
        AuthPages.Page again = second.post(
                "/register", IdentityFixtures.registrationForm(taxCode, "Trùng mã", IdentityFixtures.anEmail("trung")));
        assertThat(again.errorSummary()).containsOnlyKeys("taxCode");
        assertThat(again.errorSummary().get("taxCode")).contains("đã được đăng ký");

        AuthPages branch = browser();
        branch.get("/register");
        assertThat(branch.post(
                                "/register",
                                IdentityFixtures.registrationForm(
                                        taxCode + "001", "Chi nhánh Định Hoá", IdentityFixtures.anEmail("chinhanh")))
                        .status())
                .isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from organisation where tax_code = ?")
                        .param(taxCode + "-001")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void theOwnerIsStoredWithAHashedPasswordAndTheRegistrationIsAudited() {
        IdentityFixtures.Person owner =
                IdentityFixtures.anOrganisation(Http.base(), jdbc, "Hộ kinh doanh Bánh chưng Bờ Đậu");

        assertThat(jdbc.sql("select password_hash from user_account where username = ?")
                        .param(owner.email())
                        .query(String.class)
                        .single())
                .startsWith("{bcrypt}")
                .doesNotContain(owner.password());
        assertThat(jdbc.sql("select organisation_role from user_account where username = ?")
                        .param(owner.email())
                        .query(String.class)
                        .single())
                .isEqualTo("OWNER");
        assertThat(jdbc.sql("select count(*) from security_event where type = 'ORGANISATION_REGISTERED' and actor = ?")
                        .param(owner.email())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aFormSentWithoutTheCsrfTokenIsRefused() {
        AuthPages.Page forged = browser()
                .post(
                        "/register",
                        IdentityFixtures.registrationForm(
                                IdentityFixtures.aTaxCode(), "Giả mạo", IdentityFixtures.anEmail("giamao")));
        assertThat(forged.status()).isEqualTo(403);
    }

    @Test
    void anUnknownInvitationShowsWhatToDo() {
        AuthPages.Page page = browser().get("/register?invitation=khong-ton-tai");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.title()).startsWith("Lời mời không dùng được");
    }
}
