package vn.khuyencong.identity.internal;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One demo account per role for the embedded authorization server, created when missing, with a demo
 * organisation for the enterprise account. Never present with an external issuer.
 */
@Component
@Order(0)
@ConditionalOnExpression("'${kc.identity.issuer-uri:}'.isBlank()")
class DemoAccounts implements ApplicationRunner {

    static final String PASSWORD = "KhuyenCong@2026";
    static final UUID DEMO_ORGANISATION = UUID.fromString("6f1d2a44-6a55-4d1f-9d0e-1b7f0c2a9a01");

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;

    DemoAccounts(JdbcClient jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        jdbc.sql("""
                insert into organisation (id, tax_code, name, org_type, commune_code)
                values (?, '4700123452', 'Hợp tác xã Miến dong Côn Minh', 'COOPERATIVE', null)
                on conflict do nothing""").param(DEMO_ORGANISATION).update();
        String agency = jdbc.sql("select code from agency where active order by code limit 1")
                .query(String.class)
                .single();
        int created = account("doanhnghiep", "Nguyễn Thị Hà", "ENTERPRISE", DEMO_ORGANISATION, null)
                + account("thamdinh", "Hoàng Văn Thắng", "REVIEWER", null, agency)
                + account("pheduyet", "Lường Thị Mai", "APPROVER", null, agency)
                + account("giamsat", "Triệu Văn Đức", "MONITOR", null, agency)
                + account("quantri", "Ma Thị Lan", "ADMIN", null, agency);
        // demo addresses on a reserved domain: mails to them are written to the log unless SMTP is configured
        for (String username : java.util.List.of("doanhnghiep", "thamdinh", "pheduyet", "giamsat", "quantri")) {
            jdbc.sql("update user_account set email = ? where username = ? and email is null")
                    .params(username + "@khuyencong.example", username)
                    .update();
        }
        if (created > 0) {
            log.info("Created {} demo accounts (doanhnghiep, thamdinh, pheduyet, giamsat, quantri)", created);
        }
    }

    private int account(String username, String name, String role, UUID organisation, String agency) {
        return jdbc.sql("""
                insert into user_account (id, username, password_hash, display_name, roles, organisation_id,
                                          organisation_role, agency_code)
                values (?, ?, ?, ?, array[?], ?, ?, ?) on conflict (username) do nothing""")
                .params(
                        UUID.nameUUIDFromBytes(username.getBytes()),
                        username,
                        passwords.encode(PASSWORD),
                        name,
                        role,
                        organisation,
                        organisation == null ? null : "OWNER",
                        agency)
                .update();
    }
}
