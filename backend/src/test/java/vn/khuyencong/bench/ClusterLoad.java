package vn.khuyencong.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import vn.khuyencong.support.Api;
import vn.khuyencong.support.Cluster;
import vn.khuyencong.support.Fixtures;

/**
 * A mixed workload against two instances behind nginx ({@link Cluster}): citizens looking dossiers up by code
 * (each from its own address, as the proxy reports it), enterprises saving drafts, uploading their documents and
 * submitting, officers taking submitted dossiers through review, recommendation and approval. Every virtual user
 * thinks about a second between steps. Prints throughput, p50/p95/p99 per operation and the errors.
 *
 * <p>The instances run as deployed ({@link Cluster#AS_DEPLOYED}; {@code BENCH_INSTANCE_JAVA_OPTS} adds options,
 * e.g. a flight recording). The workload first runs for {@code BENCH_WARM_UP} seconds (default 120) as a warm-up
 * whose latencies are not in the table (its requests and errors are counted and printed): the instances' JIT
 * compilers take most of it to compile the request paths. (Their own compilation-time metric is no guide on a
 * saturated machine: it counts the wall time of each compilation, waiting for a core included.)
 *
 * <p>Usage: {@code bench/load.sh [virtual users, default 200] [seconds, default 300]}
 */
public final class ClusterLoad {

    /** Latencies in microseconds per operation, and unexpected answers. */
    static final Map<String, ConcurrentLinkedQueue<Long>> LATENCIES = new ConcurrentHashMap<>();

    static final Map<String, AtomicLong> ERRORS = new ConcurrentHashMap<>();
    static final List<String> FIRST_ERRORS = Collections.synchronizedList(new ArrayList<>());
    static final Map<String, Boolean> WRITES = new ConcurrentHashMap<>();

    static final byte[] DOCUMENT = document(100 * 1024);

    static final Duration WARM_UP =
            Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault("BENCH_WARM_UP", "120")));

    /** Requests started before this instant ({@link System#nanoTime()}) belong to the warm-up. */
    static volatile long measuredFrom = Long.MAX_VALUE;
    /** When the virtual users stop: set once the warm-up is over. */
    static volatile Instant end = Instant.MAX;

    static final AtomicLong WARM_UP_REQUESTS = new AtomicLong();
    static final AtomicLong WARM_UP_ERRORS = new AtomicLong();

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        List<String> jvm = new ArrayList<>(Cluster.AS_DEPLOYED);
        String extra =
                System.getenv().getOrDefault("BENCH_INSTANCE_JAVA_OPTS", "").strip();
        if (!extra.isEmpty()) {
            jvm.addAll(List.of(extra.split("\\s+")));
        }
        try (Cluster cluster = Cluster.start(
                Map.of("spring.datasource.hikari.maximum-pool-size", "20", "logging.level.root", "WARN"), jvm)) {
            System.out.printf(
                    "Two instances at %s and %s behind nginx at %s%n",
                    cluster.a.url(), cluster.b.url(), cluster.publicUrl);
            run(cluster, users, Duration.ofSeconds(seconds));
        }
        // the SMTP and S3 servers of the test support keep threads of their own
        System.exit(ERRORS.values().stream().mapToLong(AtomicLong::get).sum() + WARM_UP_ERRORS.get() == 0 ? 0 : 1);
    }

    static void run(Cluster cluster, int users, Duration duration) throws Exception {
        Api proxy = Api.at(cluster.publicUrl);
        Fixtures fixtures = new Fixtures(proxy);
        // sign in once per role; every virtual user of a role uses that account's token
        fixtures.enterprise.token();
        fixtures.reviewer.token();
        fixtures.approver.token();
        List<String> codes = new CopyOnWriteArrayList<>();
        ConcurrentLinkedQueue<String> submitted = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < 10; i++) {
            String id = fixtures.submitted();
            codes.add(fixtures.enterprise
                    .get("/api/v1/dossiers/" + id)
                    .json()
                    .get("code")
                    .asString());
            submitted.add(id);
        }

        int citizens = users / 2;
        int enterprises = users * 3 / 10;
        List<Thread> threads = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            int user = u;
            Runnable loop;
            if (user < citizens) {
                loop = () -> citizen(proxy, user, codes);
            } else if (user < citizens + enterprises) {
                loop = () -> enterprise(fixtures.enterprise, codes, submitted);
            } else {
                loop = () -> officer(fixtures, submitted);
            }
            threads.add(Thread.ofVirtual().name("vu-" + user).start(loop));
        }
        Thread.sleep(WARM_UP);
        String warmUp = String.format(
                Locale.ROOT,
                "warm-up: %d s, %d requests, %d errors (not in the table)",
                WARM_UP.toSeconds(),
                WARM_UP_REQUESTS.get(),
                WARM_UP_ERRORS.get());
        measuredFrom = System.nanoTime();
        Instant started = Instant.now();
        end = started.plus(duration);
        for (Thread thread : threads) {
            thread.join();
        }
        System.out.println(warmUp);
        report(users, Duration.between(started, Instant.now()));
    }

    static void citizen(Api proxy, int user, List<String> codes) {
        // a documentation address per citizen (RFC 5737), as nginx passes it on in X-Forwarded-For
        Map<String, String> from = Map.of("X-Forwarded-For", "198.51." + (100 + user / 250) + "." + (1 + user % 250));
        think(ThreadLocalRandom.current().nextInt(1000));
        while (Instant.now().isBefore(end)) {
            String code = codes.get(ThreadLocalRandom.current().nextInt(codes.size()));
            call("lookup", false, 200, () -> proxy.get("/api/v1/public/dossiers/" + code, from));
            think(1000 + ThreadLocalRandom.current().nextInt(500));
        }
    }

    static void enterprise(Api enterprise, List<String> codes, ConcurrentLinkedQueue<String> submitted) {
        think(ThreadLocalRandom.current().nextInt(1000));
        while (Instant.now().isBefore(end)) {
            Api.Response draft = call(
                    "draft.create", true, 201, () -> enterprise.post("/api/v1/dossiers", Fixtures.aCompleteForm()));
            if (draft == null) {
                think(1000);
                continue;
            }
            String id = draft.json().get("id").asString();
            think(1000);
            call(
                    "draft.save",
                    true,
                    200,
                    () -> enterprise.put(
                            "/api/v1/dossiers/" + id,
                            Fixtures.with(
                                    Fixtures.aCompleteForm(), "expectedOutcomes", "Tạo việc làm cho 25 lao động.")));
            think(1000);
            Api.Response checklist =
                    call("checklist", false, 200, () -> enterprise.get("/api/v1/dossiers/" + id + "/checklist"));
            if (checklist == null) {
                continue;
            }
            for (JsonNode type : checklist.json().get("missing")) {
                think(1000);
                call(
                        "upload",
                        true,
                        201,
                        () -> enterprise.upload(
                                "/api/v1/dossiers/" + id + "/documents",
                                Map.of("documentType", type.asString()),
                                "file",
                                "tai-lieu.pdf",
                                DOCUMENT,
                                "application/pdf"));
            }
            think(1000);
            Api.Response submit = call(
                    "submit",
                    true,
                    200,
                    () -> enterprise.post("/api/v1/dossiers/" + id + "/transitions", Fixtures.event("SUBMIT")));
            if (submit != null) {
                codes.add(submit.json().get("code").asString());
                submitted.add(id);
            }
            think(1000);
        }
    }

    static void officer(Fixtures fixtures, ConcurrentLinkedQueue<String> submitted) {
        think(ThreadLocalRandom.current().nextInt(1000));
        while (Instant.now().isBefore(end)) {
            call("queue", false, 200, () -> fixtures.reviewer.get("/api/v1/queue?status=SUBMITTED"));
            think(1000);
            String id = submitted.poll();
            if (id == null) {
                continue;
            }
            String path = "/api/v1/dossiers/" + id + "/transitions";
            if (call("review.start", true, 200, () -> fixtures.reviewer.post(path, Fixtures.event("START_REVIEW")))
                    == null) {
                continue;
            }
            think(1000);
            if (call(
                            "review.recommend",
                            true,
                            200,
                            () -> fixtures.reviewer.post(
                                    path,
                                    Fixtures.event(
                                            "RECOMMEND",
                                            "scores",
                                            Fixtures.aFullScoreSheet(),
                                            "recommendedAmount",
                                            Fixtures.RECOMMENDED)))
                    == null) {
                continue;
            }
            think(1000);
            call(
                    "approve",
                    true,
                    200,
                    () -> fixtures.approver.post(
                            path,
                            Fixtures.event(
                                    "APPROVE",
                                    "decisionNumber",
                                    Fixtures.aDecisionNumber(),
                                    "approvedAmount",
                                    100_000_000L)));
            think(1000);
        }
    }

    /** Times one request; an answer other than {@code expected} (or no answer) is an error. */
    static Api.Response call(String operation, boolean write, int expected, Supplier<Api.Response> request) {
        WRITES.putIfAbsent(operation, write);
        long start = System.nanoTime();
        boolean measured = start >= measuredFrom;
        if (!measured) {
            WARM_UP_REQUESTS.incrementAndGet();
        }
        Api.Response response;
        try {
            response = request.get();
        } catch (RuntimeException e) {
            error(operation, measured, e.toString());
            return null;
        }
        if (measured) {
            LATENCIES
                    .computeIfAbsent(operation, k -> new ConcurrentLinkedQueue<>())
                    .add((System.nanoTime() - start) / 1000);
        }
        if (response.status() != expected) {
            error(operation, measured, response.status() + " " + response.body());
            return null;
        }
        return response;
    }

    static void error(String operation, boolean measured, String what) {
        if (measured) {
            ERRORS.computeIfAbsent(operation, k -> new AtomicLong()).incrementAndGet();
        } else {
            WARM_UP_ERRORS.incrementAndGet();
        }
        if (FIRST_ERRORS.size() < 10) {
            FIRST_ERRORS.add((measured ? "" : "warm-up, ") + operation + ": "
                    + (what.length() > 300 ? what.substring(0, 300) : what));
        }
    }

    static void report(int users, Duration elapsed) {
        double seconds = elapsed.toMillis() / 1000.0;
        System.out.printf("%n%d virtual users for %.0f s%n", users, seconds);
        System.out.printf(
                "%-18s %6s %8s %9s %9s %9s %9s %7s%n",
                "operation", "kind", "count", "per s", "p50 ms", "p95 ms", "p99 ms", "errors");
        long total = 0;
        long errors = 0;
        for (var entry : new TreeMap<>(LATENCIES).entrySet()) {
            List<Long> sorted = new ArrayList<>(entry.getValue());
            Collections.sort(sorted);
            long failed = ERRORS.getOrDefault(entry.getKey(), new AtomicLong()).get();
            total += sorted.size();
            errors += failed;
            System.out.printf(
                    "%-18s %6s %8d %9.1f %9.1f %9.1f %9.1f %7d%n",
                    entry.getKey(),
                    WRITES.get(entry.getKey()) ? "write" : "read",
                    sorted.size(),
                    sorted.size() / seconds,
                    percentile(sorted, 50),
                    percentile(sorted, 95),
                    percentile(sorted, 99),
                    failed);
        }
        System.out.printf("%-18s %6s %8d %9.1f %39s %7d%n", "all", "", total, total / seconds, "", errors);
        FIRST_ERRORS.forEach(line -> System.out.println("error: " + line));
    }

    static double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1000.0;
    }

    static void think(int millis) {
        Cluster.sleep(Duration.ofMillis(millis));
    }

    /** A valid PDF of about {@code size} bytes (a comment pads it), so each upload carries real bytes. */
    static byte[] document(int size) {
        String head = new String(Fixtures.PDF, StandardCharsets.US_ASCII);
        StringBuilder padding = new StringBuilder("%");
        while (padding.length() < size) {
            padding.append("khuyen-cong-online ");
        }
        return head.replace("%%EOF", padding + "\n%%EOF").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
