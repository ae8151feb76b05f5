package vn.khuyencong.identity.internal;

import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.khuyencong.identity.CurrentUser;
import vn.khuyencong.identity.Role;

@RestController
@Tag(name = "Định danh", description = "Người dùng hiện tại và cấu hình đăng nhập")
class IdentityController {

    private final IdentityProperties identity;
    private final String publicUrl;
    private final Organisations organisations;
    private final UserAccounts accounts;

    IdentityController(IdentityProperties identity, @Value("${kc.public-url}") String publicUrl,
            Organisations organisations, UserAccounts accounts) {
        this.identity = identity;
        this.publicUrl = publicUrl;
        this.organisations = organisations;
        this.accounts = accounts;
    }

    /**
     * @param registrationUrl the page where an establishment registers its organisation; null when accounts are kept
     *        by the external identity provider
     */
    record PublicConfig(String issuer, String clientId, String scopes, String registrationUrl) {
    }

    /**
     * @param organisationRole OWNER (may invite and remove members) or MEMBER, for enterprise accounts
     */
    record Me(String username, String displayName, Set<Role> roles, String organisationId, String organisationName,
            String organisationRole, String agencyCode) {
    }

    @GetMapping("/api/v1/public/config")
    @Operation(summary = "Cấu hình đăng nhập (OIDC) cho giao diện web")
    PublicConfig config() {
        return identity.embedded()
                ? new PublicConfig(publicUrl, identity.clientId(), "openid profile", publicUrl + RegistrationController.PATH)
                : new PublicConfig(identity.issuerUri(), identity.clientId(), "openid profile", null);
    }

    @GetMapping("/api/v1/me")
    @Operation(summary = "Người dùng đang đăng nhập")
    Me me(CurrentUser user) {
        String organisationName = user.organisation().flatMap(organisations::find).map(Organisations.Organisation::name)
                .orElse(null);
        String organisationRole = identity.embedded() && user.organisationId() != null
                ? accounts.find(user.username()).map(a -> a.organisationRole() == null ? null : a.organisationRole().name())
                        .orElse(null)
                : null;
        return new Me(user.username(), user.displayName(), user.roles(),
                user.organisationId() == null ? null : user.organisationId().toString(), organisationName,
                organisationRole, user.agencyCode());
    }
}
