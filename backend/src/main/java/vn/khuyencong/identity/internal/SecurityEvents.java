package vn.khuyencong.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The security audit trail: sign-ins and their failures, registrations, invitations, membership and role changes,
 * password resets, key rotations. Rows of the append-only table {@code security_event}, mirrored to the
 * {@code SECURITY} log.
 */
@Component
class SecurityEvents {

    private static final Logger log = LoggerFactory.getLogger("SECURITY");

    enum Type {
        SIGN_IN_SUCCEEDED,
        SIGN_IN_FAILED,
        SIGN_IN_THROTTLED,
        ORGANISATION_REGISTERED,
        INVITATION_CREATED,
        INVITATION_REVOKED,
        INVITATION_ACCEPTED,
        MEMBER_REMOVED,
        ROLES_CHANGED,
        SIGNING_KEY_ROTATED,
        /** The first sign-in of a person an external issuer sent: their account here was made from the token. */
        ACCOUNT_CREATED,
        /** An account was bound to an organisation the issuer's claims named. */
        ORGANISATION_LINKED,
        PASSWORD_RESET_REQUESTED,
        PASSWORD_RESET
    }

    record Event(
            long id,
            Instant occurredAt,
            String type,
            String actor,
            String target,
            String clientIp,
            Map<String, Object> details) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    SecurityEvents(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param actor who acted (or the name typed at a failed sign-in)
     * @param target the account, organisation or key acted upon, if another
     */
    void record(Type type, String actor, String target, String clientIp, Map<String, ?> details) {
        String safeActor = clean(actor);
        jdbc.sql(
                        "insert into security_event (occurred_at, type, actor, target, client_ip, details) values (?, ?, ?, ?, ?, ?::jsonb)")
                .params(
                        Timestamp.from(clock.instant()),
                        type.name(),
                        safeActor,
                        clean(target),
                        clientIp,
                        json.writeValueAsString(details))
                .update();
        log.info("{} actor={} target={} ip={} {}", type, safeActor, clean(target), clientIp, details);
    }

    @SuppressWarnings("unchecked")
    List<Event> latest(String type, int limit) {
        return jdbc.sql("""
                select id, occurred_at, type, actor, target, client_ip, details::text as details from security_event
                where (cast(? as text) is null or type = ?) order by id desc limit ?""")
                .params(type, type, limit)
                .query((rs, n) -> new Event(
                        rs.getLong("id"),
                        rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("type"),
                        rs.getString("actor"),
                        rs.getString("target"),
                        rs.getString("client_ip"),
                        json.readValue(rs.getString("details"), Map.class)))
                .list();
    }

    /** What a client typed is stored bounded and without control characters (no forged log lines). */
    private static String clean(String value) {
        if (value == null) {
            return null;
        }
        String printable = value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 200 ? printable.substring(0, 200) : printable;
    }
}
