package vn.khuyencong.identity;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import vn.khuyencong.shared.ProblemException;

/**
 * The authenticated caller, read from the access token: controllers declare it as a parameter.
 *
 * @param subject the token's subject
 * @param username the login name shown in the history
 * @param displayName the person's name
 * @param roles the roles granted
 * @param organisationId the organisation an enterprise user acts for, if any
 * @param agencyCode the agency an officer works for, if any
 */
public record CurrentUser(
        String subject, String username, String displayName, Set<Role> roles, UUID organisationId, String agencyCode) {

    public CurrentUser {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public Optional<UUID> organisation() {
        return Optional.ofNullable(organisationId);
    }

    public Optional<String> agency() {
        return Optional.ofNullable(agencyCode);
    }

    /** Refuses with 403 unless the user has one of {@code allowed}. */
    public void requireAny(Role... allowed) {
        for (Role role : allowed) {
            if (has(role)) {
                return;
            }
        }
        throw new ProblemException(
                HttpStatus.FORBIDDEN,
                "forbidden",
                "Không có quyền",
                "Vai trò của bạn không được thực hiện thao tác này.",
                List.of(),
                Map.of());
    }
}
