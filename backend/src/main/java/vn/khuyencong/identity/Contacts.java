package vn.khuyencong.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.khuyencong.shared.Rows;

/** Whom to tell: the enabled accounts of an organisation or of an agency's role, with their e-mail addresses. */
@Service
public class Contacts {

    /** An account to notify; {@code email} is null when the account has none (it is then told in the app only). */
    public record Contact(String username, String displayName, String email) {}

    private final JdbcClient jdbc;

    Contacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Contact> ofOrganisation(UUID organisationId) {
        return jdbc.sql("""
                select username, display_name, email from user_account
                where organisation_id = ? and enabled order by username""").param(organisationId).query(Rows.of(Contact.class)).list();
    }

    public List<Contact> officers(String agencyCode, Role role) {
        return jdbc.sql("""
                select username, display_name, email from user_account
                where agency_code = ? and enabled and ? = any(roles) order by username""")
                .params(agencyCode, role.name())
                .query(Rows.of(Contact.class))
                .list();
    }

    public Optional<Contact> account(String username) {
        return jdbc.sql("select username, display_name, email from user_account where username = ? and enabled")
                .param(username)
                .query(Rows.of(Contact.class))
                .optional();
    }

    /** The organisation's registered name, for papers and mails. */
    public Optional<String> organisationName(UUID organisationId) {
        return jdbc.sql("select name from organisation where id = ?")
                .param(organisationId)
                .query(String.class)
                .optional();
    }
}
