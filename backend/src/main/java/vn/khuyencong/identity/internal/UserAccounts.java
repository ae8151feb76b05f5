package vn.khuyencong.identity.internal;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Accounts of the embedded authorization server, in PostgreSQL. */
@Component
class UserAccounts implements UserDetailsService {

    private final JdbcClient jdbc;

    UserAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Account(UUID id, String username, String passwordHash, String displayName, List<String> roles,
            UUID organisationId, String agencyCode, boolean enabled) {
    }

    Optional<Account> find(String username) {
        return jdbc.sql("""
                select id, username, password_hash, display_name, roles, organisation_id, agency_code, enabled
                from user_account where username = ?""")
                .param(username)
                .query((rs, n) -> new Account(rs.getObject("id", UUID.class), rs.getString("username"),
                        rs.getString("password_hash"), rs.getString("display_name"), strings(rs.getArray("roles")),
                        rs.getObject("organisation_id", UUID.class), rs.getString("agency_code"),
                        rs.getBoolean("enabled")))
                .optional();
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Account account = find(username).orElseThrow(() -> new UsernameNotFoundException("Unknown account"));
        return User.withUsername(account.username())
                .password(account.passwordHash())
                .roles(account.roles().toArray(String[]::new))
                .disabled(!account.enabled())
                .build();
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
}
