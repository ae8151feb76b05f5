package vn.khuyencong.statistics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.khuyencong.shared.ProblemException;

/**
 * The open data of approved projects: what was decided and achieved with public money. No personal data: neither
 * the organisation, nor its people, nor any document, only what the decision and the acceptance record make public.
 */
@Component
class OpenData {

    static final int MAX_PAGE_SIZE = 1000;

    /** Lines read from the database per round trip while the whole file is streamed (about 1 MB). */
    private static final int FETCH_SIZE = 3000;

    /**
     * One approved project.
     *
     * @param code the dossier code
     * @param year the year the project starts
     */
    record ApprovedProject(
            String code,
            String title,
            String programme,
            String contentCode,
            String contentName,
            String supportKind,
            String supportKindName,
            String communeCode,
            String communeName,
            Integer year,
            LocalDate startsOn,
            LocalDate endsOn,
            String decisionNumber,
            LocalDate decidedOn,
            long supportApproved,
            long supportPaid,
            long counterpartCommitted,
            Long counterpartRealised,
            String status,
            LocalDate acceptedOn,
            Integer workersTrained,
            Integer machinesInstalled,
            Integer products,
            Integer fairsAttended) {}

    /**
     * A page of approved projects in their one order: by start date, then code.
     *
     * @param page the page number asked for (0 when the page was asked for with {@code after})
     * @param next what to pass as {@code after} for the following page (null: this is the last one)
     */
    record Page(int page, int size, long total, List<ApprovedProject> projects, String next) {}

    static final List<String> COLUMNS = List.of(
            "code",
            "title",
            "programme",
            "contentCode",
            "contentName",
            "supportKind",
            "supportKindName",
            "communeCode",
            "communeName",
            "year",
            "startsOn",
            "endsOn",
            "decisionNumber",
            "decidedOn",
            "supportApproved",
            "supportPaid",
            "counterpartCommitted",
            "counterpartRealised",
            "status",
            "acceptedOn",
            "workersTrained",
            "machinesInstalled",
            "products",
            "fairsAttended");

    private static final String COLUMNS_AND_JOINS = """
            select d.code, d.title, d.programme, d.content_code, c.name as content_name, d.support_kind,
                   k.name as kind_name, d.commune_code, u.name as commune_name,
                   cast(extract(year from d.starts_on) as int) as year, d.starts_on, d.ends_on, dd.decision_number,
                   cast(dd.decided_at at time zone 'Asia/Ho_Chi_Minh' as date) as decided_on,
                   coalesce(mp.approved_amount, dd.approved_amount) as approved,
                   coalesce(s.total_support_paid, (select sum(p.amount) from disbursement p where p.dossier_id = d.id), 0)
                       as paid,
                   coalesce(d.counterpart_funds, 0) as committed, s.counterpart_realised, d.status,
                   case when s.outcome = 'COMPLETED' then s.settled_on end as accepted_on,
                   case when s.outcome = 'COMPLETED' then s.workers_trained end as workers_trained,
                   case when s.outcome = 'COMPLETED' then s.machines_installed end as machines_installed,
                   case when s.outcome = 'COMPLETED' then s.products end as products,
                   case when s.outcome = 'COMPLETED' then s.fairs_attended end as fairs_attended
            from dossier d
            join dossier_decision dd on dd.dossier_id = d.id
            left join monitored_project mp on mp.dossier_id = d.id
            left join settlement s on s.dossier_id = d.id
            left join support_content c on c.code = d.content_code
            left join support_kind k on k.code = d.support_kind
            left join administrative_unit u on u.code = d.commune_code
            """;

    private static final String PROJECTS =
            " where d.status in " + StatisticsQueries.PROJECT_STATES + " and " + StatisticsQueries.FILTER;

    private static final String SELECT = COLUMNS_AND_JOINS + PROJECTS;

    /** The one order of the list, served by the index {@code dossier_open_data}; nulls last, as plain order by. */
    private static final String ORDER = " order by coalesce(d.starts_on, date 'infinity'), d.code";

    private final JdbcClient jdbc;

    OpenData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The page of that number. The projects before it are counted through on the index alone, and only the page's own
     * projects are joined to their decision, project and settlement (a deferred join): a deep page costs the walk
     * through the index, not the reading of every project before it.
     */
    Page page(StatisticsFilter filter, int page, int size) {
        List<ApprovedProject> projects = StatisticsQueries.bind(
                        jdbc.sql(COLUMNS_AND_JOINS
                                + " join (select d.id from dossier d" + PROJECTS + ORDER
                                + " limit :limit offset :offset) page"
                                + " on page.id = d.id" + ORDER),
                        filter)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query(OpenData::map)
                .list();
        return page(filter, page, size, projects);
    }

    /**
     * The page that follows the project of code {@code after} (keyset paging): found through the index, as quick deep
     * in the list as at its start. An unknown code is refused.
     */
    Page pageAfter(StatisticsFilter filter, String after, int size) {
        boolean known = jdbc.sql("select count(*) from dossier d where d.code = ? and d.status in "
                                + StatisticsQueries.PROJECT_STATES)
                        .param(after)
                        .query(Long.class)
                        .single()
                > 0;
        if (!known) {
            throw ProblemException.invalidField("after", "Không có đề án được phê duyệt mang mã này.");
        }
        List<ApprovedProject> projects = StatisticsQueries.bind(
                        jdbc.sql(SELECT + """
                 and (coalesce(d.starts_on, date 'infinity'), d.code)
                     > (select coalesce(a.starts_on, date 'infinity'), a.code from dossier a where a.code = :after)""" + ORDER + " limit :limit"), filter)
                .param("after", after)
                .param("limit", size)
                .query(OpenData::map)
                .list();
        return page(filter, 0, size, projects);
    }

    private Page page(StatisticsFilter filter, int page, int size, List<ApprovedProject> projects) {
        long total = StatisticsQueries.bind(
                        jdbc.sql("select count(*) from dossier d where d.status in " + StatisticsQueries.PROJECT_STATES
                                + " and " + StatisticsQueries.FILTER),
                        filter)
                .query(Long.class)
                .single();
        String next = projects.size() == size ? projects.getLast().code() : null;
        return new Page(page, size, total, projects, next);
    }

    /**
     * The CSV lines of every approved project of the filter, in the list's order, as UTF-8 bytes without their line
     * break. They are kept ready by the database (table {@code open_data_line}, migration V64) in the transaction of
     * every change, so the file reads one table in index order and never lags behind the data. To be called in a
     * transaction (the planner setting it makes lasts until its end).
     */
    void lines(StatisticsFilter filter, Consumer<byte[]> consumer) {
        // only the conditions the filter holds, so that every plan, generic or not, walks the index in its order
        // (an "is null or" condition for each part made the generic plan read the whole table and sort it)
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.fromYear() != null) {
            conditions.add("coalesce(d.starts_on, date 'infinity') >= make_date(:fromYear, 1, 1)");
            params.put("fromYear", filter.fromYear());
        }
        if (filter.toYear() != null) {
            conditions.add("coalesce(d.starts_on, date 'infinity') < make_date(:toYear + 1, 1, 1)");
            params.put("toYear", filter.toYear());
        }
        if (filter.programme() != null) {
            conditions.add("d.programme = :programme");
            params.put("programme", filter.programme().name());
        }
        if (filter.contentCode() != null) {
            conditions.add("d.content_code = :content");
            params.put("content", filter.contentCode());
        }
        if (filter.communeCode() != null) {
            conditions.add("d.commune_code = :commune");
            params.put("commune", filter.communeCode());
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        // the file streams in the index's order from its first line: a sort of the whole table first (what the planner
        // prefers once the lines are no longer stored in that order) delays the first byte by the sort, on disk
        jdbc.sql("set local enable_sort = off").update();
        try (var rows = jdbc
                .sql("select d.line from open_data_line d" + where + ORDER)
                .params(params)
                .withFetchSize(FETCH_SIZE)
                .query((rs, row) -> rs.getBytes(1))
                .stream()) {
            rows.forEach(consumer);
        }
    }

    private static ApprovedProject map(ResultSet rs, int row) throws SQLException {
        java.sql.Date starts = rs.getDate("starts_on");
        java.sql.Date ends = rs.getDate("ends_on");
        java.sql.Date decided = rs.getDate("decided_on");
        java.sql.Date accepted = rs.getDate("accepted_on");
        return new ApprovedProject(
                rs.getString("code"),
                rs.getString("title"),
                rs.getString("programme"),
                rs.getString("content_code"),
                rs.getString("content_name"),
                rs.getString("support_kind"),
                rs.getString("kind_name"),
                rs.getString("commune_code"),
                rs.getString("commune_name"),
                (Integer) rs.getObject("year"),
                starts == null ? null : starts.toLocalDate(),
                ends == null ? null : ends.toLocalDate(),
                rs.getString("decision_number"),
                decided == null ? null : decided.toLocalDate(),
                rs.getLong("approved"),
                rs.getLong("paid"),
                rs.getLong("committed"),
                rs.getObject("counterpart_realised", Long.class),
                rs.getString("status"),
                accepted == null ? null : accepted.toLocalDate(),
                (Integer) rs.getObject("workers_trained"),
                (Integer) rs.getObject("machines_installed"),
                (Integer) rs.getObject("products"),
                (Integer) rs.getObject("fairs_attended"));
    }
}
