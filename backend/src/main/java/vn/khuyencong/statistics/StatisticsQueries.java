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
 * The aggregations, in SQL over the live tables: one statement per kind of figure, each a single pass over the
 * dossiers of the filter. Real data, demo data and the benchmark's data all go through these and nothing else.
 */
@Component
class StatisticsQueries {

    /** Dossiers that count: submitted (not a draft) and not withdrawn. */
    static final String COUNTED = "d.status not in ('DRAFT', 'WITHDRAWN')";
    static final String PROJECT_STATES = "('APPROVED', 'MONITORED', 'COMPLETED', 'TERMINATED')";

    /** The filter on the dossier {@code d}; its parameters are bound by {@link #bind}. */
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
                with scope as (
                    select d.programme, d.content_code, d.commune_code, d.status,
                           cast(extract(year from d.starts_on) as int) as year,
                           d.requested_support,
                           d.status in %1$s as project,
                           case when d.status in %1$s then coalesce(mp.approved_amount, dd.approved_amount, 0) else 0 end
                               as approved,
                           case when d.status in %1$s then coalesce(d.counterpart_funds, 0) else 0 end as committed,
                           coalesce(s.total_support_paid,
                                    case when d.status = 'MONITORED'
                                         then (select sum(p.amount) from disbursement p where p.dossier_id = d.id) end,
                                    0) as paid,
                           s.counterpart_realised as realised,
                           s.total_support_paid as settled_paid
                    from dossier d
                    left join dossier_decision dd on dd.dossier_id = d.id
                    left join monitored_project mp on mp.dossier_id = d.id
                    left join settlement s on s.dossier_id = d.id
                    where %2$s and %3$s
                )
                select grouping(programme) as g_programme, grouping(content_code) as g_content,
                       grouping(commune_code) as g_commune, grouping(status) as g_status, grouping(year) as g_year,
                       programme, content_code, commune_code, status, year,
                       count(*) as dossiers, count(*) filter (where project) as projects,
                       coalesce(sum(requested_support), 0) as requested, coalesce(sum(approved), 0) as approved,
                       coalesce(sum(paid), 0) as paid, coalesce(sum(committed), 0) as committed,
                       coalesce(sum(realised), 0) as realised, count(realised) as settled,
                       coalesce(sum(settled_paid), 0) as settled_paid
                from scope
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
                select s.support_kind, k.name as kind_name, s.content_code, count(*) as projects,
                       sum(s.total_support_paid) as paid, sum(s.counterpart_realised) as realised,
                       sum(s.workers_trained) as workers, sum(s.machines_installed) as installed,
                       sum(s.machines_working) as working, sum(s.products) as products, sum(s.fairs_attended) as fairs,
                       min(k.sort_order) as sort_order
                from settlement s
                join dossier d on d.id = s.dossier_id
                left join support_kind k on k.code = s.support_kind
                where s.outcome = 'COMPLETED' and %s
                group by s.support_kind, k.name, s.content_code
                order by min(k.sort_order) nulls last, s.support_kind""".formatted(FILTER);
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
                    select d.id, d.appointment_date, d.processing_started_on
                    from dossier d where %1$s and %2$s
                ),
                decided as (
                    select s.id, s.appointment_date, s.processing_started_on,
                           cast(min(h.occurred_at) at time zone 'Asia/Ho_Chi_Minh' as date) as day
                    from scope s
                    join dossier_history h on h.dossier_id = s.id and h.event in ('APPROVE', 'REJECT')
                    group by s.id, s.appointment_date, s.processing_started_on
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
                       (select count(*) from scope s join supplement_request r on r.dossier_id = s.id) as supplements,
                       count(dc.id) as decided,
                       count(dc.id) filter (where dc.day <= dc.appointment_date and late.dossier_id is null) as on_time,
                       avg(greatest(0, c1.working_days_so_far - c0.working_days_so_far)) as average_days
                from decided dc
                join calendar c1 on c1.day = dc.day
                join calendar c0 on c0.day = dc.processing_started_on - 1
                left join (select distinct dossier_id from dossier_history where event = 'RESCHEDULE') late
                       on late.dossier_id = dc.id
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
                    select count(*) as projects, coalesce(sum(coalesce(mp.approved_amount, dd.approved_amount)), 0) as amount
                    from dossier d
                    join dossier_decision dd on dd.dossier_id = d.id
                    left join monitored_project mp on mp.dossier_id = d.id
                    where d.status in %s
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
