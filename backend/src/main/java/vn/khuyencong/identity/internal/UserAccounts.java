package vn.khuyencong.identity.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import vn.khuyencong.identity.Role;

/** Accounts of the embedded authorization server, in PostgreSQL. Account names are kept in lower case. */
@Component
class UserAccounts implements UserDetailsService {

    private static final String COLUMNS = """
            id, username, password_hash, display_name, email, roles, organisation_id, organisation_role, agency_code,
            enabled, created_at, last_sign_in_at""";

    private final JdbcClient jdbc;

    UserAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An enterprise account's place in its organisation. */
    enum OrganisationRole {
        OWNER,
        MEMBER
    }

    record Account(
            UUID id,
            String username,
            String passwordHash,
            String displayName,
            String email,
            List<Role> roles,
            UUID organisationId,
            OrganisationRole organisationRole,
            String agencyCode,
            boolean enabled,
            Instant createdAt,
            Instant lastSignInAt) {

        boolean isOfficer() {
            return organisationId == null && agencyCode != null;
        }
    }

    record NewAccount(
            String username,
            String passwordHash,
            String displayName,
            String email,
            List<Role> roles,
            UUID organisationId,
            OrganisationRole organisationRole,
            String agencyCode) {}

    /** What people type to sign in, as accounts are stored. */
    static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    Optional<Account> find(String username) {
        return jdbc.sql("select " + COLUMNS + " from user_account where username = ?")
                .param(normalise(username))
                .query(UserAccounts::map)
                .optional();
    }

    Optional<Account> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from user_account where id = ?")
                .param(id)
                .query(UserAccounts::map)
                .optional();
    }

    /** The account a person names by its account name or its e-mail address (the account name wins). */
    Optional<Account> findByNameOrEmail(String nameOrEmail) {
        String typed = normalise(nameOrEmail);
        return jdbc.sql("select " + COLUMNS + " from user_account where username = ? or lower(email) = ? "
                        + "order by username = ? desc limit 1")
                .params(typed, typed, typed)
                .query(UserAccounts::map)
                .optional();
    }

    boolean exists(String username, String email) {
        return jdbc.sql("select count(*) from user_account where username = ? or lower(email) = ?")
                        .params(normalise(username), normalise(email))
                        .query(Integer.class)
                        .single()
                > 0;
    }

    UUID create(NewAccount account) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into user_account (id, username, password_hash, display_name, email, roles, organisation_id,
                                          organisation_role, agency_code)
                values (?, ?, ?, ?, ?, ?::text[], ?, ?, ?)""")
                .params(
                        id,
                        normalise(account.username()),
                        account.passwordHash(),
                        account.displayName().strip(),
                        account.email() == null ? null : normalise(account.email()),
                        textArray(account.roles()),
                        account.organisationId(),
                        account.organisationRole() == null
                                ? null
                                : account.organisationRole().name(),
                        account.agencyCode())
                .update();
        return id;
    }

    List<Account> membersOf(UUID organisationId) {
        return jdbc.sql("select " + COLUMNS + " from user_account where organisation_id = ? order by created_at")
                .param(organisationId)
                .query(UserAccounts::map)
                .list();
    }

    /** Officer accounts of one agency, or of every agency when {@code agencyCode} is null. */
    List<Account> officers(String agencyCode) {
        return jdbc.sql("select " + COLUMNS + " from user_account " + """
                where organisation_id is null and agency_code is not null
                  and (cast(? as text) is null or agency_code = ?)
                order by agency_code, username""")
                .params(agencyCode, agencyCode)
                .query(UserAccounts::map)
                .list();
    }

    void updateOfficer(UUID id, List<Role> roles, String agencyCode, boolean enabled) {
        jdbc.sql("update user_account set roles = ?::text[], agency_code = ?, enabled = ? where id = ?")
                .params(textArray(roles), agencyCode, enabled, id)
                .update();
    }

    /** A member who leaves keeps no access: the account is disabled and detached from the organisation. */
    void removeFromOrganisation(UUID id, UUID organisationId) {
        jdbc.sql("""
                update user_account set enabled = false, organisation_id = null, organisation_role = null,
                                        roles = array[]::text[]
                where id = ? and organisation_id = ?""").params(id, organisationId).update();
    }

    /** @return whether the account exists and is enabled (a disabled account keeps its password) */
    boolean changePassword(UUID id, String passwordHash) {
        return jdbc.sql("update user_account set password_hash = ? where id = ? and enabled")
                        .params(passwordHash, id)
                        .update()
                == 1;
    }

    void signedIn(String username, Instant at) {
        jdbc.sql("update user_account set last_sign_in_at = ? where username = ?")
                .params(Timestamp.from(at), normalise(username))
                .update();
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Account account = find(username).orElseThrow(() -> new UsernameNotFoundException("Unknown account"));
        return User.withUsername(account.username())
                .password(account.passwordHash())
                .authorities(account.roles().stream()
                        .map(role -> "ROLE_" + role.name())
                        .toArray(String[]::new))
                .disabled(!account.enabled())
                .build();
    }

    private static String textArray(List<Role> roles) {
        return "{" + String.join(",", roles.stream().map(Role::name).toList()) + "}";
    }

    private static Account map(ResultSet rs, int row) throws SQLException {
        String organisationRole = rs.getString("organisation_role");
        Timestamp lastSignIn = rs.getTimestamp("last_sign_in_at");
        return new Account(
                rs.getObject("id", UUID.class),
                rs.getString("username"),
                rs.getString("password_hash"),
                rs.getString("display_name"),
                rs.getString("email"),
                roles(rs.getArray("roles")),
                rs.getObject("organisation_id", UUID.class),
                organisationRole == null ? null : OrganisationRole.valueOf(organisationRole),
                rs.getString("agency_code"),
                rs.getBoolean("enabled"),
                rs.getTimestamp("created_at").toInstant(),
                lastSignIn == null ? null : lastSignIn.toInstant());
    }

    private static List<Role> roles(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray())
                .map(String::valueOf)
                .flatMap(name ->
                        Arrays.stream(Role.values()).filter(role -> role.name().equals(name)))
                .toList();
    }
}
