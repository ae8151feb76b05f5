package vn.khuyencong.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import vn.khuyencong.identity.Role;
import vn.khuyencong.identity.internal.UserAccounts.Account;
import vn.khuyencong.identity.internal.UserAccounts.NewAccount;
import vn.khuyencong.identity.internal.UserAccounts.OrganisationRole;
import vn.khuyencong.shared.ProblemException;

/**
 * Organisations and how people join them: an enterprise registers its organisation and becomes its owner; the owner
 * invites colleagues, who register with the invitation into the same organisation; an administrator invites officers
 * into an agency with their roles. An invitation is a single-use link whose token is stored only as a SHA-256 hash.
 */
@Service
class Organisations {

    /** The kinds of rural industrial establishment (Decree 45/2012/ND-CP Art. 2), with their Vietnamese names. */
    enum OrganisationType {
        ENTERPRISE("Doanh nghiệp nhỏ và vừa, doanh nghiệp siêu nhỏ"),
        COOPERATIVE("Hợp tác xã"),
        COOPERATIVE_GROUP("Tổ hợp tác"),
        HOUSEHOLD_BUSINESS("Hộ kinh doanh");

        private final String label;

        OrganisationType(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    record Organisation(
            UUID id,
            String taxCode,
            String name,
            OrganisationType type,
            String communeCode,
            String address,
            Instant createdAt) {}

    /** What the registration page asks for. */
    record Registration(
            String taxCode,
            String organisationName,
            String organisationType,
            String communeCode,
            String fullName,
            String email,
            String password,
            String passwordConfirmation,
            boolean consent) {}

    /** What a person invited gives to join. */
    record Acceptance(String fullName, String email, String password, String passwordConfirmation, boolean consent) {}

    /** Field name to message, in the order of the form; empty means success. */
    record Outcome(Map<String, String> errors, String username) {

        boolean succeeded() {
            return errors.isEmpty();
        }
    }

    /** A pending invitation as the invitee sees it on the page. */
    record PendingInvitation(
            UUID id, String organisationName, String agencyName, List<Role> roles, String email, Instant expiresAt) {}

    record Invitation(
            UUID id,
            UUID organisationId,
            String agencyCode,
            List<Role> roles,
            String email,
            String invitedBy,
            Instant createdAt,
            Instant expiresAt,
            Instant acceptedAt,
            String acceptedBy,
            Instant revokedAt) {

        String status(Instant now) {
            if (acceptedAt != null) {
                return "ACCEPTED";
            }
            if (revokedAt != null) {
                return "REVOKED";
            }
            return expiresAt.isAfter(now) ? "PENDING" : "EXPIRED";
        }
    }

    /** A new invitation: the link is shown once, to the person who created it. */
    record IssuedInvitation(Invitation invitation, String token, String link) {}

    static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+$");
    static final Pattern COMMUNE_CODE = Pattern.compile("^\\d{5}$");

    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final PasswordEncoder passwords;
    private final SecurityEvents events;
    private final IdentityProperties identity;
    private final Clock clock;
    private final String publicUrl;
    private final SecureRandom random = new SecureRandom();

    Organisations(
            JdbcClient jdbc,
            UserAccounts accounts,
            PasswordEncoder passwords,
            SecurityEvents events,
            IdentityProperties identity,
            Clock clock,
            @Value("${kc.public-url}") String publicUrl) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.passwords = passwords;
        this.events = events;
        this.identity = identity;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    Optional<Organisation> find(UUID id) {
        return jdbc.sql(
                        "select id, tax_code, name, org_type, commune_code, address, created_at from organisation where id = ?")
                .param(id)
                .query((rs, n) -> new Organisation(
                        rs.getObject("id", UUID.class),
                        rs.getString("tax_code"),
                        rs.getString("name"),
                        OrganisationType.valueOf(rs.getString("org_type")),
                        rs.getString("commune_code"),
                        rs.getString("address"),
                        rs.getTimestamp("created_at").toInstant()))
                .optional();
    }

    /** Registers an organisation and its owner's account, or names every field at fault. */
    @Transactional
    Outcome register(Registration form, String clientIp) {
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<String> taxCode = TaxCode.normalise(form.taxCode());
        if (blank(form.taxCode())) {
            errors.put("taxCode", "Vui lòng nhập mã số thuế của tổ chức.");
        } else if (taxCode.isEmpty()) {
            errors.put(
                    "taxCode",
                    "Mã số thuế không hợp lệ: cần 10 chữ số (hoặc 13 chữ số với đơn vị phụ thuộc, "
                            + "ví dụ 0100109106-001) và chữ số kiểm tra phải đúng.");
        } else if (taxCodeTaken(taxCode.get())) {
            errors.put(
                    "taxCode",
                    "Mã số thuế này đã được đăng ký. Hãy đề nghị người đã đăng ký tổ chức gửi lời mời "
                            + "cho bạn tham gia.");
        }
        if (blank(form.organisationName())) {
            errors.put("organisationName", "Vui lòng nhập tên tổ chức.");
        } else if (form.organisationName().strip().length() > 300) {
            errors.put("organisationName", "Tên tổ chức không quá 300 ký tự.");
        }
        OrganisationType type = type(form.organisationType());
        if (type == null) {
            errors.put("organisationType", "Vui lòng chọn loại hình tổ chức.");
        }
        if (blank(form.communeCode())) {
            errors.put("communeCode", "Vui lòng nhập mã xã, phường nơi đặt cơ sở.");
        } else if (!COMMUNE_CODE.matcher(form.communeCode().strip()).matches()) {
            errors.put("communeCode", "Mã xã, phường gồm đúng 5 chữ số (mã đơn vị hành chính).");
        }
        person(
                form.fullName(),
                form.email(),
                form.password(),
                form.passwordConfirmation(),
                form.consent(),
                null,
                errors);
        if (!errors.isEmpty()) {
            return new Outcome(errors, null);
        }

        UUID organisation = UUID.randomUUID();
        String email = UserAccounts.normalise(form.email());
        try {
            jdbc.sql(
                            "insert into organisation (id, tax_code, name, org_type, commune_code, created_at) values (?, ?, ?, ?, ?, ?)")
                    .params(
                            organisation,
                            taxCode.get(),
                            form.organisationName().strip(),
                            type.name(),
                            form.communeCode().strip(),
                            Timestamp.from(clock.instant()))
                    .update();
            accounts.create(new NewAccount(
                    email,
                    passwords.encode(form.password()),
                    form.fullName(),
                    email,
                    List.of(Role.ENTERPRISE),
                    organisation,
                    OrganisationRole.OWNER,
                    null));
        } catch (DuplicateKeyException e) {
            // registered meanwhile by a concurrent request
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return new Outcome(Map.of("taxCode", "Mã số thuế hoặc địa chỉ thư điện tử này vừa được đăng ký."), null);
        }
        events.record(
                SecurityEvents.Type.ORGANISATION_REGISTERED,
                email,
                organisation.toString(),
                clientIp,
                Map.of("taxCode", taxCode.get(), "organisationType", type.name()));
        return new Outcome(Map.of(), email);
    }

    /** What the registration step of the app asks a signed-in person for their organisation. */
    record OrganisationForm(String taxCode, String name, String type, String address, String communeCode) {}

    /**
     * Registers the organisation of a signed-in person who has none yet (the first sign-in through an external
     * issuer) and makes them its owner; the tax code the issuer asserted, if any, is the only one accepted.
     */
    @Transactional
    Organisation registerFor(Account person, OrganisationForm form, String assertedTaxCode, String clientIp) {
        if (person.organisationId() != null) {
            throw ProblemException.conflict("organisation-already", "Tài khoản đã gắn với một tổ chức.", List.of());
        }
        List<ProblemException.FieldProblem> problems = new ArrayList<>();
        Optional<String> taxCode = TaxCode.normalise(form.taxCode());
        if (blank(form.taxCode())) {
            problems.add(new ProblemException.FieldProblem("taxCode", "Vui lòng nhập mã số thuế của tổ chức."));
        } else if (taxCode.isEmpty()) {
            problems.add(new ProblemException.FieldProblem(
                    "taxCode",
                    "Mã số thuế không hợp lệ: cần 10 chữ số (hoặc 13 "
                            + "chữ số với đơn vị phụ thuộc, ví dụ 0100109106-001) và chữ số kiểm tra phải đúng."));
        } else if (assertedTaxCode != null && !assertedTaxCode.equals(taxCode.get())) {
            problems.add(new ProblemException.FieldProblem(
                    "taxCode",
                    "Mã số thuế phải là mã " + assertedTaxCode + " mà hệ thống đăng nhập đã xác nhận cho bạn."));
        }
        String name = blank(form.name()) ? null : form.name().strip();
        if (name == null) {
            problems.add(new ProblemException.FieldProblem("name", "Vui lòng nhập tên tổ chức."));
        } else if (name.length() > 300) {
            problems.add(new ProblemException.FieldProblem("name", "Tên tổ chức không quá 300 ký tự."));
        }
        OrganisationType type = type(form.type());
        if (type == null) {
            problems.add(new ProblemException.FieldProblem("type", "Vui lòng chọn loại hình tổ chức."));
        }
        String address = blank(form.address()) ? null : form.address().strip();
        if (address == null) {
            problems.add(new ProblemException.FieldProblem("address", "Vui lòng nhập địa chỉ của cơ sở."));
        } else if (address.length() > 500) {
            problems.add(new ProblemException.FieldProblem("address", "Địa chỉ không quá 500 ký tự."));
        }
        String commune = blank(form.communeCode()) ? null : form.communeCode().strip();
        if (commune == null) {
            problems.add(new ProblemException.FieldProblem("communeCode", "Vui lòng chọn xã, phường nơi đặt cơ sở."));
        } else if (!COMMUNE_CODE.matcher(commune).matches()
                || jdbc.sql("select count(*) from administrative_unit where code = ? and level = 'COMMUNE' and active")
                                .param(commune)
                                .query(Integer.class)
                                .single()
                        == 0) {
            problems.add(new ProblemException.FieldProblem(
                    "communeCode", "Xã, phường đã chọn không có trong danh mục đơn vị hành chính."));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(
                    "Có " + problems.size() + " trường chưa hợp lệ. Vui lòng kiểm tra lại.", problems);
        }
        if (taxCodeTaken(taxCode.get())) {
            throw ProblemException.conflict(
                    "tax-code-unique",
                    "Mã số thuế này đã được đăng ký. Hãy đề nghị người đã "
                            + "đăng ký tổ chức gửi lời mời cho bạn tham gia.",
                    List.of(new ProblemException.FieldProblem("taxCode", "Mã số thuế này đã được đăng ký.")));
        }
        UUID organisation = UUID.randomUUID();
        // a concurrent registration of the same tax code ends at the unique index: 409 tax-code-unique
        jdbc.sql("""
                insert into organisation (id, tax_code, name, org_type, commune_code, address, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        organisation,
                        taxCode.get(),
                        name,
                        type.name(),
                        commune,
                        address,
                        Timestamp.from(clock.instant()))
                .update();
        int bound = jdbc.sql("""
                update user_account set organisation_id = ?, organisation_role = 'OWNER'
                where id = ? and organisation_id is null""").params(organisation, person.id()).update();
        if (bound == 0) {
            throw ProblemException.conflict("organisation-already", "Tài khoản đã gắn với một tổ chức.", List.of());
        }
        events.record(
                SecurityEvents.Type.ORGANISATION_REGISTERED,
                person.username(),
                organisation.toString(),
                clientIp,
                Map.of("taxCode", taxCode.get(), "organisationType", type.name(), "by", "signed-in person"));
        return find(organisation).orElseThrow();
    }

    /**
     * A signed-in person without an organisation joins the one an invitation names (the invitation is then spent);
     * agencies' invitations are not for this path: officers get their agency from the identity provider.
     */
    @Transactional
    Organisation acceptAs(Account person, String token, String clientIp) {
        PendingInvitation pending = pending(token)
                .orElseThrow(() -> ProblemException.notFound("Lời mời không hợp lệ, đã được sử dụng hoặc đã hết hạn."));
        if (person.organisationId() != null) {
            throw ProblemException.conflict("organisation-already", "Tài khoản đã gắn với một tổ chức.", List.of());
        }
        Invitation invitation = jdbc.sql("""
                select id, organisation_id, agency_code, roles, email, invited_by, created_at, expires_at, accepted_at,
                       accepted_by, revoked_at
                from invitation where id = ? and accepted_at is null and revoked_at is null and expires_at > ?
                for update""")
                .params(pending.id(), Timestamp.from(clock.instant()))
                .query(Organisations::invitation)
                .optional()
                .orElseThrow(() -> ProblemException.notFound("Lời mời không hợp lệ, đã được sử dụng hoặc đã hết hạn."));
        if (invitation.organisationId() == null) {
            throw ProblemException.conflict(
                    "accounts-managed-externally",
                    "Lời mời vào cơ quan không dùng được ở "
                            + "đây: cơ quan của cán bộ do hệ thống đăng nhập của tỉnh quản lý.",
                    List.of());
        }
        if (invitation.email() != null
                && person.email() != null
                && !invitation.email().equals(person.email())) {
            throw ProblemException.conflict(
                    "invitation-other-address", "Lời mời này dành cho địa chỉ thư điện tử khác.", List.of());
        }
        int bound =
                jdbc.sql("""
                update user_account set organisation_id = ?, organisation_role = 'MEMBER'
                where id = ? and organisation_id is null""").params(invitation.organisationId(), person.id()).update();
        if (bound == 0) {
            throw ProblemException.conflict("organisation-already", "Tài khoản đã gắn với một tổ chức.", List.of());
        }
        jdbc.sql("update invitation set accepted_at = ?, accepted_by = ? where id = ?")
                .params(Timestamp.from(clock.instant()), person.id(), invitation.id())
                .update();
        events.record(
                SecurityEvents.Type.INVITATION_ACCEPTED,
                person.username(),
                invitation.id().toString(),
                clientIp,
                scope(invitation));
        return find(invitation.organisationId()).orElseThrow();
    }

    /** The invitation a token stands for, while it can still be used. */
    Optional<PendingInvitation> pending(String token) {
        if (blank(token) || token.length() > 200) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select i.id, o.name as organisation_name, a.name as agency_name, i.roles, i.email, i.expires_at
                from invitation i left join organisation o on o.id = i.organisation_id
                                  left join agency a on a.code = i.agency_code
                where i.token_hash = ? and i.accepted_at is null and i.revoked_at is null and i.expires_at > ?""")
                .params(hash(token), Timestamp.from(clock.instant()))
                .query((rs, n) -> new PendingInvitation(
                        rs.getObject("id", UUID.class),
                        rs.getString("organisation_name"),
                        rs.getString("agency_name"),
                        roles((Object[]) rs.getArray("roles").getArray()),
                        rs.getString("email"),
                        rs.getTimestamp("expires_at").toInstant()))
                .optional();
    }

    /** Creates the invitee's account in the invitation's organisation or agency; the invitation is then spent. */
    @Transactional
    Outcome accept(String token, Acceptance form, String clientIp) {
        Optional<PendingInvitation> pending = pending(token);
        if (pending.isEmpty()) {
            return new Outcome(Map.of("invitation", "Lời mời không hợp lệ, đã được sử dụng hoặc đã hết hạn."), null);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        person(
                form.fullName(),
                form.email(),
                form.password(),
                form.passwordConfirmation(),
                form.consent(),
                pending.get().email(),
                errors);
        if (!errors.isEmpty()) {
            return new Outcome(errors, null);
        }
        // the row lock makes the invitation single-use even when two people submit it at once
        Invitation invitation = jdbc.sql("""
                select id, organisation_id, agency_code, roles, email, invited_by, created_at, expires_at, accepted_at,
                       accepted_by, revoked_at
                from invitation where id = ? and accepted_at is null and revoked_at is null and expires_at > ?
                for update""")
                .params(pending.get().id(), Timestamp.from(clock.instant()))
                .query(Organisations::invitation)
                .optional()
                .orElse(null);
        if (invitation == null) {
            return new Outcome(Map.of("invitation", "Lời mời không hợp lệ, đã được sử dụng hoặc đã hết hạn."), null);
        }
        String email = UserAccounts.normalise(form.email());
        UUID account;
        try {
            account = accounts.create(new NewAccount(
                    email,
                    passwords.encode(form.password()),
                    form.fullName(),
                    email,
                    invitation.roles(),
                    invitation.organisationId(),
                    invitation.organisationId() == null ? null : OrganisationRole.MEMBER,
                    invitation.agencyCode()));
        } catch (DuplicateKeyException e) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return new Outcome(Map.of("email", "Địa chỉ thư điện tử này đã được dùng cho một tài khoản khác."), null);
        }
        jdbc.sql("update invitation set accepted_at = ?, accepted_by = ? where id = ?")
                .params(Timestamp.from(clock.instant()), account, invitation.id())
                .update();
        events.record(
                SecurityEvents.Type.INVITATION_ACCEPTED,
                email,
                invitation.id().toString(),
                clientIp,
                scope(invitation));
        return new Outcome(Map.of(), email);
    }

    /** An owner invites a colleague into the organisation. */
    @Transactional
    IssuedInvitation inviteMember(Account owner, String email, String clientIp) {
        if (owner.organisationRole() != OrganisationRole.OWNER) {
            throw forbidden("Chỉ người quản lý tài khoản của tổ chức mới được mời thành viên.");
        }
        return issue(owner, owner.organisationId(), null, List.of(Role.ENTERPRISE), email, clientIp);
    }

    /** An administrator invites an officer into an agency, with the officer's roles. */
    @Transactional
    IssuedInvitation inviteOfficer(
            Account admin, String adminScope, List<Role> roles, String agencyCode, String email, String clientIp) {
        validateOfficerAssignment(adminScope, roles, agencyCode);
        return issue(admin, null, agencyCode, roles, email, clientIp);
    }

    /** Officer roles and agency as an administrator may give them; {@code adminScope} null means every agency. */
    void validateOfficerAssignment(String adminScope, List<Role> roles, String agencyCode) {
        if (roles == null || roles.isEmpty()) {
            throw ProblemException.invalidField("roles", "Vui lòng chọn ít nhất một vai trò.");
        }
        if (roles.contains(Role.ENTERPRISE)) {
            throw ProblemException.invalidField(
                    "roles", "Vai trò doanh nghiệp chỉ có được khi đăng ký tổ chức hoặc nhận lời mời của tổ chức.");
        }
        // the agency table belongs to the catalogue; identity only checks that the code exists
        if (agencyCode == null
                || jdbc.sql("select count(*) from agency where code = ? and active")
                                .param(agencyCode)
                                .query(Integer.class)
                                .single()
                        == 0) {
            throw ProblemException.invalidField("agencyCode", "Cơ quan không có trong danh mục.");
        }
        if (adminScope != null && !adminScope.equals(agencyCode)) {
            throw forbidden("Bạn chỉ quản lý cán bộ của cơ quan mình.");
        }
    }

    List<Invitation> invitationsOfOrganisation(UUID organisationId) {
        return jdbc.sql("""
                select i.id, i.organisation_id, i.agency_code, i.roles, i.email, u.username as invited_by, i.created_at,
                       i.expires_at, i.accepted_at, a.username as accepted_by, i.revoked_at
                from invitation i join user_account u on u.id = i.invited_by
                                  left join user_account a on a.id = i.accepted_by
                where i.organisation_id = ? order by i.created_at desc limit 200""")
                .param(organisationId)
                .query(Organisations::invitation)
                .list();
    }

    /** Revokes a pending invitation of the owner's organisation; another organisation's is reported as missing. */
    @Transactional
    void revoke(Account owner, UUID invitationId, String clientIp) {
        if (owner.organisationRole() != OrganisationRole.OWNER) {
            throw forbidden("Chỉ người quản lý tài khoản của tổ chức mới được thu hồi lời mời.");
        }
        int updated = jdbc.sql("""
                update invitation set revoked_at = ?
                where id = ? and organisation_id = ? and accepted_at is null and revoked_at is null""")
                .params(Timestamp.from(clock.instant()), invitationId, owner.organisationId())
                .update();
        if (updated == 0) {
            throw ProblemException.notFound("Không tìm thấy lời mời đang chờ.");
        }
        events.record(
                SecurityEvents.Type.INVITATION_REVOKED,
                owner.username(),
                invitationId.toString(),
                clientIp,
                Map.of("organisation", owner.organisationId().toString()));
    }

    /** The owner removes a member; the member's account is disabled at once. */
    @Transactional
    void removeMember(Account owner, UUID memberId, String clientIp) {
        if (owner.organisationRole() != OrganisationRole.OWNER) {
            throw forbidden("Chỉ người quản lý tài khoản của tổ chức mới được xoá thành viên.");
        }
        Account member = accounts.find(memberId)
                .filter(m -> owner.organisationId().equals(m.organisationId()))
                .orElseThrow(() -> ProblemException.notFound("Không tìm thấy thành viên."));
        if (member.id().equals(owner.id())) {
            throw ProblemException.ruleViolated("not-yourself", "Bạn không thể tự xoá mình khỏi tổ chức.");
        }
        accounts.removeFromOrganisation(member.id(), owner.organisationId());
        events.record(
                SecurityEvents.Type.MEMBER_REMOVED,
                owner.username(),
                member.username(),
                clientIp,
                Map.of("organisation", owner.organisationId().toString()));
    }

    private IssuedInvitation issue(
            Account inviter, UUID organisationId, String agencyCode, List<Role> roles, String email, String clientIp) {
        String invitee = blank(email) ? null : UserAccounts.normalise(email);
        if (invitee != null && !EMAIL.matcher(invitee).matches()) {
            throw ProblemException.invalidField("email", "Địa chỉ thư điện tử không hợp lệ.");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                insert into invitation (id, token_hash, organisation_id, agency_code, roles, email, invited_by, created_at,
                                        expires_at)
                values (?, ?, ?, ?, ?::text[], ?, ?, ?, ?)""")
                .params(
                        id,
                        hash(token),
                        organisationId,
                        agencyCode,
                        "{" + String.join(",", roles.stream().map(Role::name).toList()) + "}",
                        invitee,
                        inviter.id(),
                        Timestamp.from(now),
                        Timestamp.from(now.plus(identity.invitationValidity())))
                .update();
        Invitation invitation = new Invitation(
                id,
                organisationId,
                agencyCode,
                roles,
                invitee,
                inviter.username(),
                now,
                now.plus(identity.invitationValidity()),
                null,
                null,
                null);
        events.record(
                SecurityEvents.Type.INVITATION_CREATED, inviter.username(), id.toString(), clientIp, scope(invitation));
        // with an external issuer the person signs in there, then accepts in the web app
        String path = identity.embedded() ? RegistrationController.PATH + "?invitation=" : "/loi-moi?token=";
        return new IssuedInvitation(invitation, token, publicUrl + path + token);
    }

    private void person(
            String fullName,
            String email,
            String password,
            String confirmation,
            boolean consent,
            String invitedEmail,
            Map<String, String> errors) {
        if (blank(fullName)) {
            errors.put("fullName", "Vui lòng nhập họ và tên.");
        } else if (fullName.strip().length() > 100) {
            errors.put("fullName", "Họ và tên không quá 100 ký tự.");
        }
        String normalised = UserAccounts.normalise(email);
        if (normalised.isEmpty()) {
            errors.put("email", "Vui lòng nhập địa chỉ thư điện tử.");
        } else if (normalised.length() > 254 || !EMAIL.matcher(normalised).matches()) {
            errors.put("email", "Địa chỉ thư điện tử không hợp lệ, ví dụ: ten@congty.vn.");
        } else if (invitedEmail != null && !invitedEmail.equals(normalised)) {
            errors.put("email", "Lời mời này dành cho địa chỉ thư điện tử khác.");
        } else if (accounts.exists(normalised, normalised)) {
            errors.put("email", "Địa chỉ thư điện tử này đã được dùng cho một tài khoản khác.");
        }
        List<String> passwordProblems = PasswordPolicy.problems(password, normalised);
        if (!passwordProblems.isEmpty()) {
            errors.put("password", String.join(" ", passwordProblems));
        } else if (confirmation == null || !confirmation.equals(password)) {
            errors.put("passwordConfirmation", "Mật khẩu nhập lại không khớp.");
        }
        if (!consent) {
            errors.put(
                    "consent", "Vui lòng đồng ý để cơ quan xử lý dữ liệu cá nhân của bạn cho việc giải quyết hồ sơ.");
        }
    }

    private boolean taxCodeTaken(String taxCode) {
        return jdbc.sql("select count(*) from organisation where tax_code = ?")
                        .param(taxCode)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    private static Map<String, Object> scope(Invitation invitation) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (invitation.organisationId() != null) {
            details.put("organisation", invitation.organisationId().toString());
        }
        if (invitation.agencyCode() != null) {
            details.put("agency", invitation.agencyCode());
        }
        details.put("roles", invitation.roles().stream().map(Role::name).toList());
        return details;
    }

    private static OrganisationType type(String value) {
        for (OrganisationType type : OrganisationType.values()) {
            if (type.name().equals(value)) {
                return type;
            }
        }
        return null;
    }

    private static Invitation invitation(ResultSet rs, int row) throws SQLException {
        return new Invitation(
                rs.getObject("id", UUID.class),
                rs.getObject("organisation_id", UUID.class),
                rs.getString("agency_code"),
                roles((Object[]) rs.getArray("roles").getArray()),
                rs.getString("email"),
                rs.getString("invited_by"),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("expires_at")),
                instant(rs.getTimestamp("accepted_at")),
                rs.getString("accepted_by"),
                instant(rs.getTimestamp("revoked_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static List<Role> roles(Object[] names) {
        return Arrays.stream(names).map(String::valueOf).map(Role::valueOf).toList();
    }

    static ProblemException forbidden(String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Không có quyền", detail, List.of(), Map.of());
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
