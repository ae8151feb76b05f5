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
 * The aggregations, in SQL over {@code statistics_fact}: one row per dossier with what the statistics count, kept by
 * the database in the transaction of every change (migration V62), so every report is computed from committed data
 * on every instance. One statement per kind of figure, each a single pass over the dossiers of the filter. Real data,
 * demo data and the benchmark's data all go through these and nothing else.
 */
@Component
class StatisticsQueries {

    /** Dossiers that count: submitted (not a draft) and not withdrawn. */
    static final String COUNTED = "d.status not in ('DRAFT', 'WITHDRAWN')";
    static final String PROJECT_STATES = "('APPROVED', 'MONITORED', 'COMPLETED', 'TERMINATED')";

    /**
     * The filter on the dossier {@code d}, or on its summary row, which names the filtered columns alike; its
     * parameters are bound by {@link #bind}.
     */
    static final String FILTER = """
            (cast(:fromYear as int) is null or d.starts_on >= make_date(cast(:fromYear as int), 1, 1))
            and (cast(:toYear as int) is null or d.starts_on < make_date(cast(:toYear as int) + 1, 1, 1))
            and (cast(:programme as text) is null or d.programme = cast(:programme as text))
            and (cast(:content as text) is null or d.content_code = cast(:content as text))
            and (cast(:commune as text) is null or d.commune_code = cast(:commune as text))""";

    enum Dimension {
        TOTAL, PROGRAMME, CONTENT, COMMUNE, STATE, YEAR
    }

    private final JdbcClient jdbc;

    StatisticsQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, StatisticsFilter f) {
        return spec.param("fromYear", f.fromYear()).param("toYear", f.toYear())
                .param("programme", f.programme() == null ? null : f.programme().name())
                .param("content", f.contentCode()).param("commune", f.communeCode());
    }

    /** Every breakdown in one pass: grouping sets over the dossiers of the filter. */
    Map<Dimension, List<Figures>> figures(StatisticsFilter filter) {
        String sql = """
                with groups as (
                    select d.programme, d.content_code, d.commune_code, d.status, d.year,
                           count(*) as dossiers, count(*) filter (where d.status in %1$s) as projects,
                           sum(d.requested_support) as requested,
                           sum(case when d.status in %1$s then coalesce(d.approved_amount, 0) else 0 end) as approved,
                           sum(d.support_paid) as paid,
                           sum(case when d.status in %1$s then coalesce(d.counterpart_funds, 0) else 0 end) as committed,
                           sum(d.counterpart_realised) as realised, count(d.counterpart_realised) as settled,
                           sum(d.settled_support_paid) as settled_paid
                    from statistics_fact d
                    where %2$s and %3$s
                    group by d.programme, d.content_code, d.commune_code, d.status, d.year
                )
                select grouping(programme) as g_programme, grouping(content_code) as g_content,
                       grouping(commune_code) as g_commune, grouping(status) as g_status, grouping(year) as g_year,
                       programme, content_code, commune_code, status, year,
                       sum(dossiers) as dossiers, sum(projects) as projects,
                       coalesce(sum(requested), 0) as requested, coalesce(sum(approved), 0) as approved,
                       coalesce(sum(paid), 0) as paid, coalesce(sum(committed), 0) as committed,
                       coalesce(sum(realised), 0) as realised, sum(settled) as settled,
                       coalesce(sum(settled_paid), 0) as settled_paid
                from groups
                group by grouping sets ((), (programme), (content_code), (commune_code), (status), (year))
                """.formatted(PROJECT_STATES, COUNTED, FILTER);
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
            }
            else if (rs.getInt("g_content") == 0) {
                dimension = Dimension.CONTENT;
                key = rs.getString("content_code");
                name = contents.getOrDefault(key, key);
            }
            else if (rs.getInt("g_commune") == 0) {
                dimension = Dimension.COMMUNE;
                key = rs.getString("commune_code");
                name = key == null ? "Chưa xác định" : communes.getOrDefault(key, key);
            }
            else if (rs.getInt("g_status") == 0) {
                dimension = Dimension.STATE;
                key = rs.getString("status");
                name = DossierStatus.valueOf(key).label();
            }
            else if (rs.getInt("g_year") == 0) {
                dimension = Dimension.YEAR;
                int year = rs.getInt("year");
                key = rs.wasNull() ? null : Integer.toString(year);
                name = key == null ? "Chưa xác định" : "Năm " + key;
            }
            else {
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
        sortBy(result.get(Dimension.CONTENT), names("select code, lpad(sort_order::text, 4, '0') from support_content"));
        result.get(Dimension.COMMUNE).sort((a, b) -> compareNullable(a.key(), b.key()));
        result.get(Dimension.STATE).sort((a, b) -> Integer.compare(DossierStatus.valueOf(a.key()).ordinal(),
                DossierStatus.valueOf(b.key()).ordinal()));
        result.get(Dimension.YEAR).sort((a, b) -> compareNullable(a.key(), b.key()));
        return result;
    }

    private static Figures figures(ResultSet rs, String key, String name) throws SQLException {
        long realised = rs.getLong("realised");
        long settledPaid = rs.getLong("settled_paid");
        return new Figures(key, name, rs.getLong("dossiers"), rs.getLong("projects"), rs.getLong("requested"),
                rs.getLong("approved"), rs.getLong("paid"), rs.getLong("committed"), realised, rs.getLong("settled"),
                settledPaid, ratio(realised, settledPaid, 2));
    }

    /** What the completed projects achieved, by kind of support, from their acceptance records. */
    List<Outcome> outcomes(StatisticsFilter filter) {
        String sql = """
                select d.settled_support_kind as support_kind, k.name as kind_name,
                       d.settled_content_code as content_code, count(*) as projects,
                       sum(d.settled_support_paid) as paid, sum(d.counterpart_realised) as realised,
                       sum(d.workers_trained) as workers, sum(d.machines_installed) as installed,
                       sum(d.machines_working) as working, sum(d.products) as products, sum(d.fairs_attended) as fairs,
                       min(k.sort_order) as sort_order
                from statistics_fact d
                left join support_kind k on k.code = d.settled_support_kind
                where d.settlement = 'COMPLETED' and %s
                group by d.settled_support_kind, k.name, d.settled_content_code
                order by min(k.sort_order) nulls last, d.settled_support_kind""".formatted(FILTER);
        return bind(jdbc.sql(sql), filter).query((rs, row) -> new Outcome(rs.getString("support_kind"),
                rs.getString("kind_name"), rs.getString("content_code"), rs.getLong("projects"), rs.getLong("paid"),
                rs.getLong("realised"), rs.getLong("workers"), rs.getLong("installed"), rs.getLong("working"),
                rs.getLong("products"), rs.getLong("fairs"))).list();
    }

    /**
     * On-time rate, working days to decision and supplements. Working days come from a calendar built once for
     * the span of the dossiers (weekends and the holidays of the catalogue left out), joined to each dossier.
     */
    Processing processing(StatisticsFilter filter) {
        String sql = """
                with scope as (
                    select d.dossier_id as id, d.appointment_date, d.processing_started_on, d.first_decision_on,
                           d.rescheduled, d.supplement_requested
                    from statistics_fact d where %1$s and %2$s
                ),
                decided as (
                    select s.id, s.appointment_date, s.processing_started_on, s.rescheduled, s.first_decision_on as day
                    from scope s
                    where s.first_decision_on is not null
                ),
                bounds as (
                    select min(least(processing_started_on, day)) - 1 as lo, max(greatest(processing_started_on, day)) as hi
                    from decided
                ),
                calendar as (
                    select cast(g as date) as day,
                           sum(case when extract(isodow from g) < 6 and ph.day is null then 1 else 0 end)
                               over (order by g) as working_days_so_far
                    from bounds
                    cross join generate_series(bounds.lo, bounds.hi, interval '1 day') g
                    left join public_holiday ph on ph.day = cast(g as date)
                    where bounds.lo is not null
                )
                select (select count(*) from scope) as dossiers,
                       (select count(*) from scope s where s.supplement_requested) as supplements,
                       count(dc.id) as decided,
                       count(dc.id) filter (where dc.day <= dc.appointment_date and not dc.rescheduled) as on_time,
                       avg(greatest(0, c1.working_days_so_far - c0.working_days_so_far)) as average_days
                from decided dc
                join calendar c1 on c1.day = dc.day
                join calendar c0 on c0.day = dc.processing_started_on - 1
                """.formatted(COUNTED, FILTER);
        return bind(jdbc.sql(sql), filter).query((rs, row) -> {
            long dossiers = rs.getLong("dossiers");
            long decided = rs.getLong("decided");
            long onTime = rs.getLong("on_time");
            long supplements = rs.getLong("supplements");
            BigDecimal average = rs.getBigDecimal("average_days");
            return new Processing(dossiers, decided, onTime, ratio(100 * onTime, decided, 1),
                    average == null ? null : average.setScale(1, RoundingMode.HALF_UP), supplements,
                    ratio(100 * supplements, dossiers, 1));
        }).single();
    }

    /** Each target with the projects approved so far that start within its period. */
    List<TargetProgress> targets() {
        String sql = """
                select t.period_code, t.period_name, t.from_year, t.to_year, t.indicator, t.programme, t.support_kind,
                       t.target_projects, t.target_amount, t.source, p.projects, p.amount
                from statistics_target t
                cross join lateral (
                    select count(*) as projects, coalesce(sum(d.approved_amount), 0) as amount
                    from statistics_fact d
                    where d.has_decision and d.status in %s
                      and d.starts_on >= make_date(t.from_year, 1, 1) and d.starts_on < make_date(t.to_year + 1, 1, 1)
                      and (t.programme is null or d.programme = t.programme)
                      and (t.support_kind is null or d.support_kind = t.support_kind)
                ) p
                order by t.from_year, t.period_code, t.sort_order""".formatted(PROJECT_STATES);
        return jdbc.sql(sql).query((rs, row) -> {
            Integer targetProjects = (Integer) rs.getObject("target_projects");
            Long targetAmount = rs.getObject("target_amount", Long.class);
            long projects = rs.getLong("projects");
            long amount = rs.getLong("amount");
            return new TargetProgress(rs.getString("period_code"), rs.getString("period_name"), rs.getInt("from_year"),
                    rs.getInt("to_year"), rs.getString("indicator"), rs.getString("programme"),
                    rs.getString("support_kind"), targetProjects, targetAmount, projects, amount,
                    targetProjects == null ? null : ratio(100 * projects, targetProjects, 1),
                    targetAmount == null ? null : ratio(100 * amount, targetAmount, 1), rs.getString("source"));
        }).list();
    }

    /** Room for the sorts and hashes of one report, for the current transaction only. */
    void roomForAggregation() {
        jdbc.sql("set local work_mem = '32MB'").update();
    }

    long contentsInCatalogue() {
        return jdbc.sql("select count(*) from support_content").query(Long.class).single();
    }

    static BigDecimal ratio(long numerator, long denominator, int scale) {
        return denominator == 0 ? null
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
