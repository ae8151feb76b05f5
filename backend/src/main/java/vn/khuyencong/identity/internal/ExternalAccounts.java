package vn.khuyencong.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khuyencong.identity.Role;
import vn.khuyencong.identity.internal.UserAccounts.Account;
import vn.khuyencong.identity.internal.UserAccounts.OrganisationRole;
import vn.khuyencong.shared.ProblemException;

/**
 * The people an external issuer (Keycloak, VNeID brokered by Keycloak) signs in, as this service knows them. The
 * first token of a person makes their account (subject, name, e-mail); an enterprise person is linked to the
 * organisation the token names (by this service's id or by tax code) or, naming none, registers it in the app. The
 * issuer stays the truth for roles and an officer's agency: they are read from every token and kept on the account
 * only so that notices reach the right people.
 */
@Component
class ExternalAccounts {

    /** What the person still has to do before working in the app, as {@code /api/v1/me} tells the web app. */
    enum Onboarding {
        /** An enterprise person with no organisation yet: the registration step. */
        ORGANISATION_REQUIRED,
        /** A person with an officer role whose agency is missing or unknown: nothing to do but ask an administrator. */
        AGENCY_UNKNOWN
    }

    /** What the organisation claims said, offered in the registration step. */
    record Prefill(String taxCode, String organisationName) {}

    /**
     * The account behind a token and what stands between the person and their work.
     *
     * @param problem why the token's organisation claims cannot be honoured (a 4xx for every request), if so
     */
    record SignedIn(
            Account account,
            Set<Role> roles,
            String agencyCode,
            Onboarding onboarding,
            Prefill prefill,
            ProblemException problem) {}

    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final SecurityEvents events;
    private final IdentityProperties identity;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ExternalAccounts(
            JdbcClient jdbc,
            UserAccounts accounts,
            SecurityEvents events,
            IdentityProperties identity,
            TransactionTemplate transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.events = events;
        this.identity = identity;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The account of the token's bearer, made on the first sign-in; claims that cannot be honoured are named. */
    SignedIn signIn(Jwt jwt, Set<Role> roles, String clientIp) {
        String claimed = text(jwt, identity.agencyClaim());
        // the agency as this service knows it: looked up once per request
        String agency = claimed != null && agencyExists(claimed) ? claimed : null;
        Account account = findOrCreate(jwt, roles, agency, clientIp);
        if (!account.enabled()) {
            return new SignedIn(
                    account,
                    Set.of(),
                    null,
                    null,
                    null,
                    forbidden(
                            "account-disabled",
                            "Tài khoản đã bị khóa trong hệ thống Khuyến công. Hãy liên hệ quản trị viên."));
        }
        keepRolesAndAgency(account, roles, agency);
        signedInAgain(jwt, account, clientIp);
        Onboarding onboarding = null;
        Prefill prefill = null;
        ProblemException problem = null;
        if (roles.contains(Role.ENTERPRISE)) {
            try {
                account = linkOrganisation(jwt, account, clientIp);
            } catch (ProblemException e) {
                problem = e;
            }
            if (problem == null && account.organisationId() == null) {
                onboarding = Onboarding.ORGANISATION_REQUIRED;
                prefill = new Prefill(
                        TaxCode.normalise(text(jwt, identity.taxCodeClaim())).orElse(null),
                        text(jwt, identity.organisationNameClaim()));
            }
        }
        boolean officer = roles.stream().anyMatch(role -> role != Role.ENTERPRISE);
        if (officer && agency == null) {
            onboarding = onboarding == null ? Onboarding.AGENCY_UNKNOWN : onboarding;
        }
        return new SignedIn(account, roles, agency, onboarding, prefill, problem);
    }

    private Account findOrCreate(Jwt jwt, Set<Role> roles, String agency, String clientIp) {
        String issuer = identity.issuerUri();
        Optional<Account> known = byIdentity(issuer, jwt.getSubject());
        if (known.isPresent()) {
            return known.get();
        }
        String name = displayName(jwt);
        String email = Optional.ofNullable(text(jwt, "email"))
                .map(UserAccounts::normalise)
                .orElse(null);
        String username = Optional.ofNullable(text(jwt, "preferred_username")).orElse(jwt.getSubject());
        // the name or the address may be another account's (one the issuer renamed, one made before): then the
        // subject is the name and the address is left out, so that the person gets in all the same
        List<String[]> attempts = List.of(new String[] {username, email}, new String[] {username, null}, new String[] {
            "sub:" + jwt.getSubject(), null
        });
        for (String[] attempt : attempts) {
            try {
                UUID id = transactions.execute(
                        status -> create(issuer, jwt.getSubject(), attempt[0], name, attempt[1], roles, agency));
                events.record(
                        SecurityEvents.Type.ACCOUNT_CREATED,
                        attempt[0],
                        id.toString(),
                        clientIp,
                        Map.of("issuer", issuer, "subject", jwt.getSubject(), "firstSignIn", true));
                return accounts.find(id).orElseThrow();
            } catch (DuplicateKeyException e) {
                // the same person's first two requests at once: the other one made the account
                Optional<Account> made = byIdentity(issuer, jwt.getSubject());
                if (made.isPresent()) {
                    return made.get();
                }
            }
        }
        throw ProblemException.conflict(
                "account-name-taken",
                "Không tạo được tài khoản: tên đăng nhập đã được dùng cho một tài khoản khác.",
                List.of());
    }

    private UUID create(
            String issuer, String subject, String username, String name, String email, Set<Role> roles, String agency) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into user_account (id, username, password_hash, display_name, email, roles, agency_code,
                                          external_issuer, external_subject, last_sign_in_at)
                values (?, ?, null, ?, ?, ?::text[], ?, ?, ?, ?)""")
                .params(
                        id,
                        UserAccounts.normalise(username),
                        name,
                        email,
                        textArray(roles),
                        agency,
                        issuer,
                        subject,
                        Timestamp.from(clock.instant()))
                .update();
        return id;
    }

    private Optional<Account> byIdentity(String issuer, String subject) {
        return jdbc.sql("select id from user_account where external_issuer = ? and external_subject = ?")
                .params(issuer, subject)
                .query(UUID.class)
                .optional()
                .flatMap(accounts::find);
    }

    /** Roles and agency change at the issuer; the account follows (written only when they differ). */
    private void keepRolesAndAgency(Account account, Set<Role> roles, String agency) {
        if (!Set.copyOf(account.roles()).equals(roles) || !Objects.equals(account.agencyCode(), agency)) {
            jdbc.sql("update user_account set roles = ?::text[], agency_code = ? where id = ?")
                    .params(textArray(roles), agency, account.id())
                    .update();
        }
    }

    /** A new sign-in at the issuer (a later {@code auth_time}) is recorded once, not every request. */
    private void signedInAgain(Jwt jwt, Account account, String clientIp) {
        Instant authTime = jwt.getClaimAsInstant("auth_time");
        if (authTime == null || account.lastSignInAt() != null && !authTime.isAfter(account.lastSignInAt())) {
            return;
        }
        int updated = jdbc.sql("""
                update user_account set last_sign_in_at = ?
                where id = ? and (last_sign_in_at is null or last_sign_in_at < ?)""")
                .params(Timestamp.from(authTime), account.id(), Timestamp.from(authTime))
                .update();
        if (updated == 1) {
            events.record(
                    SecurityEvents.Type.SIGN_IN_SUCCEEDED,
                    account.username(),
                    account.id().toString(),
                    clientIp,
                    Map.of("issuer", identity.issuerUri(), "authTime", authTime.toString()));
        }
    }

    /**
     * The organisation the token names, checked against the one the account is linked to; a person not linked yet
     * is linked to an organisation the claims name and that exists here (as its owner when it has nobody else).
     */
    private Account linkOrganisation(Jwt jwt, Account account, String clientIp) {
        String orgClaim = text(jwt, identity.organisationClaim());
        String taxClaim = text(jwt, identity.taxCodeClaim());
        UUID claimedId = null;
        if (orgClaim != null) {
            try {
                claimedId = UUID.fromString(orgClaim);
            } catch (IllegalArgumentException e) {
                throw claimProblem(
                        "organisation-claim-invalid",
                        identity.organisationClaim(),
                        "Thông tin tổ chức do hệ thống đăng nhập gửi (" + identity.organisationClaim()
                                + ") không phải mã tổ chức của hệ thống Khuyến công.");
            }
        }
        String claimedTaxCode = null;
        if (taxClaim != null) {
            claimedTaxCode = TaxCode.normalise(taxClaim)
                    .orElseThrow(() -> claimProblem(
                            "organisation-claim-invalid",
                            identity.taxCodeClaim(),
                            "Mã số thuế do hệ thống đăng nhập gửi (" + identity.taxCodeClaim()
                                    + ") không hợp lệ: cần 10 hoặc 13 chữ số và chữ số kiểm tra phải đúng."));
        }
        UUID byTaxCode = claimedTaxCode == null
                ? null
                : organisationByTaxCode(claimedTaxCode).orElse(null);
        if (claimedId != null && claimedTaxCode != null && byTaxCode != null && !byTaxCode.equals(claimedId)) {
            throw claimProblem(
                    "organisation-claim-inconsistent",
                    identity.organisationClaim(),
                    "Mã tổ chức và mã số thuế do hệ thống đăng nhập gửi chỉ đến hai tổ chức khác nhau.");
        }
        if (account.organisationId() != null) {
            UUID linked = account.organisationId();
            if (claimedId != null && !claimedId.equals(linked) || claimedTaxCode != null && !linked.equals(byTaxCode)) {
                throw claimProblem(
                        "organisation-claim-inconsistent",
                        claimedId != null ? identity.organisationClaim() : identity.taxCodeClaim(),
                        "Tổ chức do hệ thống đăng nhập gửi khác với tổ chức mà tài khoản đã gắn trong hệ thống "
                                + "Khuyến công. Hãy liên hệ quản trị viên.");
            }
            return account;
        }
        UUID target = claimedId != null ? claimedId : byTaxCode;
        if (claimedId != null && !organisationExists(claimedId)) {
            throw claimProblem(
                    "organisation-claim-unknown",
                    identity.organisationClaim(),
                    "Tổ chức do hệ thống đăng nhập gửi (" + identity.organisationClaim()
                            + ") không có trong hệ thống Khuyến công. Hãy liên hệ quản trị viên.");
        }
        if (target == null) {
            return account;
        }
        UUID organisation = target;
        transactions.executeWithoutResult(status -> link(account, organisation));
        events.record(
                SecurityEvents.Type.ORGANISATION_LINKED,
                account.username(),
                organisation.toString(),
                clientIp,
                Map.of("by", claimedId != null ? identity.organisationClaim() : identity.taxCodeClaim()));
        return accounts.find(account.id()).orElseThrow();
    }

    /** Binds the account to the organisation: its owner when nobody else is in it yet, else a member. */
    void link(Account account, UUID organisation) {
        // the organisation's row lock makes "nobody else yet" true for one of two people signing in at once
        jdbc.sql("select id from organisation where id = ? for update")
                .param(organisation)
                .query(UUID.class)
                .single();
        boolean owned = jdbc.sql("select count(*) from user_account where organisation_id = ? and enabled")
                        .param(organisation)
                        .query(Integer.class)
                        .single()
                > 0;
        int updated = jdbc.sql("""
                update user_account set organisation_id = ?, organisation_role = ?
                where id = ? and organisation_id is null""")
                .params(
                        organisation,
                        owned ? OrganisationRole.MEMBER.name() : OrganisationRole.OWNER.name(),
                        account.id())
                .update();
        if (updated == 0) {
            throw ProblemException.conflict("organisation-already", "Tài khoản đã gắn với một tổ chức.", List.of());
        }
    }

    Optional<UUID> organisationByTaxCode(String taxCode) {
        return jdbc.sql("select id from organisation where tax_code = ?")
                .param(taxCode)
                .query(UUID.class)
                .optional();
    }

    private boolean organisationExists(UUID id) {
        return jdbc.sql("select count(*) from organisation where id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    private boolean agencyExists(String code) {
        return jdbc.sql("select count(*) from agency where code = ? and active")
                        .param(code)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /**
     * The person's name in Vietnamese order, family name first, whichever way the issuer composed {@code name}:
     * Keycloak writes "given family", VNeID's full name is already in order.
     */
    static String displayName(Jwt jwt) {
        String family = text(jwt, "family_name");
        String given = text(jwt, "given_name");
        if (family != null && given != null) {
            List<String> parts = new ArrayList<>(List.of(family));
            Optional.ofNullable(text(jwt, "middle_name")).ifPresent(parts::add);
            parts.add(given);
            return String.join(" ", parts);
        }
        String name = text(jwt, "name");
        if (name != null) {
            return name;
        }
        return Optional.ofNullable(text(jwt, "preferred_username")).orElse(jwt.getSubject());
    }

    private static String text(Jwt jwt, String claim) {
        Object value = jwt.getClaims().get(claim);
        if (value instanceof List<?> list && list.size() == 1) {
            value = list.get(0); // a user attribute mapped as multivalued
        }
        if (!(value instanceof String text) || text.isBlank()) {
            return null;
        }
        return text.strip();
    }

    private static ProblemException claimProblem(String rule, String claim, String detail) {
        return new ProblemException(
                HttpStatus.FORBIDDEN,
                rule,
                "Thông tin tổ chức không hợp lệ",
                detail,
                List.of(new ProblemException.FieldProblem(claim, detail)),
                Map.of("rule", rule, "claim", claim));
    }

    static ProblemException forbidden(String rule, String detail) {
        return new ProblemException(
                HttpStatus.FORBIDDEN, rule, "Không có quyền", detail, List.of(), Map.of("rule", rule));
    }

    private static String textArray(Set<Role> roles) {
        return "{" + String.join(",", roles.stream().map(Role::name).sorted().toList()) + "}";
    }
}
