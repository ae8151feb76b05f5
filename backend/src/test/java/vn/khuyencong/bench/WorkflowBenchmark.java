package vn.khuyencong.bench;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.khuyencong.KhuyenCongApplication;
import vn.khuyencong.identity.CurrentUser;
import vn.khuyencong.identity.Role;
import vn.khuyencong.support.Api;
import vn.khuyencong.support.Fixtures;
import vn.khuyencong.workflow.DossierEvent;
import vn.khuyencong.workflow.DossierWorkflow;
import vn.khuyencong.workflow.TransitionRequest;

/**
 * Transitions per second and latency of the workflow from 8 concurrent clients, in-process through the service
 * layer and over HTTP with real tokens (wrk as the client, one connection per client: like pgbench, a load generator
 * in C that costs the server's two cores little), side by side with pgbench running the SQL statements one
 * transition issues (the database's own ceiling on this machine). Each client fires ASSIGN, a transition that keeps the state and so
 * can repeat, on a dossier of its own. Prints a table; run it with {@code backend/bench/workflow.sh}.
 */
public final class WorkflowBenchmark {

    static final int CLIENTS = 8;
    /** pgbench's warm-up, and the least each path of the backend warms up before its JIT compilers are watched. */
    static final Duration WARM_UP =
            Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault("BENCH_WARM_UP", "15")));
    /**
     * The most a path of the backend warms up: Tomcat, the filters, the state machine and JDBC are thousands of
     * methods, and one C2 compiler thread (two cores) still took a fifth of a core 60 s into the HTTP run.
     */
    static final Duration WARM_UP_MAX =
            Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault("BENCH_WARM_UP_MAX", "300")));
    /**
     * Settled: the JIT compilers' elapsed time over the last slice is under this share of its wall time. Elapsed, not
     * CPU, time: on busy cores a compilation waiting for a core counts too, so the warm-up errs on the long side.
     */
    static final double JIT_SETTLED = 0.05;

    static final Duration SLICE = Duration.ofSeconds(5);

    public static void main(String[] args) throws Exception {
        Duration duration = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 20);
        String database = "kc_bench_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
        int port = freePort();
        Path data = Files.createTempDirectory("kc-bench");
        // command-line arguments: they take precedence over application.yaml's defaults
        ConfigurableApplicationContext app = new SpringApplicationBuilder(KhuyenCongApplication.class)
                .initializers(context -> context.getBeanFactory().addBeanPostProcessor(new StatementCapture()))
                .run(
                        "--server.port=" + port,
                        "--kc.public-url=http://localhost:" + port,
                        "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + database,
                        "--kc.data-dir=" + data,
                        "--logging.level.root=WARN",
                        "--spring.main.banner-mode=off");
        try {
            Api anonymous = Api.at("http://localhost:" + port);
            Fixtures the = new Fixtures(anonymous);
            List<UUID> dossiers = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                dossiers.add(UUID.fromString(the.submitted()));
            }
            DossierWorkflow workflow = app.getBean(DossierWorkflow.class);
            CurrentUser reviewer = new CurrentUser(
                    "thamdinh", "thamdinh", "Hoàng Văn Thắng", Set.of(Role.REVIEWER), null, "000.00.15.H55");
            TransitionRequest assign = new TransitionRequest(null, null, null, null, null, null, null, "thamdinh");

            System.out.printf(
                    "Workflow benchmark: %d clients, %d s per run after a warm-up of %d s or more (until the"
                            + " JIT compilers settle, at most %d s), database %s%n",
                    CLIENTS, duration.toSeconds(), WARM_UP.toSeconds(), WARM_UP_MAX.toSeconds(), database);

            Thread.sleep(2000); // the fixtures' own after-commit work settles first
            List<String> statements = StatementCapture.during(
                    () -> workflow.fire(dossiers.get(0), DossierEvent.ASSIGN, reviewer, assign), Duration.ofSeconds(2));
            List<String> issued =
                    statements.stream().map(StatementCapture::shape).toList();
            List<String> scripted =
                    PgBench.statements().stream().map(StatementCapture::shape).toList();
            System.out.println("Statements of one transition: " + issued);
            if (!issued.equals(scripted)) {
                statements.forEach(sql -> System.out.println("  " + sql.strip().replaceAll("\\s+", " ")));
                throw new IllegalStateException("pgbench's script no longer issues what a transition issues: "
                        + scripted + " (update PgBench.SCRIPT)");
            }

            Result inProcess = run(
                    "in-process",
                    duration,
                    client -> workflow.fire(dossiers.get(client), DossierEvent.ASSIGN, reviewer, assign));

            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                tokens.add(anonymous.as("thamdinh").token());
            }
            Result http = Wrk.run("http://localhost:" + port, dossiers, tokens, duration);

            Result ceiling = PgBench.run(database, dossiers, duration);

            System.out.println();
            System.out.println("| path | transitions/s | p50 ms | p95 ms | p99 ms | errors | share of ceiling |");
            System.out.println("|---|---|---|---|---|---|---|");
            print("pgbench, same SQL (ceiling)", ceiling, ceiling);
            print("in-process, service layer", inProcess, ceiling);
            print("HTTP, real tokens", http, ceiling);
        } finally {
            app.close();
        }
    }

    static void print(String name, Result r, Result ceiling) {
        System.out.printf(
                Locale.ROOT,
                "| %s | %.0f | %.2f | %.2f | %.2f | %d | %.0f%% |%n",
                name,
                r.perSecond(),
                r.p50(),
                r.p95(),
                r.p99(),
                r.errors(),
                100 * r.perSecond() / ceiling.perSecond());
    }

    record Result(double perSecond, double p50, double p95, double p99, long errors) {

        static Result of(long count, Duration duration, double[] latencies, long errors) {
            Arrays.sort(latencies);
            return new Result(
                    count / (duration.toNanos() / 1e9),
                    percentile(latencies, 50),
                    percentile(latencies, 95),
                    percentile(latencies, 99),
                    errors);
        }

        static double percentile(double[] sorted, double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
        }
    }

    /** Runs a path of the backend for one slice of the warm-up. */
    interface Slice {
        void run(Duration duration) throws Exception;
    }

    /**
     * Warms a path up until the JIT compilers have settled (or {@link #WARM_UP_MAX}): at least {@link #WARM_UP},
     * then slices of 5 s until the compilers' time in the last slice is under {@link #JIT_SETTLED} of its wall time.
     * A server runs for days; a measurement taken while C2 still compiles the request path measures the warm-up.
     */
    static void warmUp(String path, Slice slice) throws Exception {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long start = System.nanoTime();
        slice.run(WARM_UP);
        double share;
        do {
            long compiling = jit.getTotalCompilationTime();
            long t0 = System.nanoTime();
            slice.run(SLICE);
            share = (jit.getTotalCompilationTime() - compiling) / ((System.nanoTime() - t0) / 1e6);
        } while (share > JIT_SETTLED && System.nanoTime() - start < WARM_UP_MAX.toNanos());
        System.out.printf(
                Locale.ROOT,
                "%s: warmed up for %.0f s; JIT compilers %.1f%% of the last %d s%s%n",
                path,
                (System.nanoTime() - start) / 1e9,
                100 * share,
                SLICE.toSeconds(),
                share > JIT_SETTLED ? " (not settled: BENCH_WARM_UP_MAX reached)" : "");
    }

    /** Each client loops on its own dossier: warm-up first, then measured for {@code duration}. */
    static Result run(String path, Duration duration, IntConsumer transition) throws Exception {
        warmUp(path, d -> loop(d, transition));
        List<double[]> perClient = loop(duration, transition);
        double[] all = perClient.stream()
                .flatMapToDouble(Arrays::stream)
                .filter(v -> v >= 0)
                .toArray();
        long errors = perClient.stream()
                .flatMapToDouble(Arrays::stream)
                .filter(v -> v < 0)
                .count();
        return Result.of(all.length, duration, all, errors);
    }

    static List<double[]> loop(Duration duration, IntConsumer transition) throws Exception {
        CyclicBarrier start = new CyclicBarrier(CLIENTS);
        try (ExecutorService pool = Executors.newFixedThreadPool(CLIENTS)) {
            List<Future<double[]>> futures = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                futures.add(pool.submit(() -> {
                    start.await();
                    long end = System.nanoTime() + duration.toNanos();
                    double[] latencies = new double[1024];
                    int n = 0;
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        double latency;
                        try {
                            transition.accept(client);
                            latency = (System.nanoTime() - t0) / 1e6;
                        } catch (RuntimeException e) {
                            latency = -1;
                        }
                        if (n == latencies.length) {
                            latencies = Arrays.copyOf(latencies, n * 2);
                        }
                        latencies[n++] = latency;
                    }
                    return Arrays.copyOf(latencies, n);
                }));
            }
            List<double[]> results = new ArrayList<>();
            for (Future<double[]> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** wrk with {@code bench/transition.lua}: each of its threads owns one connection, one dossier and one token. */
    static final class Wrk {

        static Result run(String baseUrl, List<UUID> dossiers, List<String> tokens, Duration duration)
                throws Exception {
            warmUp("HTTP", d -> wrk(baseUrl, dossiers, tokens, d));
            String[] result = wrk(baseUrl, dossiers, tokens, duration);
            long requests = Long.parseLong(result[1]);
            double seconds = Long.parseLong(result[2]) / 1e6;
            return new Result(
                    requests / seconds,
                    Double.parseDouble(result[3]),
                    Double.parseDouble(result[4]),
                    Double.parseDouble(result[5]),
                    Long.parseLong(result[6]));
        }

        static String[] wrk(String baseUrl, List<UUID> dossiers, List<String> tokens, Duration duration)
                throws Exception {
            List<String> command = new ArrayList<>(List.of(
                    "wrk",
                    "-t",
                    String.valueOf(CLIENTS),
                    "-c",
                    String.valueOf(CLIENTS),
                    "-d",
                    duration.toSeconds() + "s",
                    "-s",
                    "bench/transition.lua",
                    baseUrl,
                    "--"));
            dossiers.forEach(id -> command.add(id.toString()));
            command.addAll(tokens);
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException("wrk failed:\n" + output);
            }
            output.lines().filter(line -> line.startsWith("FIRST-ERROR ")).forEach(System.out::println);
            output.lines()
                    .filter(line -> line.startsWith("ERRORS ") && !line.endsWith("status=0 timeout=0"))
                    .forEach(System.out::println);
            return output.lines()
                    .filter(line -> line.startsWith("RESULT "))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("wrk printed no result:\n" + output))
                    .split(" ");
        }
    }

    /**
     * pgbench with the statements of one ASSIGN transition, one dossier per client, prepared statements: the
     * transition, its history row and what the notices read, in one transaction (an assignment calls for no paper,
     * so no event publication is stored and nothing runs after the commit).
     */
    static final class PgBench {

        static final String SCRIPT = """
                \\set i :client_id + 1
                SELECT id AS did FROM bench_dossier WHERE n = :i \\gset
                BEGIN;
                SELECT id, code, organisation_id, agency_code, programme, funding_call_id, content_code, support_kind, title, commune_code, total_budget, requested_support, counterpart_funds, starts_on, ends_on, expected_outcomes, form_data::text AS form_data, status, version, created_by, created_at, updated_at, submitted_at, appointment_date, assigned_reviewer FROM dossier WHERE id = :did AND (organisation_id = NULL OR (agency_code = '000.00.15.H55' AND status <> 'DRAFT')) \\gset v_
                SELECT count(*) FROM user_account WHERE username = 'thamdinh' AND agency_code = '000.00.15.H55' AND enabled AND 'REVIEWER' = any(roles);
                UPDATE dossier SET status = 'SUBMITTED', version = version + 1, updated_at = now(), code = coalesce(NULL, code), submitted_at = coalesce(NULL, submitted_at), appointment_date = CASE WHEN false THEN NULL ELSE appointment_date END, processing_started_on = CASE WHEN false THEN NULL ELSE processing_started_on END, assigned_reviewer = coalesce('thamdinh', assigned_reviewer) WHERE id = :did AND version = :v_version AND status = 'SUBMITTED' RETURNING id, code, organisation_id, agency_code, programme, funding_call_id, content_code, support_kind, title, commune_code, total_budget, requested_support, counterpart_funds, starts_on, ends_on, expected_outcomes, form_data::text AS form_data, status, version, created_by, created_at, updated_at, submitted_at, appointment_date, assigned_reviewer;
                INSERT INTO dossier_history (dossier_id, event, from_state, to_state, actor, actor_role, comment, occurred_at) VALUES (:did, 'ASSIGN', 'SUBMITTED', 'SUBMITTED', 'thamdinh', 'REVIEWER', 'thamdinh', now());
                SELECT id, code, organisation_id, agency_code, programme, funding_call_id, content_code, support_kind, title, commune_code, total_budget, requested_support, counterpart_funds, starts_on, ends_on, expected_outcomes, form_data::text AS form_data, status, version, created_by, created_at, updated_at, submitted_at, appointment_date, assigned_reviewer FROM dossier WHERE id = :did;
                SELECT id, event, from_state, to_state, actor, actor_role, comment, occurred_at FROM dossier_history WHERE dossier_id = :did ORDER BY id DESC LIMIT 1;
                SELECT username, display_name, email FROM user_account WHERE username = 'thamdinh' AND enabled;
                COMMIT;
                """;

        /** The transition's statements in the script: without pgbench's own lookup and the transaction's bounds. */
        static List<String> statements() {
            return SCRIPT.lines()
                    .filter(line -> !line.startsWith("\\")
                            && !line.contains("bench_dossier")
                            && !line.equals("BEGIN;")
                            && !line.equals("COMMIT;"))
                    .toList();
        }

        static Result run(String database, List<UUID> dossiers, Duration duration) throws Exception {
            Path dir = Files.createTempDirectory("kc-pgbench");
            try (var c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "")) {
                c.createStatement()
                        .execute("create table if not exists bench_dossier (n int primary key, id uuid not null)");
                c.createStatement().execute("truncate bench_dossier");
                var insert = c.prepareStatement("insert into bench_dossier (n, id) values (?, ?)");
                for (int i = 0; i < dossiers.size(); i++) {
                    insert.setInt(1, i + 1);
                    insert.setObject(2, dossiers.get(i));
                    insert.executeUpdate();
                }
            }
            Path script = dir.resolve("assign.sql");
            Files.writeString(script, SCRIPT);
            pgbench(dir, database, script, WARM_UP, false);
            pgbench(dir, database, script, duration, true);
            double[] latencies;
            try (Stream<Path> logs = Files.list(dir)) {
                latencies = logs.filter(p -> p.getFileName().toString().startsWith("pgbench_log"))
                        .flatMap(p -> {
                            try {
                                return Files.readAllLines(p).stream();
                            } catch (IOException e) {
                                throw new IllegalStateException(e);
                            }
                        })
                        .mapToDouble(line -> Long.parseLong(line.split(" ")[2]) / 1000.0)
                        .toArray();
            }
            try (var c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "")) {
                c.createStatement().execute("drop table bench_dossier");
            }
            return Result.of(latencies.length, duration, latencies, 0);
        }

        static void pgbench(Path dir, String database, Path script, Duration duration, boolean log) throws Exception {
            List<String> command = new ArrayList<>(List.of(
                    "pgbench",
                    "-h",
                    "127.0.0.1",
                    "-U",
                    "postgres",
                    "-n",
                    "-M",
                    "prepared",
                    "-c",
                    String.valueOf(CLIENTS),
                    "-j",
                    "2",
                    "-T",
                    String.valueOf(duration.toSeconds()),
                    "-f",
                    script.toString()));
            if (log) {
                command.add("-l");
            }
            command.add(database);
            Process process = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException("pgbench failed:\n" + output);
            }
        }
    }
}
