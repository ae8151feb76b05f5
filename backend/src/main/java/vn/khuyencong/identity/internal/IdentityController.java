package vn.khuyencong.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.khuyencong.identity.CurrentUser;
import vn.khuyencong.identity.Role;

@RestController
@Tag(name = "Định danh", description = "Người dùng hiện tại và cấu hình đăng nhập")
class IdentityController {

    private final IdentityProperties identity;
    private final String publicUrl;
    private final Organisations organisations;
    private final UserAccounts accounts;

    IdentityController(
            IdentityProperties identity,
            @Value("${kc.public-url}") String publicUrl,
            Organisations organisations,
            UserAccounts accounts) {
        this.identity = identity;
        this.publicUrl = publicUrl;
        this.organisations = organisations;
        this.accounts = accounts;
    }

    /**
     * @param registrationUrl the page where an establishment registers its organisation; null when accounts are kept
     *        by the external identity provider
     */
    record PublicConfig(
            String issuer,
            String clientId,
            String scopes,
            String registrationUrl,
            long sessionIdleMinutes,
            long sessionMaxHours) {}

    /**
     * @param organisationRole OWNER (may invite and remove members) or MEMBER, for enterprise accounts
     * @param onboarding what the person must do before working in the app: register their organisation, or (an
     *        officer) wait for an administrator to give their account an agency; null when nothing
     * @param prefill what the identity provider asserted about the organisation to register
     */
    record Me(
            String username,
            String displayName,
            Set<Role> roles,
            String organisationId,
            String organisationName,
            String organisationRole,
            String agencyCode,
            ExternalAccounts.Onboarding onboarding,
            ExternalAccounts.Prefill prefill) {}

    @GetMapping("/api/v1/public/config")
    @Operation(summary = "Cấu hình đăng nhập (OIDC) cho giao diện web")
    PublicConfig config() {
        long idle = identity.sessionIdle().toMinutes();
        long max = identity.sessionMax().toHours();
        return identity.embedded()
                ? new PublicConfig(
                        publicUrl,
                        identity.clientId(),
                        "openid profile",
                        publicUrl + RegistrationController.PATH,
                        idle,
                        max)
                : new PublicConfig(identity.issuerUri(), identity.clientId(), "openid profile email", null, idle, max);
    }

    @GetMapping("/api/v1/me")
    @Operation(summary = "Người dùng đang đăng nhập")
    Me me(CurrentUser user) {
        String organisationName = user.organisation()
                .flatMap(organisations::find)
                .map(Organisations.Organisation::name)
                .orElse(null);
        String organisationRole = user.organisationId() != null
                ? accounts.find(user.username())
                        .map(a -> a.organisationRole() == null
                                ? null
                                : a.organisationRole().name())
                        .orElse(null)
                : null;
        Optional<ExternalAccounts.SignedIn> external = SecurityConfiguration.UserAuthentication.currentExternal();
        return new Me(
                user.username(),
                user.displayName(),
                user.roles(),
                user.organisationId() == null ? null : user.organisationId().toString(),
                organisationName,
                organisationRole,
                user.agencyCode(),
                external.map(ExternalAccounts.SignedIn::onboarding).orElse(null),
                external.map(ExternalAccounts.SignedIn::prefill).orElse(null));
    }
}
