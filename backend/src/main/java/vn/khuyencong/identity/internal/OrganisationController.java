package vn.khuyencong.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.khuyencong.identity.CurrentUser;
import vn.khuyencong.identity.internal.UserAccounts.Account;
import vn.khuyencong.shared.ProblemException;

/**
 * The organisation of the signed-in enterprise user, its members and its invitations. Everything is looked up
 * within the caller's own organisation, so another organisation's member or invitation is simply not found.
 */
@RestController
@RequestMapping("/api/v1/organisation")
@Tag(name = "Tổ chức", description = "Tổ chức của người dùng doanh nghiệp, thành viên và lời mời")
class OrganisationController {

    private final Organisations organisations;
    private final Invitations invitations;
    private final Members members;
    private final UserAccounts accounts;
    private final Clock clock;

    OrganisationController(
            Organisations organisations, Invitations invitations, Members members, UserAccounts accounts, Clock clock) {
        this.organisations = organisations;
        this.invitations = invitations;
        this.members = members;
        this.accounts = accounts;
        this.clock = clock;
    }

    record OrganisationView(
            UUID id,
            String taxCode,
            String name,
            Organisations.OrganisationType type,
            String typeName,
            String communeCode,
            String address) {

        static OrganisationView of(Organisations.Organisation organisation) {
            return new OrganisationView(
                    organisation.id(),
                    organisation.taxCode(),
                    organisation.name(),
                    organisation.type(),
                    organisation.type().label(),
                    organisation.communeCode(),
                    organisation.address());
        }
    }

    record MemberView(
            UUID id,
            String username,
            String displayName,
            String email,
            UserAccounts.OrganisationRole role,
            boolean enabled,
            Instant joinedAt,
            Instant lastSignInAt) {}

    record InvitationView(
            UUID id,
            String email,
            String status,
            String invitedBy,
            Instant createdAt,
            Instant expiresAt,
            String acceptedBy) {}

    /** The link is given once: only its hash is kept. */
    record IssuedInvitationView(UUID id, String email, Instant expiresAt, String link) {}

    record InvitationRequest(
            @Size(max = 254, message = "Địa chỉ thư điện tử không quá 254 ký tự.") String email) {}

    @GetMapping
    @Operation(summary = "Tổ chức của người dùng")
    OrganisationView organisation(CurrentUser user) {
        Organisations.Organisation organisation = user.organisation()
                .flatMap(organisations::find)
                .orElseThrow(() -> ProblemException.notFound("Tài khoản chưa gắn với tổ chức nào."));
        return OrganisationView.of(organisation);
    }

    @GetMapping("/members")
    @Operation(summary = "Thành viên của tổ chức")
    List<MemberView> members(CurrentUser user) {
        UUID organisation =
                user.organisation().orElseThrow(() -> ProblemException.notFound("Tài khoản chưa gắn với tổ chức nào."));
        return accounts.membersOf(organisation).stream()
                .map(m -> new MemberView(
                        m.id(),
                        m.username(),
                        m.displayName(),
                        m.email(),
                        m.organisationRole(),
                        m.enabled(),
                        m.createdAt(),
                        m.lastSignInAt()))
                .toList();
    }

    @DeleteMapping("/members/{memberId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Xoá một thành viên khỏi tổ chức (người quản lý tài khoản của tổ chức)")
    ResponseEntity<Void> removeMember(@PathVariable UUID memberId, CurrentUser user, HttpServletRequest request) {
        members.removeMember(self(user), memberId, request.getRemoteAddr());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/invitations")
    @Operation(summary = "Các lời mời của tổ chức (người quản lý tài khoản của tổ chức)")
    List<InvitationView> invitations(CurrentUser user) {
        Account owner = owner(user);
        Instant now = clock.instant();
        return invitations.invitationsOfOrganisation(owner.organisationId()).stream()
                .map(i -> new InvitationView(
                        i.id(), i.email(), i.status(now), i.invitedBy(), i.createdAt(), i.expiresAt(), i.acceptedBy()))
                .toList();
    }

    @PostMapping("/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Mời một đồng nghiệp tham gia tổ chức: trả về đường dẫn dùng một lần")
    ResponseEntity<IssuedInvitationView> invite(
            @Valid @RequestBody(required = false) InvitationRequest body,
            CurrentUser user,
            HttpServletRequest request) {
        Invitations.IssuedInvitation issued =
                invitations.inviteMember(self(user), body == null ? null : body.email(), request.getRemoteAddr());
        return ResponseEntity.created(URI.create("/api/v1/organisation/invitations/"
                        + issued.invitation().id()))
                .body(new IssuedInvitationView(
                        issued.invitation().id(),
                        issued.invitation().email(),
                        issued.invitation().expiresAt(),
                        issued.link()));
    }

    @DeleteMapping("/invitations/{invitationId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Thu hồi một lời mời chưa dùng")
    ResponseEntity<Void> revoke(@PathVariable UUID invitationId, CurrentUser user, HttpServletRequest request) {
        invitations.revoke(self(user), invitationId, request.getRemoteAddr());
        return ResponseEntity.noContent().build();
    }

    private Account owner(CurrentUser user) {
        Account account = self(user);
        if (account.organisationRole() != UserAccounts.OrganisationRole.OWNER) {
            throw Organisations.forbidden("Chỉ người quản lý tài khoản của tổ chức mới xem được các lời mời.");
        }
        return account;
    }

    private Account self(CurrentUser user) {
        // with either issuer the members are accounts of this service: made by the embedded server's registration,
        // or on the first sign-in through the external issuer
        return accounts.find(user.username())
                .filter(a -> a.organisationId() != null)
                .orElseThrow(() -> ProblemException.notFound("Tài khoản chưa gắn với tổ chức nào."));
    }
}
