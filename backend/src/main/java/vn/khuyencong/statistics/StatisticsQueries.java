package vn.khuyencong.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.khuyencong.dossier.DossierStatus;
import vn.khuyencong.statistics.StatisticsReport.Figures;
import vn.khuyencong.statistics.StatisticsReport.Outcome;
import vn.khuyencong.statistics.StatisticsReport.Processing;
import vn.khuyencong.statistics.StatisticsReport.TargetProgress;

/**
 * The aggregations, in SQL over {@code statistics_group}: the sums of the dossiers per group (year, programme, content,
 * commune, state, kind of support, settlement), kept by the database in the transaction of every change (migration
 * V62), so every report is computed now, from committed data, on every instance, by reading a few thousand rows
 * instead of the dossiers and their history. One statement per kind of figure. Real data, demo data and the
 * benchmark's data all go through these and nothing else.
 */
@Component
class StatisticsQueries {

    /** Dossiers that count: submitted (not a draft) and not withdrawn. */
    static final String COUNTED = "d.status not in ('DRAFT', 'WITHDRAWN')";

    static final String PROJECT_STATES = "('APPROVED', 'MONITORED', 'COMPLETED', 'TERMINATED')";

    private static final String OTHER_DIMENSIONS = """
            and (cast(:programme as text) is null or d.programme = cast(:programme as text))
            and (cast(:content as text) is null or d.content_code = cast(:content as text))
            and (cast(:commune as text) is null or d.commune_code = cast(:commune as text))""";

    /** The filter on the dossier {@code d}; its parameters are bound by {@link #bind}. */
    static final String FILTER = """
            (cast(:fromYear as int) is null or d.starts_on >= make_date(cast(:fromYear as int), 1, 1))
            and (cast(:toYear as int) is null or d.starts_on < make_date(cast(:toYear as int) + 1, 1, 1))
            """ + OTHER_DIMENSIONS;

    /** The same filter on the group {@code d}, whose year is the year its dossiers start. */
    static final String GROUP_FILTER = """
            (cast(:fromYear as int) is null or d.year >= cast(:fromYear as int))
            and (cast(:toYear as int) is null or d.year <= cast(:toYear as int))
            """ + OTHER_DIMENSIONS;

    /**
     * A group's rows are added up by every statement; one whose dossiers all moved to other groups adds up to none
     * and is left out, as it was never there.
     */
    static final String NOT_EMPTY = "having sum(d.dossiers) <> 0";

    enum Dimension {
        TOTAL,
        PROGRAMME,
        CONTENT,
        COMMUNE,
        STATE,
        YEAR
    }

    private final JdbcClient jdbc;

    StatisticsQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, StatisticsFilter f) {
        return spec.param("fromYear", f.fromYear())
                .param("toYear", f.toYear())
                .param("programme", f.programme() == null ? null : f.programme().name())
                .param("content", f.contentCode())
                .param("commune", f.communeCode());
    }

    /** Every breakdown in one pass: grouping sets over the dossiers of the filter. */
    Map<Dimension, List<Figures>> figures(StatisticsFilter filter) {
        String sql = """
                select grouping(d.programme) as g_programme, grouping(d.content_code) as g_content,
                       grouping(d.commune_code) as g_commune, grouping(d.status) as g_status, grouping(d.year) as g_year,
                       d.programme, d.content_code, d.commune_code, d.status, d.year,
                       coalesce(sum(d.dossiers), 0) as dossiers,
                       coalesce(sum(d.dossiers) filter (where d.status in %1$s), 0) as projects,
                       coalesce(sum(d.requested_support), 0) as requested,
                       coalesce(sum(d.approved_amount) filter (where d.status in %1$s), 0) as approved,
                       coalesce(sum(d.support_paid), 0) as paid,
                       coalesce(sum(d.counterpart_funds) filter (where d.status in %1$s), 0) as committed,
                       coalesce(sum(d.counterpart_realised), 0) as realised, coalesce(sum(d.settled), 0) as settled,
                       coalesce(sum(d.settled_support_paid), 0) as settled_paid
                from statistics_group d
                where %2$s and %3$s
                group by grouping sets ((), (d.programme), (d.content_code), (d.commune_code), (d.status), (d.year))
                %4$s
                """.formatted(PROJECT_STATES, COUNTED, GROUP_FILTER, NOT_EMPTY);
        Map<String, String> contents = names("select code, name from support_content");
        Map<String, String> communes = names("select code, name from administrative_unit");
        Map<Dimension, List<Figures>> result = new LinkedHashMap<>();
        for (Dimension dimension : Dimension.values()) {
            result.put(dimension, new ArrayList<>());
        }
        bind(jdbc.sql(sql), filter).query((ResultSet rs) -> {
            Dimension dimension;
            String key;
            String name;
            if (rs.getInt("g_programme") == 0) {
                dimension = Dimension.PROGRAMME;
                key = rs.getString("programme");
                name = "NATIONAL".equals(key) ? "Khuyến công quốc gia" : "Khuyến công địa phương";
            } else if (rs.getInt("g_content") == 0) {
                dimension = Dimension.CONTENT;
                key = rs.getString("content_code");
                name = contents.getOrDefault(key, key);
            } else if (rs.getInt("g_commune") == 0) {
                dimension = Dimension.COMMUNE;
                key = rs.getString("commune_code");
                name = key == null ? "Chưa xác định" : communes.getOrDefault(key, key);
            } else if (rs.getInt("g_status") == 0) {
                dimension = Dimension.STATE;
                key = rs.getString("status");
                name = DossierStatus.valueOf(key).label();
            } else if (rs.getInt("g_year") == 0) {
                dimension = Dimension.YEAR;
                int year = rs.getInt("year");
                key = rs.wasNull() ? null : Integer.toString(year);
                name = key == null ? "Chưa xác định" : "Năm " + key;
            } else {
                dimension = Dimension.TOTAL;
                key = null;
                name = "Tổng cộng";
            }
            result.get(dimension).add(figures(rs, key, name));
        });
        if (result.get(Dimension.TOTAL).isEmpty()) {
            result.get(Dimension.TOTAL).add(new Figures(null, "Tổng cộng", 0, 0, 0, 0, 0, 0, 0, 0, 0, null));
        }
        sortBy(result.get(Dimension.PROGRAMME), names("select 'NATIONAL', '1' union all select 'LOCAL', '2'"));
        sortBy(
                result.get(Dimension.CONTENT),
                names("select code, lpad(sort_order::text, 4, '0') from support_content"));
        result.get(Dimension.COMMUNE).sort((a, b) -> compareNullable(a.key(), b.key()));
        result.get(Dimension.STATE)
                .sort((a, b) -> Integer.compare(
                        DossierStatus.valueOf(a.key()).ordinal(),
                        DossierStatus.valueOf(b.key()).ordinal()));
        result.get(Dimension.YEAR).sort((a, b) -> compareNullable(a.key(), b.key()));
        return result;
    }

    private static Figures figures(ResultSet rs, String key, String name) throws SQLException {
        long realised = rs.getLong("realised");
        long settledPaid = rs.getLong("settled_paid");
        return new Figures(
                key,
                name,
                rs.getLong("dossiers"),
                rs.getLong("projects"),
                rs.getLong("requested"),
                rs.getLong("approved"),
                rs.getLong("paid"),
                rs.getLong("committed"),
                realised,
                rs.getLong("settled"),
                settledPaid,
                ratio(realised, settledPaid, 2));
    }

    /** What the completed projects achieved, by kind of support, from their acceptance records. */
    List<Outcome> outcomes(StatisticsFilter filter) {
        String sql = """
                select d.settled_support_kind as support_kind, k.name as kind_name,
                       d.settled_content_code as content_code, sum(d.dossiers) as projects,
                       sum(d.settled_support_paid) as paid, sum(d.counterpart_realised) as realised,
                       sum(d.workers_trained) as workers, sum(d.machines_installed) as installed,
                       sum(d.machines_working) as working, sum(d.products) as products, sum(d.fairs_attended) as fairs,
                       min(k.sort_order) as sort_order
                from statistics_group d
                left join support_kind k on k.code = d.settled_support_kind
                where d.settlement = 'COMPLETED' and %s
                group by d.settled_support_kind, k.name, d.settled_content_code
                %s
                order by min(k.sort_order) nulls last, d.settled_support_kind""".formatted(GROUP_FILTER, NOT_EMPTY);
        return bind(jdbc.sql(sql), filter)
                .query((rs, row) -> new Outcome(
                        rs.getString("support_kind"),
                        rs.getString("kind_name"),
                        rs.getString("content_code"),
                        rs.getLong("projects"),
                        rs.getLong("paid"),
                        rs.getLong("realised"),
                        rs.getLong("workers"),
                        rs.getLong("installed"),
                        rs.getLong("working"),
                        rs.getLong("products"),
                        rs.getLong("fairs")))
                .list();
    }

    /**
     * On-time rate, working days to decision and supplements. The working days of each decided dossier (weekends and
     * the holidays of the catalogue left out, the start of processing and the day of the decision both counted) are
     * kept on its summary row and recounted when the holidays change.
     */
    Processing processing(StatisticsFilter filter) {
        String sql = """
                select coalesce(sum(d.dossiers), 0) as dossiers, coalesce(sum(d.supplements), 0) as supplements,
                       coalesce(sum(d.decided), 0) as decided, coalesce(sum(d.decided_on_time), 0) as on_time,
                       coalesce(sum(d.working_days_to_decision), 0) as working_days
                from statistics_group d where %s and %s
                """.formatted(COUNTED, GROUP_FILTER);
        return bind(jdbc.sql(sql), filter)
                .query((rs, row) -> {
                    long dossiers = rs.getLong("dossiers");
                    long decided = rs.getLong("decided");
                    long onTime = rs.getLong("on_time");
                    long supplements = rs.getLong("supplements");
                    return new Processing(
                            dossiers,
                            decided,
                            onTime,
                            ratio(100 * onTime, decided, 1),
                            ratio(rs.getLong("working_days"), decided, 1),
                            supplements,
                            ratio(100 * supplements, dossiers, 1));
                })
                .single();
    }

    /** Each target with the projects approved so far that start within its period; one pass over the groups. */
    List<TargetProgress> targets() {
        String sql = """
                with projects as (
                    select d.year, d.programme, d.support_kind, sum(d.with_decision) as projects,
                           sum(d.approved_with_decision) as amount
                    from statistics_group d
                    where d.status in %s
                    group by d.year, d.programme, d.support_kind
                )
                select t.period_code, t.period_name, t.from_year, t.to_year, t.indicator, t.programme, t.support_kind,
                       t.target_projects, t.target_amount, t.source,
                       coalesce(sum(p.projects), 0) as projects, coalesce(sum(p.amount), 0) as amount
                from statistics_target t
                left join projects p on p.year between t.from_year and t.to_year
                     and (t.programme is null or p.programme = t.programme)
                     and (t.support_kind is null or p.support_kind = t.support_kind)
                group by t.id
                order by t.from_year, t.period_code, t.sort_order""".formatted(PROJECT_STATES);
        return jdbc.sql(sql)
                .query((rs, row) -> {
                    Integer targetProjects = (Integer) rs.getObject("target_projects");
                    Long targetAmount = rs.getObject("target_amount", Long.class);
                    long projects = rs.getLong("projects");
                    long amount = rs.getLong("amount");
                    return new TargetProgress(
                            rs.getString("period_code"),
                            rs.getString("period_name"),
                            rs.getInt("from_year"),
                            rs.getInt("to_year"),
                            rs.getString("indicator"),
                            rs.getString("programme"),
                            rs.getString("support_kind"),
                            targetProjects,
                            targetAmount,
                            projects,
                            amount,
                            targetProjects == null ? null : ratio(100 * projects, targetProjects, 1),
                            targetAmount == null ? null : ratio(100 * amount, targetAmount, 1),
                            rs.getString("source"));
                })
                .list();
    }

    /** Room for the sorts and hashes of one report, for the current transaction only. */
    void roomForAggregation() {
        jdbc.sql("set local work_mem = '32MB'").update();
    }

    long contentsInCatalogue() {
        return jdbc.sql("select count(*) from support_content")
                .query(Long.class)
                .single();
    }

    static BigDecimal ratio(long numerator, long denominator, int scale) {
        return denominator == 0
                ? null
                : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), scale, RoundingMode.HALF_UP);
    }

    private Map<String, String> names(String sql) {
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.sql(sql).query((ResultSet rs) -> {
            names.put(rs.getString(1), rs.getString(2));
        });
        return names;
    }

    private static void sortBy(List<Figures> figures, Map<String, String> order) {
        figures.sort((a, b) -> compareNullable(order.get(a.key()), order.get(b.key())));
    }

    private static int compareNullable(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        return a.compareTo(b);
    }
}
