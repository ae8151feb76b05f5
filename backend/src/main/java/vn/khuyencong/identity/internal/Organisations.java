package vn.khuyencong.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.khuyencong.shared.ProblemException;

/**
 * Organisations: the establishments that file dossiers, and what people joining them share. An enterprise registers
 * its organisation ({@link Registrations}), its owner invites colleagues ({@link Invitations}) and removes them
 * ({@link Members}).
 */
@Service
class Organisations {

    /** The kinds of rural industrial establishment (Decree 45/2012/ND-CP Art. 2), with their Vietnamese names. */
    enum OrganisationType {
        ENTERPRISE("Doanh nghiệp nhỏ và vừa, doanh nghiệp siêu nhỏ"),
        COOPERATIVE("Hợp tác xã"),
        COOPERATIVE_GROUP("Tổ hợp tác"),
        HOUSEHOLD_BUSINESS("Hộ kinh doanh");

        private final String label;

        OrganisationType(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    record Organisation(
            UUID id,
            String taxCode,
            String name,
            OrganisationType type,
            String communeCode,
            String address,
            Instant createdAt) {}

    static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+$");
    static final Pattern COMMUNE_CODE = Pattern.compile("^\\d{5}$");

    private final JdbcClient jdbc;

    Organisations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Organisation> find(UUID id) {
        return jdbc.sql(
                        "select id, tax_code, name, org_type, commune_code, address, created_at from organisation where id = ?")
                .param(id)
                .query((rs, n) -> new Organisation(
                        rs.getObject("id", UUID.class),
                        rs.getString("tax_code"),
                        rs.getString("name"),
                        OrganisationType.valueOf(rs.getString("org_type")),
                        rs.getString("commune_code"),
                        rs.getString("address"),
                        rs.getTimestamp("created_at").toInstant()))
                .optional();
    }

    boolean taxCodeTaken(String taxCode) {
        return jdbc.sql("select count(*) from organisation where tax_code = ?")
                        .param(taxCode)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    static OrganisationType type(String value) {
        for (OrganisationType type : OrganisationType.values()) {
            if (type.name().equals(value)) {
                return type;
            }
        }
        return null;
    }

    static ProblemException forbidden(String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Không có quyền", detail, List.of(), Map.of());
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
