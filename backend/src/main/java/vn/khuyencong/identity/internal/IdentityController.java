package vn.khuyencong.identity.internal;

import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
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
    private final JdbcClient jdbc;

    IdentityController(IdentityProperties identity, @Value("${kc.public-url}") String publicUrl, JdbcClient jdbc) {
        this.identity = identity;
        this.publicUrl = publicUrl;
        this.jdbc = jdbc;
    }

    record PublicConfig(String issuer, String clientId, String scopes) {
    }

    record Me(String username, String displayName, Set<Role> roles, String organisationName, String agencyCode) {
    }

    @GetMapping("/api/v1/public/config")
    @Operation(summary = "Cấu hình đăng nhập (OIDC) cho giao diện web")
    PublicConfig config() {
        return new PublicConfig(identity.embedded() ? publicUrl : identity.issuerUri(), identity.clientId(),
                "openid profile");
    }

    @GetMapping("/api/v1/me")
    @Operation(summary = "Người dùng đang đăng nhập")
    Me me(CurrentUser user) {
        String organisationName = user.organisation()
                .flatMap(id -> jdbc.sql("select name from organisation where id = ?").param(id).query(String.class).optional())
                .orElse(null);
        return new Me(user.username(), user.displayName(), user.roles(), organisationName, user.agencyCode());
    }
}
