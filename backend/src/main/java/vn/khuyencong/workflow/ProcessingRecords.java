package vn.khuyencong.workflow;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.khuyencong.shared.Rows;

/** What the officers' steps leave behind: the supplement request, the appraisals, the decision. */
@Service
public class ProcessingRecords {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    ProcessingRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record SupplementRequest(
            String reasons, List<String> items, String requestedBy, Instant requestedAt, Instant answeredAt) {}

    public record Review(
            String reviewer,
            Map<String, Integer> scores,
            int totalScore,
            long recommendedAmount,
            String comment,
            Instant createdAt) {}

    public record Decision(String decisionNumber, long approvedAmount, String decidedBy, Instant decidedAt) {}

    /** Everything processing recorded on a dossier, for its page. */
    public record Processing(SupplementRequest supplementRequest, List<Review> reviews, Decision decision) {}

    public Processing of(UUID dossierId) {
        return new Processing(
                supplementRequest(dossierId).orElse(null),
                reviews(dossierId),
                decision(dossierId).orElse(null));
    }

    public Optional<SupplementRequest> supplementRequest(UUID dossierId) {
        return jdbc.sql(
                        "select reasons, items::text as items, requested_by, requested_at, answered_at from supplement_request where dossier_id = ?")
                .param(dossierId)
                .query((rs, n) -> new SupplementRequest(
                        rs.getString("reasons"),
                        JSON.readValue(rs.getString("items"), new TypeReference<List<String>>() {}),
                        rs.getString("requested_by"),
                        rs.getTimestamp("requested_at").toInstant(),
                        rs.getTimestamp("answered_at") == null
                                ? null
                                : rs.getTimestamp("answered_at").toInstant()))
                .optional();
    }

    public List<Review> reviews(UUID dossierId) {
        return jdbc.sql(
                        "select reviewer, scores::text as scores, total_score, recommended_amount, comment, created_at from dossier_review where dossier_id = ? order by id")
                .param(dossierId)
                .query((rs, n) -> new Review(
                        rs.getString("reviewer"),
                        JSON.readValue(rs.getString("scores"), new TypeReference<Map<String, Integer>>() {}),
                        rs.getInt("total_score"),
                        rs.getLong("recommended_amount"),
                        rs.getString("comment"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    public Optional<Review> latestReview(UUID dossierId) {
        List<Review> reviews = reviews(dossierId);
        return reviews.isEmpty() ? Optional.empty() : Optional.of(reviews.getLast());
    }

    public Optional<Decision> decision(UUID dossierId) {
        return jdbc.sql(
                        "select decision_number, approved_amount, decided_by, decided_at from dossier_decision where dossier_id = ?")
                .param(dossierId)
                .query(Rows.of(Decision.class))
                .optional();
    }

    boolean decisionNumberTaken(String number) {
        return jdbc.sql("select count(*) from dossier_decision where decision_number = ?")
                        .param(number)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    void recordSupplementRequest(UUID dossierId, String reasons, List<String> items, String by, Instant at) {
        jdbc.sql(
                        "insert into supplement_request (dossier_id, reasons, items, requested_by, requested_at) values (?, ?, ?::jsonb, ?, ?)")
                .params(dossierId, reasons.strip(), JSON.writeValueAsString(items), by, Timestamp.from(at))
                .update();
    }

    void recordSupplementAnswered(UUID dossierId, Instant at) {
        jdbc.sql("update supplement_request set answered_at = ? where dossier_id = ? and answered_at is null")
                .params(Timestamp.from(at), dossierId)
                .update();
    }

    void recordReview(
            UUID dossierId,
            String reviewer,
            Map<String, Integer> scores,
            long recommended,
            String comment,
            Instant at) {
        int total = scores.values().stream().mapToInt(Integer::intValue).sum();
        jdbc.sql(
                        "insert into dossier_review (dossier_id, reviewer, scores, total_score, recommended_amount, comment, created_at) values (?, ?, ?::jsonb, ?, ?, ?, ?)")
                .params(
                        dossierId,
                        reviewer,
                        JSON.writeValueAsString(scores),
                        total,
                        recommended,
                        comment,
                        Timestamp.from(at))
                .update();
    }

    void recordDecision(UUID dossierId, String number, long approved, String by, Instant at) {
        jdbc.sql(
                        "insert into dossier_decision (dossier_id, decision_number, approved_amount, decided_by, decided_at) values (?, ?, ?, ?, ?)")
                .params(dossierId, number.strip(), approved, by, Timestamp.from(at))
                .update();
    }
}
