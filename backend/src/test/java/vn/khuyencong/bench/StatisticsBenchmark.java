package vn.khuyencong.bench;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.khuyencong.KhuyenCongApplication;
import vn.khuyencong.support.Api;

/**
 * Response times of the statistics endpoints over HTTP on a database of {@code N} dossiers (100,000 by default) with
 * their history, decisions, payments, acceptance records and settlements, generated in bulk by SQL. Prints the
 * median of several calls per endpoint after a warm-up; run it with {@code backend/bench/statistics.sh}.
 */
public final class StatisticsBenchmark {

    static final int WARM_UP = 3;
    static final int CALLS = 9;

    public static void main(String[] args) throws Exception {
        int dossiers = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        String database = "kc_bench_stats_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path data = Files.createTempDirectory("kc-bench");
        ConfigurableApplicationContext app = new SpringApplicationBuilder(KhuyenCongApplication.class)
                .run(
                        "--server.port=" + port,
                        "--kc.public-url=http://localhost:" + port,
                        "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + database,
                        "--kc.data-dir=" + data,
                        "--logging.level.root=WARN",
                        "--spring.main.banner-mode=off",
                        // one client asks again and again: the per-client limit would stop it, not measure it
                        "--kc.security.rate-limits.public-statistics-per-client.capacity=1000000");
        try {
            long started = System.nanoTime();
            generate(database, dossiers);
            System.out.printf(
                    Locale.ROOT,
                    "Statistics benchmark: %,d dossiers generated in %.0f s, database %s%n",
                    dossiers,
                    (System.nanoTime() - started) / 1e9,
                    database);
            Api anonymous = Api.at("http://localhost:" + port);
            Api officer = anonymous.as("thamdinh");
            Map<String, Api> endpoints = new LinkedHashMap<>();
            endpoints.put("/api/v1/public/statistics", anonymous);
            endpoints.put("/api/v1/public/statistics?fromYear=2016&toYear=2016", anonymous);
            endpoints.put("/api/v1/public/statistics?programme=NATIONAL&contentCode=TECHNOLOGY_TRANSFER", anonymous);
            endpoints.put("/api/v1/statistics/dashboard", officer);
            endpoints.put("/api/v1/statistics/dashboard?fromYear=2014&toYear=2018&communeCode=19003", officer);
            endpoints.put("/api/v1/statistics/export.csv", officer);
            endpoints.put("/api/v1/statistics/export.xlsx", officer);
            endpoints.put("/api/v1/public/open-data/approved-projects.json?page=0&size=100", anonymous);
            endpoints.put("/api/v1/public/open-data/approved-projects.json?page=300&size=100", anonymous);
            endpoints.put(
                    "/api/v1/public/open-data/approved-projects.json?after=" + lastOfPage(database, 299, 100)
                            + "&size=100",
                    anonymous);
            endpoints.put(
                    "/api/v1/public/open-data/approved-projects.json?fromYear=2016&toYear=2016&size=1000", anonymous);
            endpoints.put("/api/v1/public/open-data/approved-projects.csv?fromYear=2016&toYear=2016", anonymous);
            endpoints.put("/api/v1/public/open-data/approved-projects.csv", anonymous);
            // nothing is kept between requests: every call computes its report from the committed data
            System.out.printf("| endpoint | median ms | min | max | bytes |%n|---|---|---|---|---|%n");
            for (Map.Entry<String, Api> endpoint : endpoints.entrySet()) {
                double[] times = new double[CALLS];
                int bytes = 0;
                for (int i = 0; i < WARM_UP + CALLS; i++) {
                    long t0 = System.nanoTime();
                    Api.Response response = endpoint.getValue().get(endpoint.getKey());
                    double ms = (System.nanoTime() - t0) / 1e6;
                    if (response.status() != 200) {
                        throw new IllegalStateException(
                                endpoint.getKey() + ": " + response.status() + " " + response.body());
                    }
                    bytes = response.body().getBytes(StandardCharsets.UTF_8).length;
                    if (i >= WARM_UP) {
                        times[i - WARM_UP] = ms;
                    }
                }
                Arrays.sort(times);
                System.out.printf(
                        Locale.ROOT,
                        "| `%s` | %.0f | %.0f | %.0f | %,d |%n",
                        endpoint.getKey(),
                        times[CALLS / 2],
                        times[0],
                        times[CALLS - 1],
                        bytes);
            }
        } finally {
            app.close();
        }
    }

    /** The code of the last project of a page of the open data list, to ask for the page after it by key. */
    static String lastOfPage(String database, int page, int size) throws Exception {
        try (Connection c =
                        DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "");
                Statement s = c.createStatement();
                var rs = s.executeQuery("select code from dossier where status in "
                        + "('APPROVED', 'MONITORED', 'COMPLETED', 'TERMINATED') "
                        + "order by coalesce(starts_on, date 'infinity'), code offset " + ((page + 1) * size - 1)
                        + " limit 1")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Dossiers in every state, spread over 2014–2027, nine contents and eight communes, with what each state implies. */
    static void generate(String database, int n) throws Exception {
        try (Connection c =
                        DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("""
                    insert into organisation (id, tax_code, name, org_type, commune_code)
                    select md5('bench-org-' || i)::uuid, lpad((4800000000 + i)::text, 10, '0'), 'Cơ sở thử tải ' || i,
                           'COOPERATIVE', '1900' || (1 + i % 8)
                    from generate_series(1, 2000) i""");
            s.execute("""
                    create temporary table bench_plan as
                    select i, md5('bench-dossier-' || i)::uuid as id,
                           (array['VOCATIONAL_TRAINING','START_UP','DEMONSTRATION_MODEL','MACHINERY','FAIR','CONSULTING',
                                  'INFORMATION','BUSINESS_CLUSTER','INTERNATIONAL','PROMOTION_CAPACITY'])[1 + i % 10] as kind,
                           case when r < 0.04 then 'DRAFT' when r < 0.08 then 'WITHDRAWN' when r < 0.12 then 'SUBMITTED'
                                when r < 0.16 then 'UNDER_REVIEW' when r < 0.18 then 'SUPPLEMENT_REQUESTED'
                                when r < 0.21 then 'REVIEWED' when r < 0.31 then 'REJECTED' when r < 0.35 then 'APPROVED'
                                when r < 0.50 then 'MONITORED' when r < 0.95 then 'COMPLETED' else 'TERMINATED' end as status,
                           timestamptz '2013-09-01 09:00+07' + (i % 4700) * interval '1 day' + (i % 7) * interval '1 hour'
                               as submitted_at,
                           10000000 * (1 + i % 20) as support, 15000000 * (1 + i % 37) as counterpart,
                           1 + i % 25 as decision_days, i % 10 = 3 as supplement
                    from (select i, random() as r from generate_series(1, N) i) g""".replace("generate_series(1, N)", "generate_series(1, " + n + ")"));
            s.execute("""
                    insert into dossier (id, code, organisation_id, agency_code, programme, content_code, support_kind, title,
                                         commune_code, total_budget, requested_support, counterpart_funds, starts_on, ends_on,
                                         status, created_by, created_at, updated_at, submitted_at, appointment_date,
                                         processing_started_on)
                    select p.id, case when p.status <> 'DRAFT' then 'BENCH-' || lpad(p.i::text, 7, '0') end,
                           md5('bench-org-' || (1 + p.i % 2000))::uuid, '000.00.15.H55',
                           case when p.i % 3 = 0 then 'NATIONAL' else 'LOCAL' end, k.content_code, p.kind,
                           'Đề án thử tải ' || p.i, '1900' || (1 + p.i % 8), p.support + p.counterpart, p.support,
                           p.counterpart, cast(p.submitted_at + interval '4 months' as date),
                           cast(p.submitted_at + interval '10 months' as date), p.status, 'bench', p.submitted_at,
                           p.submitted_at, case when p.status <> 'DRAFT' then p.submitted_at end,
                           cast(p.submitted_at + interval '21 days' as date), cast(p.submitted_at as date)
                    from bench_plan p join support_kind k on k.code = p.kind""");
            s.execute("""
                    insert into dossier_history (dossier_id, event, from_state, to_state, actor, actor_role, occurred_at)
                    select p.id, e.event, e.from_state, e.to_state, 'bench', e.role, p.submitted_at + e.after
                    from bench_plan p
                    cross join lateral (values
                        ('SUBMIT', 'DRAFT', 'SUBMITTED', 'ENTERPRISE', interval '0', p.status <> 'DRAFT'),
                        ('WITHDRAW', 'SUBMITTED', 'WITHDRAWN', 'ENTERPRISE', interval '1 day', p.status = 'WITHDRAWN'),
                        ('START_REVIEW', 'SUBMITTED', 'UNDER_REVIEW', 'REVIEWER', interval '1 day',
                         p.status not in ('DRAFT', 'WITHDRAWN', 'SUBMITTED')),
                        ('REQUEST_SUPPLEMENT', 'UNDER_REVIEW', 'SUPPLEMENT_REQUESTED', 'REVIEWER', interval '2 days',
                         p.supplement and p.status not in ('DRAFT', 'WITHDRAWN', 'SUBMITTED', 'UNDER_REVIEW')
                         or p.status = 'SUPPLEMENT_REQUESTED'),
                        ('RESUBMIT', 'SUPPLEMENT_REQUESTED', 'UNDER_REVIEW', 'ENTERPRISE', interval '4 days',
                         p.supplement and p.status not in ('DRAFT', 'WITHDRAWN', 'SUBMITTED', 'UNDER_REVIEW', 'SUPPLEMENT_REQUESTED')),
                        ('RECOMMEND', 'UNDER_REVIEW', 'REVIEWED', 'REVIEWER', (p.decision_days - 1) * interval '1 day',
                         p.status in ('REVIEWED', 'APPROVED', 'MONITORED', 'COMPLETED', 'TERMINATED')),
                        ('REJECT', 'UNDER_REVIEW', 'REJECTED', 'REVIEWER', p.decision_days * interval '1 day', p.status = 'REJECTED'),
                        ('APPROVE', 'REVIEWED', 'APPROVED', 'APPROVER', p.decision_days * interval '1 day',
                         p.status in ('APPROVED', 'MONITORED', 'COMPLETED', 'TERMINATED')),
                        ('START_MONITORING', 'APPROVED', 'MONITORED', 'MONITOR', (p.decision_days + 2) * interval '1 day',
                         p.status in ('MONITORED', 'COMPLETED', 'TERMINATED')),
                        ('ACCEPT', 'MONITORED', 'COMPLETED', 'MONITOR', interval '300 days', p.status = 'COMPLETED'),
                        ('TERMINATE', 'MONITORED', 'TERMINATED', 'APPROVER', interval '200 days', p.status = 'TERMINATED')
                    ) e(event, from_state, to_state, role, after, happened)
                    where e.happened
                    order by p.i""");
            s.execute("""
                    insert into supplement_request (dossier_id, reasons, items, requested_by, requested_at, answered_at)
                    select p.id, 'Thiếu báo giá', '["Báo giá"]', 'bench', p.submitted_at + interval '2 days',
                           case when p.status <> 'SUPPLEMENT_REQUESTED' then p.submitted_at + interval '4 days' end
                    from bench_plan p
                    where p.supplement and p.status not in ('DRAFT', 'WITHDRAWN', 'SUBMITTED', 'UNDER_REVIEW')
                       or p.status = 'SUPPLEMENT_REQUESTED'""");
            s.execute("""
                    insert into dossier_decision (dossier_id, decision_number, approved_amount, decided_by, decided_at)
                    select p.id, 'BENCH-' || p.i || '/QĐ', p.support * 9 / 10, 'bench',
                           p.submitted_at + p.decision_days * interval '1 day'
                    from bench_plan p where p.status in ('APPROVED', 'MONITORED', 'COMPLETED', 'TERMINATED')""");
            s.execute("""
                    insert into monitored_project (dossier_id, started_on, approved_amount, ends_on, commune_code)
                    select p.id, cast(p.submitted_at + (p.decision_days + 2) * interval '1 day' as date), p.support * 9 / 10,
                           cast(p.submitted_at + interval '10 months' as date), '1900' || (1 + p.i % 8)
                    from bench_plan p where p.status in ('MONITORED', 'COMPLETED', 'TERMINATED')""");
            s.execute("""
                    insert into disbursement (dossier_id, kind, amount, paid_on, reference, recorded_by, recorded_at)
                    select p.id, d.kind, d.amount, cast(p.submitted_at + d.after as date), 'BENCH-' || p.i, 'bench',
                           p.submitted_at + d.after
                    from bench_plan p
                    cross join lateral (values ('ADVANCE', p.support * 9 / 10 / 2, interval '60 days'),
                                               ('PAYMENT', p.support * 9 / 10 - p.support * 9 / 10 / 2, interval '290 days')) d(kind, amount, after)
                    where p.status in ('MONITORED', 'COMPLETED', 'TERMINATED')
                      and (d.kind = 'ADVANCE' or p.status = 'COMPLETED')""");
            s.execute("""
                    insert into acceptance_record (dossier_id, accepted_on, workers_trained, machines_installed,
                           machines_working, products, fairs_attended, counterpart_realised, conclusion, recorded_by, recorded_at)
                    select p.id, cast(p.submitted_at + interval '300 days' as date), p.i % 50, p.i % 4, p.i % 4, p.i % 9,
                           p.i % 3, p.counterpart, 'Đạt', 'bench', p.submitted_at + interval '300 days'
                    from bench_plan p where p.status = 'COMPLETED'""");
            s.execute("""
                    insert into settlement (dossier_id, outcome, agency_code, programme, content_code, support_kind,
                           commune_code, approved_amount, advances_paid, payments_made, total_support_paid,
                           counterpart_realised, workers_trained, machines_installed, machines_working, products,
                           fairs_attended, settled_on, settled_at)
                    select d.id, d.status, d.agency_code, d.programme, d.content_code, d.support_kind, d.commune_code,
                           dd.approved_amount,
                           coalesce((select sum(amount) from disbursement x where x.dossier_id = d.id and x.kind = 'ADVANCE'), 0),
                           coalesce((select sum(amount) from disbursement x where x.dossier_id = d.id and x.kind = 'PAYMENT'), 0),
                           coalesce((select sum(amount) from disbursement x where x.dossier_id = d.id), 0),
                           case when d.status = 'COMPLETED' then d.counterpart_funds else d.counterpart_funds / 3 end,
                           coalesce(a.workers_trained, 0), coalesce(a.machines_installed, 0),
                           coalesce(a.machines_working, 0), coalesce(a.products, 0), coalesce(a.fairs_attended, 0),
                           cast(d.submitted_at + interval '300 days' as date), d.submitted_at + interval '300 days'
                    from dossier d join dossier_decision dd on dd.dossier_id = d.id
                    left join acceptance_record a on a.dossier_id = d.id
                    where d.status in ('COMPLETED', 'TERMINATED') and d.created_by = 'bench'""");
            // what the periodic compaction does within minutes: one row per group after the bulk statements
            s.execute("select statistics_group_compact()");
            s.execute("vacuum analyze");
        }
    }
}
