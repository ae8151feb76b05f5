package vn.khuyencong.identity;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The officers known to the service, to check who may be assigned a dossier. */
@Service
public class Officers {

    private final JdbcClient jdbc;

    Officers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether {@code username} is an active officer of {@code agencyCode} holding {@code role}. */
    public boolean holds(String username, String agencyCode, Role role) {
        return jdbc.sql("""
                select count(*) from user_account
                where username = ? and agency_code = ? and enabled and ? = any(roles)""")
                        .params(username, agencyCode, role.name())
                        .query(Integer.class)
                        .single()
                > 0;
    }
}
