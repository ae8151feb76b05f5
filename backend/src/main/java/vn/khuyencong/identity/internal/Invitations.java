package vn.khuyencong.identity.internal;

import static vn.khuyencong.identity.internal.Organisations.EMAIL;
import static vn.khuyencong.identity.internal.Organisations.blank;
import static vn.khuyencong.identity.internal.Organisations.forbidden;
import static vn.khuyencong.identity.internal.Organisations.hash;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import vn.khuyencong.identity.Role;
import vn.khuyencong.identity.internal.Organisations.Organisation;
import vn.khuyencong.identity.internal.Registrations.Outcome;
import vn.khuyencong.identity.internal.UserAccounts.Account;
import vn.khuyencong.identity.internal.UserAccounts.NewAccount;
import vn.khuyencong.identity.internal.UserAccounts.OrganisationRole;
import vn.khuyencong.shared.ProblemException;

/**
 * Invitations: the owner of an organisation invites colleagues, who register with the invitation into the same
 * organisation (or, signed in already, join it); an administrator invites officers into an agency with their roles.
 * An invitation is a single-use link whose token is stored only as a SHA-256 hash.
 */
@Service
class Invitations {

    /** What a person invited gives to join. */
    record Acceptance(String fullName, String email, String password, String passwordConfirmation, boolean consent) {}

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

    private final JdbcClient jdbc;
    private final Organisations organisations;
    private final Registrations registrations;
    private final UserAccounts accounts;
    private final PasswordEncoder passwords;
    private final SecurityEvents events;
    private final IdentityProperties identity;
    private final Clock clock;
    private final String publicUrl;
    private final SecureRandom random = new SecureRandom();

    Invitations(
            JdbcClient jdbc,
            Organisations organisations,
            Registrations registrations,
            UserAccounts accounts,
            PasswordEncoder passwords,
            SecurityEvents events,
            IdentityProperties identity,
            Clock clock,
            @Value("${kc.public-url}") String publicUrl) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.registrations = registrations;
        this.accounts = accounts;
        this.passwords = passwords;
        this.events = events;
        this.identity = identity;
        this.clock = clock;
        this.publicUrl = publicUrl;
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
                .query(Invitations::invitation)
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
        return organisations.find(invitation.organisationId()).orElseThrow();
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
        registrations.person(
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
                .query(Invitations::invitation)
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
                .query(Invitations::invitation)
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
}
