package vn.khuyencong.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.khuyencong.identity.CurrentUser;
import vn.khuyencong.identity.Role;
import vn.khuyencong.identity.internal.UserAccounts.Account;
import vn.khuyencong.shared.ProblemException;

/**
 * What administrators do about identity: officers' roles and agencies, officer invitations, the signing keys and
 * the security audit trail. An administrator who belongs to an agency manages that agency's officers only; one
 * without an agency manages every agency's.
 */
@RestController
@RequestMapping("/api/v1/admin")
@Tag(
        name = "Quản trị định danh",
        description = "Vai trò và cơ quan của cán bộ, lời mời cán bộ, khoá ký, nhật ký an ninh")
class AdministrationController {

    private final UserAccounts accounts;
    private final Invitations invitations;
    private final SecurityEvents events;
    private final IdentityProperties identity;
    private final ObjectProvider<SigningKeys> signingKeys;

    AdministrationController(
            UserAccounts accounts,
            Invitations invitations,
            SecurityEvents events,
            IdentityProperties identity,
            ObjectProvider<SigningKeys> signingKeys) {
        this.accounts = accounts;
        this.invitations = invitations;
        this.events = events;
        this.identity = identity;
        this.signingKeys = signingKeys;
    }

    record OfficerView(
            UUID id,
            String username,
            String displayName,
            String email,
            List<Role> roles,
            String agencyCode,
            boolean enabled,
            Instant lastSignInAt) {

        static OfficerView of(Account a) {
            return new OfficerView(
                    a.id(),
                    a.username(),
                    a.displayName(),
                    a.email(),
                    a.roles(),
                    a.agencyCode(),
                    a.enabled(),
                    a.lastSignInAt());
        }
    }

    record OfficerUpdate(
            @NotEmpty(message = "Vui lòng chọn ít nhất một vai trò.") List<Role> roles,

            @NotNull(message = "Vui lòng chọn cơ quan.") String agencyCode,
            Boolean enabled) {}

    record OfficerInvitationRequest(
            @NotEmpty(message = "Vui lòng chọn ít nhất một vai trò.") List<Role> roles,

            @NotNull(message = "Vui lòng chọn cơ quan.") String agencyCode,

            @Size(max = 254, message = "Địa chỉ thư điện tử không quá 254 ký tự.") String email) {}

    record IssuedInvitationView(
            UUID id, List<Role> roles, String agencyCode, String email, Instant expiresAt, String link) {}

    record RotatedKey(String kid) {}

    @GetMapping("/officers")
    @Operation(summary = "Cán bộ (của cơ quan mình, hoặc mọi cơ quan với quản trị toàn hệ thống)")
    List<OfficerView> officers(CurrentUser admin) {
        requireEmbedded();
        return accounts.officers(admin.agencyCode()).stream()
                .map(OfficerView::of)
                .toList();
    }

    @PutMapping("/officers/{accountId}")
    @Transactional
    @Operation(summary = "Đổi vai trò, cơ quan hoặc khoá/mở tài khoản của một cán bộ")
    OfficerView updateOfficer(
            @PathVariable UUID accountId,
            @Valid @RequestBody OfficerUpdate update,
            CurrentUser admin,
            HttpServletRequest request) {
        requireEmbedded();
        Account officer = accounts.find(accountId)
                .filter(Account::isOfficer)
                .filter(a -> admin.agencyCode() == null || admin.agencyCode().equals(a.agencyCode()))
                .orElseThrow(() -> ProblemException.notFound("Không tìm thấy cán bộ."));
        if (officer.username().equals(admin.username())) {
            throw ProblemException.ruleViolated(
                    "not-yourself", "Bạn không thể tự đổi vai trò của mình: hãy nhờ một quản trị viên khác.");
        }
        List<Role> roles = update.roles().stream().distinct().sorted().toList();
        invitations.validateOfficerAssignment(admin.agencyCode(), roles, update.agencyCode());
        boolean enabled = update.enabled() == null ? officer.enabled() : update.enabled();
        accounts.updateOfficer(officer.id(), roles, update.agencyCode(), enabled);
        events.record(
                SecurityEvents.Type.ROLES_CHANGED,
                admin.username(),
                officer.username(),
                request.getRemoteAddr(),
                Map.of(
                        "rolesBefore",
                        officer.roles().stream().map(Role::name).toList(),
                        "rolesAfter",
                        roles.stream().map(Role::name).toList(),
                        "agencyBefore",
                        officer.agencyCode(),
                        "agencyAfter",
                        update.agencyCode(),
                        "enabledBefore",
                        officer.enabled(),
                        "enabledAfter",
                        enabled));
        return OfficerView.of(accounts.find(officer.id()).orElseThrow());
    }

    @PostMapping("/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Mời một cán bộ vào cơ quan với vai trò cho trước: trả về đường dẫn dùng một lần")
    ResponseEntity<IssuedInvitationView> inviteOfficer(
            @Valid @RequestBody OfficerInvitationRequest body, CurrentUser admin, HttpServletRequest request) {
        requireEmbedded();
        Account self = accounts.find(admin.username())
                .orElseThrow(() -> ProblemException.notFound("Không tìm thấy tài khoản."));
        Invitations.IssuedInvitation issued = invitations.inviteOfficer(
                self,
                admin.agencyCode(),
                body.roles().stream().distinct().sorted().toList(),
                body.agencyCode(),
                body.email(),
                request.getRemoteAddr());
        return ResponseEntity.created(URI.create(
                        "/api/v1/admin/invitations/" + issued.invitation().id()))
                .body(new IssuedInvitationView(
                        issued.invitation().id(),
                        issued.invitation().roles(),
                        issued.invitation().agencyCode(),
                        issued.invitation().email(),
                        issued.invitation().expiresAt(),
                        issued.link()));
    }

    @GetMapping("/signing-keys")
    @Operation(summary = "Các khoá ký mã truy cập (không có phần bí mật)")
    List<SigningKeys.KeyInfo> signingKeys() {
        return keys().list();
    }

    @PostMapping("/signing-keys/rotation")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Thay khoá ký: khoá mới ký từ nay, khoá cũ vẫn được công bố đến khi mọi mã nó ký hết hạn")
    ResponseEntity<RotatedKey> rotate(CurrentUser admin, HttpServletRequest request) {
        String kid = keys().rotate();
        events.record(
                SecurityEvents.Type.SIGNING_KEY_ROTATED, admin.username(), kid, request.getRemoteAddr(), Map.of());
        return ResponseEntity.created(URI.create("/api/v1/admin/signing-keys")).body(new RotatedKey(kid));
    }

    @GetMapping("/security-events")
    @Operation(summary = "Nhật ký an ninh: đăng nhập, đăng ký, lời mời, đổi vai trò, thay khoá")
    List<SecurityEvents.Event> securityEvents(
            @RequestParam(name = "type", required = false) String type,
            @RequestParam(name = "limit", defaultValue = "100") int limit) {
        if (type != null
                && List.of(SecurityEvents.Type.values()).stream()
                        .noneMatch(t -> t.name().equals(type))) {
            throw ProblemException.invalidField("type", "Loại sự kiện không tồn tại.");
        }
        return new ArrayList<>(events.latest(type, Math.clamp(limit, 1, 1000)));
    }

    private SigningKeys keys() {
        SigningKeys keys = signingKeys.getIfAvailable();
        if (keys == null) {
            throw ProblemException.ruleViolated(
                    "accounts-managed-externally", "Khoá ký do hệ thống định danh bên ngoài quản lý.");
        }
        return keys;
    }

    private void requireEmbedded() {
        if (!identity.embedded()) {
            throw ProblemException.ruleViolated(
                    "accounts-managed-externally",
                    "Tài khoản cán bộ do hệ thống định danh bên ngoài quản lý: hãy phân quyền tại đó.");
        }
    }
}
