package vn.khuyencong.satisfaction;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyencong.dossier.Dossier;
import vn.khuyencong.dossier.DossierStatus;
import vn.khuyencong.dossier.Dossiers;
import vn.khuyencong.identity.CurrentUser;
import vn.khuyencong.identity.Role;
import vn.khuyencong.shared.ProblemException;
import vn.khuyencong.shared.ProblemException.FieldProblem;
import vn.khuyencong.shared.Rows;
import vn.khuyencong.shared.VietnamTime;

/** Ratings of the service: one per dossier, by its organisation, once the dossier has a result. */
@Service
public class Ratings {

    /** The states in which the dossier has its result. */
    static final Set<DossierStatus> RESULT = EnumSet.of(
            DossierStatus.APPROVED,
            DossierStatus.MONITORED,
            DossierStatus.COMPLETED,
            DossierStatus.REJECTED,
            DossierStatus.TERMINATED);

    /**
     * The indicators a person can judge (Circular 01/2018/TT-VPCP Art. 13), each 0, 1 or 2: 2 better than required
     * (sooner, no contact needed, courteous, good), 1 as required, 0 worse.
     */
    public record Rating(
            int processingTime, int contacts, int attitude, int onlineService, String comment, Instant ratedAt) {}

    public record RatingStatus(boolean canRate, Rating rating) {}

    public record Period(
            String period,
            int count,
            double processingTime,
            double contacts,
            double attitude,
            double onlineService,
            double overall) {}

    public enum Grouping {
        MONTH,
        QUARTER,
        YEAR
    }

    private final JdbcClient jdbc;
    private final Dossiers dossiers;
    private final Clock clock;

    Ratings(JdbcClient jdbc, Dossiers dossiers, Clock clock) {
        this.jdbc = jdbc;
        this.dossiers = dossiers;
        this.clock = clock;
    }

    public RatingStatus status(UUID dossierId, CurrentUser user) {
        Dossier dossier = dossiers.getVisible(dossierId, user);
        Rating rating = find(dossierId);
        boolean owner = user.has(Role.ENTERPRISE) && dossier.isOwnedBy(user);
        return new RatingStatus(rating == null && owner && RESULT.contains(dossier.status()), rating);
    }

    @Transactional
    public Rating rate(UUID dossierId, Rating given, CurrentUser user) {
        Dossier dossier = dossiers.getVisible(dossierId, user);
        if (!user.has(Role.ENTERPRISE) || !dossier.isOwnedBy(user)) {
            throw ProblemException.ruleViolated(
                    "owner", "Chỉ tổ chức nộp hồ sơ mới được đánh giá việc giải quyết hồ sơ.");
        }
        if (!RESULT.contains(dossier.status())) {
            throw ProblemException.ruleViolated(
                    "no-result-yet", "Chỉ đánh giá được khi hồ sơ đã có kết quả giải quyết.");
        }
        validate(given);
        String comment = given.comment() == null || given.comment().isBlank()
                ? null
                : given.comment().strip();
        try {
            jdbc.sql("""
                    insert into satisfaction_rating (dossier_id, agency_code, processing_time, contacts, attitude,
                                                     online_service, comment, rated_by, rated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            dossierId,
                            dossier.agencyCode(),
                            given.processingTime(),
                            given.contacts(),
                            given.attitude(),
                            given.onlineService(),
                            comment,
                            user.username(),
                            Timestamp.from(clock.instant()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw ProblemException.ruleViolated(
                    "rated-once", "Hồ sơ này đã được đánh giá; mỗi hồ sơ chỉ đánh giá một lần.");
        }
        return find(dossierId);
    }

    private static void validate(Rating given) {
        List<FieldProblem> problems = new ArrayList<>();
        check(problems, "processingTime", given.processingTime());
        check(problems, "contacts", given.contacts());
        check(problems, "attitude", given.attitude());
        check(problems, "onlineService", given.onlineService());
        if (given.comment() != null && given.comment().length() > 2000) {
            problems.add(new FieldProblem("comment", "Ý kiến không quá 2000 ký tự."));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid("Có " + problems.size() + " mục đánh giá chưa hợp lệ.", problems);
        }
    }

    private static void check(List<FieldProblem> problems, String field, int score) {
        if (score < 0 || score > 2) {
            problems.add(new FieldProblem(field, "Chọn một mức đánh giá (0, 1 hoặc 2)."));
        }
    }

    private Rating find(UUID dossierId) {
        return jdbc.sql("""
                select processing_time, contacts, attitude, online_service, comment, rated_at
                from satisfaction_rating where dossier_id = ?""")
                .param(dossierId)
                .query(Rows.of(Rating.class))
                .optional()
                .orElse(null);
    }

    /** Averages per indicator and period (Vietnam time), oldest first; {@code from}/{@code to} inclusive. */
    public List<Period> averages(Grouping grouping, LocalDate from, LocalDate to, String agencyCode) {
        String label = switch (grouping) {
            case MONTH -> "to_char(rated_at at time zone '" + VietnamTime.ZONE.getId() + "', 'YYYY-MM')";
            case QUARTER -> "to_char(rated_at at time zone '" + VietnamTime.ZONE.getId() + "', 'YYYY-\"Q\"Q')";
            case YEAR -> "to_char(rated_at at time zone '" + VietnamTime.ZONE.getId() + "', 'YYYY')";
        };
        return jdbc.sql("select " + label + """
                 as period, count(*) as count,
                       round(avg(processing_time), 2) as processing_time, round(avg(contacts), 2) as contacts,
                       round(avg(attitude), 2) as attitude, round(avg(online_service), 2) as online_service,
                       round(avg((processing_time + contacts + attitude + online_service) / 4.0), 2) as overall
                from satisfaction_rating
                where (cast(? as date) is null or (rated_at at time zone 'Asia/Ho_Chi_Minh')::date >= ?)
                  and (cast(? as date) is null or (rated_at at time zone 'Asia/Ho_Chi_Minh')::date <= ?)
                  and (cast(? as text) is null or agency_code = ?)
                group by 1 order by 1""")
                .params(from, from, to, to, agencyCode, agencyCode)
                .query(Rows.of(Period.class))
                .list();
    }
}
