package vn.khuyencong.bench;

import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.messages.Item;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import vn.khuyencong.support.Api;
import vn.khuyencong.support.Cluster;
import vn.khuyencong.support.Fixtures;
import vn.khuyencong.support.TestMailServer;

/**
 * Faults injected into the scaled-out deployment ({@link Cluster}: two instances behind nginx, one database, one S3
 * server, one SMTP server) while enterprises and officers work through the load balancer, each followed by a check
 * that nothing acknowledged was lost or duplicated:
 * <ul>
 * <li>{@code postgres-restart}: PostgreSQL stopped and started again (the whole machine's server);</li>
 * <li>{@code s3-outage}: the S3 server stopped while uploads of a few MB are in flight, then started again;</li>
 * <li>{@code instance-kill}: one instance killed with SIGKILL while transitions are in flight, then restarted;</li>
 * <li>{@code smtp-outage}: the SMTP server down for 20 s while transitions write mails.</li>
 * </ul>
 * Every request the deployment answers with 2xx is recorded with what it returned (dossier id, document id and
 * SHA-256, transition); afterwards the database and the bucket must hold all of it, and nothing more than the
 * orphan sweep and the outbox allow. Prints figures; exits non-zero when a check fails. Run it with
 * {@code backend/bench/faults.sh [scenario|all]}.
 */
public final class FaultScenarios {

    static final List<String> SCENARIOS = List.of("postgres-restart", "s3-outage", "instance-kill", "smtp-outage");
    /** Clients working at once, each an enterprise's user with the reviewer and the approver of its dossiers. */
    static final int CLIENTS = 5;

    static final int EXTRA_DOCUMENTS = 2;
    static final Duration BEFORE_FAULT = Duration.ofSeconds(20);
    static final Duration AFTER_HEAL = Duration.ofSeconds(25);
    static final Duration ORPHAN_GRACE = Duration.ofSeconds(20);
    static final String BUCKET = "khuyencong-documents";
    static final Map<String, Integer> RANK =
            Map.of("DRAFT", 0, "SUBMITTED", 1, "UNDER_REVIEW", 2, "REVIEWED", 3, "APPROVED", 4);
    static final String PG_CTL = "pg_ctlcluster";

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        String which = args.length > 0 ? args[0] : "all";
        List<String> scenarios = "all".equals(which) ? SCENARIOS : List.of(which);
        if (!SCENARIOS.containsAll(scenarios)) {
            System.err.println("Usage: FaultScenarios [" + String.join("|", SCENARIOS) + "|all]");
            System.exit(2);
        }
        boolean allPassed = true;
        try {
            for (String scenario : scenarios) {
                allPassed &= new FaultScenarios(scenario).run();
            }
        } catch (Exception | Error e) {
            // the SMTP and S3 servers' threads would keep the JVM alive
            e.printStackTrace();
            System.exit(3);
        }
        System.out.println(allPassed ? "ALL CHECKS PASSED" : "SOME CHECKS FAILED");
        System.exit(allPassed ? 0 : 1);
    }

    // --- what the load recorded --------------------------------------------------------------------------------

    record AckedDocument(String dossierId, String documentId, String sha256, long size) {}

    record AckedTransition(String dossierId, String event, String toState) {}

    final String scenario;
    final int documentSize;
    Cluster cluster;
    volatile boolean stopping;
    volatile long stopAt = Long.MAX_VALUE;
    long loadStart;
    volatile long faultAt = -1;
    volatile long healAt = -1;

    final Map<String, String> ackedDossiers = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<AckedDocument> ackedDocuments = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<AckedTransition> ackedTransitions = new ConcurrentLinkedQueue<>();
    /** Distinct ASSIGN requests (one idempotency key each) sent per dossier, answered or not. */
    final Map<String, AtomicInteger> assignKeysSent = new ConcurrentHashMap<>();

    final AtomicInteger committedUnacknowledged = new AtomicInteger();
    final AtomicInteger journeysCompleted = new AtomicInteger();
    final AtomicInteger journeysAbandoned = new AtomicInteger();

    final AtomicInteger attempted = new AtomicInteger();
    final AtomicInteger acknowledged = new AtomicInteger();
    final Map<String, AtomicInteger> failedByStatus = new ConcurrentHashMap<>();
    final AtomicLong firstFailure = new AtomicLong(Long.MAX_VALUE);
    final AtomicLong lastFailure = new AtomicLong(-1);
    final AtomicLong firstSuccessAfterHeal = new AtomicLong(Long.MAX_VALUE);
    final AtomicInteger uploadsInFlight = new AtomicInteger();
    final AtomicInteger transitionsInFlight = new AtomicInteger();

    final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    final List<String> lines = new ArrayList<>();

    FaultScenarios(String scenario) {
        this.scenario = scenario;
        this.documentSize = "s3-outage".equals(scenario) ? 4 * 1024 * 1024 : 256 * 1024;
    }

    long now() {
        return System.nanoTime();
    }

    double seconds(long nanos) {
        return (nanos - loadStart) / 1e9;
    }

    // --- the scenario ------------------------------------------------------------------------------------------

    boolean run() throws Exception {
        System.out.printf(
                "%n=== %s (%s) ===%n",
                scenario,
                LocalDateTime.now()
                        .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                        .substring(0, 19));
        TestMailServer.reset();
        long starting = now();
        cluster = startCluster();
        try {
            System.out.printf(
                    "cluster ready in %.0f s: %s (a %s, b %s), database %s%n",
                    (now() - starting) / 1e9, cluster.publicUrl, cluster.a.url(), cluster.b.url(), cluster.database);
            List<Thread> clients = startLoad();
            injectAndHeal();
            Thread.sleep(AFTER_HEAL.toMillis());
            stopping = true;
            stopAt = now();
            for (Thread client : clients) {
                client.join(Duration.ofMinutes(3).toMillis());
            }
            long loadEnd = now();
            report(loadEnd);
            check();
        } finally {
            cluster.close();
        }
        lines.forEach(System.out::println);
        if (failures.isEmpty()) {
            System.out.println("RESULT " + scenario + ": every check passed");
        } else {
            System.out.println("RESULT " + scenario + ": " + failures.size() + " check(s) FAILED");
            failures.forEach(f -> System.out.println("  FAILED: " + f));
        }
        return failures.isEmpty();
    }

    /** The cluster's ports are chosen free before its JVMs bind them; on a busy machine one is taken meanwhile. */
    Cluster startCluster() throws Exception {
        Map<String, String> settings = Map.of(
                "kc.documents.orphan-grace", "PT" + ORPHAN_GRACE.toSeconds() + "S",
                "kc.documents.sweep-interval", "PT5S",
                "kc.documents.sweep-initial-delay", "PT5S",
                "kc.mail.poll-interval", "PT1S",
                "kc.mail.retry-base", "PT2S",
                "kc.mail.retry-max", "PT8S",
                "kc.mail.lease", "PT1M",
                "kc.events.resubmit-after", "PT20S",
                "kc.events.resubmit-interval", "PT5S",
                "logging.level.root", "WARN");
        try {
            return Cluster.start(settings);
        } catch (IllegalStateException e) {
            System.out.println("cluster did not start (" + e.getMessage() + "); once more");
            return Cluster.start(settings);
        }
    }

    void injectAndHeal() throws Exception {
        Thread.sleep(BEFORE_FAULT.toMillis());
        switch (scenario) {
            case "postgres-restart" -> {
                System.out.println("WARNING: stopping PostgreSQL 15/main on this machine for about 5 s; every database"
                        + " user of the machine sees it");
                outage(() -> pgCtl("stop"), Duration.ofSeconds(5), () -> pgCtl("start"));
            }
            case "s3-outage" -> {
                awaitInFlight(uploadsInFlight, "uploads");
                outage(cluster.s3::stop, Duration.ofSeconds(15), cluster.s3::restart);
            }
            case "instance-kill" -> {
                awaitInFlight(transitionsInFlight, "transitions");
                outage(cluster.a::kill, Duration.ofSeconds(5), () -> cluster.a.restart(Duration.ofMinutes(4)));
            }
            case "smtp-outage" ->
                outage(TestMailServer::stop, Duration.ofSeconds(20), () -> {
                    try (Connection db = cluster.connect()) {
                        System.out.printf(
                                "%d mails waiting in the outbox when the SMTP server returns%n",
                                single(db, "select count(*) from mail_outbox where status = 'PENDING'"));
                    }
                    TestMailServer.restart();
                });
            default -> throw new IllegalArgumentException(scenario);
        }
        System.out.printf("fault at %.1f s, healed at %.1f s%n", seconds(faultAt), seconds(healAt));
    }

    interface Step {
        void run() throws Exception;
    }

    /** The fault, its duration, the cure; the window runs from the fault to the end of the cure. */
    void outage(Step fault, Duration duration, Step heal) throws Exception {
        faultAt = now();
        fault.run();
        Thread.sleep(duration.toMillis());
        heal.run();
        healAt = now();
    }

    void awaitInFlight(AtomicInteger inFlight, String what) throws InterruptedException {
        long end = now() + Duration.ofSeconds(30).toNanos();
        while (inFlight.get() < 2 && now() < end) {
            Thread.sleep(5);
        }
        System.out.printf("%d %s in flight at the fault%n", inFlight.get(), what);
    }

    static void pgCtl(String action) throws Exception {
        Process process = new ProcessBuilder(PG_CTL, "--skip-systemctl-redirect", "15", "main", action)
                .inheritIO()
                .start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(PG_CTL + " " + action + " failed");
        }
    }

    // --- the load ----------------------------------------------------------------------------------------------

    /** Each client works through the load balancer: an enterprise's dossier from draft to approval, over and over. */
    List<Thread> startLoad() throws Exception {
        List<Thread> clients = new ArrayList<>();
        List<Api[]> actors = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Fixtures the = new Fixtures(Api.at(cluster.publicUrl));
            // signed in before the clock starts
            the.enterprise.token();
            the.reviewer.token();
            the.approver.token();
            actors.add(new Api[] {the.enterprise, the.reviewer, the.approver});
        }
        loadStart = now();
        for (Api[] actor : actors) {
            Thread client = Thread.ofPlatform().daemon().start(() -> {
                while (!stopping) {
                    try {
                        if (journey(actor[0], actor[1], actor[2])) {
                            journeysCompleted.incrementAndGet();
                        } else {
                            journeysAbandoned.incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        journeysAbandoned.incrementAndGet();
                        System.out.println("client error: " + e);
                    }
                }
            });
            clients.add(client);
        }
        return clients;
    }

    boolean journey(Api enterprise, Api reviewer, Api approver) {
        Api.Response created = call(() -> enterprise.post(
                "/api/v1/dossiers", Fixtures.aCompleteForm(), UUID.randomUUID().toString()));
        if (!ok(created)) {
            return false;
        }
        String id = created.json().get("id").asString();
        ackedDossiers.merge(id, "DRAFT", FaultScenarios::further);

        for (int round = 0; round < 20 && !giveUp(); round++) {
            Api.Response checklist = call(() -> enterprise.get("/api/v1/dossiers/" + id + "/checklist"));
            if (!ok(checklist)) {
                return false;
            }
            JsonNode missing = checklist.json().get("missing");
            if (missing.isEmpty()) {
                break;
            }
            for (JsonNode type : missing) {
                upload(enterprise, id, type.asString());
            }
        }
        // and two optional documents, so that uploads are in flight most of the time
        for (int extra = 0; extra < EXTRA_DOCUMENTS && !giveUp(); extra++) {
            upload(enterprise, id, "OTHER");
        }
        return fire(enterprise, id, "SUBMIT", "SUBMITTED", Fixtures.event("SUBMIT"))
                && fire(reviewer, id, "START_REVIEW", "UNDER_REVIEW", Fixtures.event("START_REVIEW"))
                && fire(reviewer, id, "ASSIGN", "UNDER_REVIEW", Fixtures.event("ASSIGN", "assignee", "thamdinh"))
                && fire(
                        reviewer,
                        id,
                        "RECOMMEND",
                        "REVIEWED",
                        Fixtures.event(
                                "RECOMMEND",
                                "scores",
                                Fixtures.aFullScoreSheet(),
                                "recommendedAmount",
                                Fixtures.RECOMMENDED))
                && fire(
                        approver,
                        id,
                        "APPROVE",
                        "APPROVED",
                        Fixtures.event(
                                "APPROVE",
                                "decisionNumber",
                                Fixtures.aDecisionNumber(),
                                "approvedAmount",
                                100_000_000L));
    }

    void upload(Api enterprise, String id, String type) {
        byte[] content = aPdf(documentSize);
        String sha256 = HexFormat.of().formatHex(Api.sha256(content));
        uploadsInFlight.incrementAndGet();
        Api.Response stored;
        try {
            stored = once(() -> enterprise.upload(
                    "/api/v1/dossiers/" + id + "/documents",
                    Map.of("documentType", type),
                    "file",
                    type.toLowerCase() + ".pdf",
                    content,
                    "application/pdf"));
        } finally {
            uploadsInFlight.decrementAndGet();
        }
        if (ok(stored)) {
            JsonNode document = stored.json();
            if (!sha256.equals(document.get("sha256").asString())) {
                failures.add("upload acknowledged with SHA-256 "
                        + document.get("sha256").asString() + " for bytes " + sha256);
            }
            ackedDocuments.add(new AckedDocument(id, document.get("id").asString(), sha256, content.length));
        } else {
            pause();
        }
    }

    /**
     * Fires one transition with an idempotency key, retrying the same key while the deployment fails. A refusal
     * because the dossier is already there means an earlier attempt committed without its answer reaching us.
     */
    boolean fire(Api actor, String id, String event, String toState, Map<String, Object> payload) {
        String key = UUID.randomUUID().toString();
        if ("ASSIGN".equals(event)) {
            assignKeysSent.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        }
        transitionsInFlight.incrementAndGet();
        Api.Response response;
        try {
            response = call(() -> actor.post("/api/v1/dossiers/" + id + "/transitions", payload, key));
        } finally {
            transitionsInFlight.decrementAndGet();
        }
        if (ok(response)) {
            ackedTransitions.add(new AckedTransition(id, event, toState));
            ackedDossiers.merge(id, response.json().get("status").asString(), FaultScenarios::further);
            return true;
        }
        if (response != null && response.status() == 409 && !"ASSIGN".equals(event)) {
            Api.Response dossier = call(() -> actor.get("/api/v1/dossiers/" + id));
            if (ok(dossier) && RANK.getOrDefault(dossier.json().get("status").asString(), -1) >= RANK.get(toState)) {
                committedUnacknowledged.incrementAndGet();
                return true;
            }
        }
        return false;
    }

    /** Retries while the deployment fails (5xx, no answer, an idempotent request still in flight). */
    Api.Response call(Supplier<Api.Response> request) {
        long deadline = now() + Duration.ofSeconds(90).toNanos();
        while (true) {
            Api.Response response = once(request);
            if (ok(response) || !retryable(response) || now() > deadline || giveUp()) {
                return response;
            }
            pause();
        }
    }

    boolean giveUp() {
        return stopping && now() - stopAt > Duration.ofSeconds(30).toNanos();
    }

    Api.Response once(Supplier<Api.Response> request) {
        attempted.incrementAndGet();
        Api.Response response;
        try {
            response = request.get();
        } catch (IllegalStateException e) {
            response = null;
        }
        long at = now();
        if (ok(response)) {
            acknowledged.incrementAndGet();
            if (healAt > 0 && at >= healAt) {
                firstSuccessAfterHeal.accumulateAndGet(at, Math::min);
            }
        } else {
            String status = response == null ? "no answer" : Integer.toString(response.status());
            if (response != null && response.status() == 409 && response.body().contains("idempotency-in-flight")) {
                status = "409 in flight";
            }
            failedByStatus.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
            firstFailure.accumulateAndGet(at, Math::min);
            lastFailure.accumulateAndGet(at, Math::max);
        }
        return response;
    }

    static boolean ok(Api.Response response) {
        return response != null && response.status() / 100 == 2;
    }

    static boolean retryable(Api.Response response) {
        return response == null
                || response.status() >= 500
                || response.status() == 409 && response.body().contains("idempotency-in-flight");
    }

    static void pause() {
        Cluster.sleep(Duration.ofMillis(500));
    }

    static String further(String a, String b) {
        return RANK.getOrDefault(a, -1) >= RANK.getOrDefault(b, -1) ? a : b;
    }

    /** A PDF (by its first bytes, as the server decides) of {@code size} bytes, different every time. */
    static byte[] aPdf(int size) {
        byte[] bytes = new byte[Math.max(size, Fixtures.PDF.length)];
        ThreadLocalRandom.current().nextBytes(bytes);
        System.arraycopy(Fixtures.PDF, 0, bytes, 0, Fixtures.PDF.length);
        return bytes;
    }

    // --- figures -----------------------------------------------------------------------------------------------

    void report(long loadEnd) {
        lines.add(String.format(
                "load: %d clients, documents of %d KB, %.0f s (fault at %.1f s, healed at %.1f s,"
                        + " stopped at %.1f s)",
                CLIENTS, documentSize / 1024, seconds(loadEnd), seconds(faultAt), seconds(healAt), seconds(stopAt)));
        lines.add(String.format(
                "requests: %d attempted, %d acknowledged (2xx), %d failed %s",
                attempted.get(),
                acknowledged.get(),
                attempted.get() - acknowledged.get(),
                new TreeMap<>(failedByStatus)));
        lines.add(String.format(
                "journeys: %d completed to APPROVED, %d abandoned; %d transitions committed without"
                        + " their answer (found on retry)",
                journeysCompleted.get(), journeysAbandoned.get(), committedUnacknowledged.get()));
        lines.add(String.format(
                "acknowledged: %d dossiers, %d documents, %d transitions",
                ackedDossiers.size(), ackedDocuments.size(), ackedTransitions.size()));
        lines.add(String.format(
                "fault window: %.1f s; failures seen from %s to %s; first success after heal %s",
                (healAt - faultAt) / 1e9,
                at(firstFailure.get()),
                at(lastFailure.get()),
                firstSuccessAfterHeal.get() == Long.MAX_VALUE
                        ? "none"
                        : String.format("%.2f s after heal", (firstSuccessAfterHeal.get() - healAt) / 1e9)));
    }

    String at(long nanos) {
        return nanos == Long.MAX_VALUE || nanos < 0 ? "-" : String.format("%.1f s", seconds(nanos));
    }

    // --- checks ------------------------------------------------------------------------------------------------

    void check() throws Exception {
        try (Connection db = cluster.connect()) {
            checkMail(db);
            checkDossiers(db);
            checkHistory(db);
            checkDocuments(db);
            checkAfterCommitWork(db);
        }
    }

    void pass(String check, boolean passed, String detail) {
        lines.add(String.format(
                "check %-58s %s%s", check, passed ? "ok" : "FAILED", detail.isEmpty() ? "" : " (" + detail + ")"));
        if (!passed) {
            failures.add(check + (detail.isEmpty() ? "" : ": " + detail));
        }
    }

    void checkDossiers(Connection db) throws Exception {
        Map<String, String> states = new HashMap<>();
        try (ResultSet rs = db.createStatement().executeQuery("select id, status from dossier")) {
            while (rs.next()) {
                states.put(rs.getString(1), rs.getString(2));
            }
        }
        List<String> missing = new ArrayList<>();
        List<String> behind = new ArrayList<>();
        ackedDossiers.forEach((id, acked) -> {
            String state = states.get(id);
            if (state == null) {
                missing.add(id);
            } else if (RANK.getOrDefault(state, -1) < RANK.get(acked)) {
                behind.add(id + " " + state + " < " + acked);
            }
        });
        pass(
                "every acknowledged dossier exists",
                missing.isEmpty(),
                missing.size() + " missing of " + ackedDossiers.size());
        pass("each at least as far as acknowledged", behind.isEmpty(), behind.isEmpty() ? "" : behind.toString());
        int inconsistent = single(db, """
                select count(*) from dossier d where d.status <> coalesce((select h.to_state from dossier_history h
                 where h.dossier_id = d.id order by h.id desc limit 1), 'DRAFT')""");
        pass("each dossier's state is its last history row's", inconsistent == 0, inconsistent + " differ");
    }

    void checkHistory(Connection db) throws Exception {
        Map<String, Integer> rows = new HashMap<>();
        try (ResultSet rs = db.createStatement()
                .executeQuery("select dossier_id, event, to_state, count(*) from dossier_history group by 1, 2, 3")) {
            while (rs.next()) {
                rows.put(rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3), rs.getInt(4));
            }
        }
        Map<String, Integer> acked = new HashMap<>();
        ackedTransitions.forEach(
                t -> acked.merge(t.dossierId() + "/" + t.event() + "/" + t.toState(), 1, Integer::sum));
        List<String> lost = new ArrayList<>();
        List<String> duplicated = new ArrayList<>();
        acked.forEach((key, count) -> {
            int found = rows.getOrDefault(key, 0);
            if (found < count) {
                lost.add(key + " " + found + "/" + count);
            }
        });
        rows.forEach((key, count) -> {
            String[] parts = key.split("/");
            if ("ASSIGN".equals(parts[1])) {
                int sent = assignKeysSent
                        .getOrDefault(parts[0], new AtomicInteger())
                        .get();
                if (ackedDossiers.containsKey(parts[0]) && count > sent) {
                    duplicated.add(key + " " + count + " rows for " + sent + " requests");
                }
            } else if (count > 1) {
                duplicated.add(key + " " + count + " rows");
            }
        });
        pass(
                "a history row for every acknowledged transition",
                lost.isEmpty(),
                acked.values().stream().mapToInt(Integer::intValue).sum() + " acknowledged"
                        + (lost.isEmpty() ? "" : ", lost " + lost));
        pass("no transition recorded twice", duplicated.isEmpty(), duplicated.isEmpty() ? "" : duplicated.toString());
    }

    void checkDocuments(Connection db) throws Exception {
        MinioClient s3 = MinioClient.builder()
                .endpoint(cluster.s3.endpoint())
                .credentials(Cluster.S3_ACCESS_KEY, Cluster.S3_SECRET_KEY)
                .region("us-east-1")
                .build();
        // the orphan sweep runs once a minute at most across the deployment; objects left by failed uploads go
        // once they are older than the grace period
        long started = now();
        int firstOrphans = -1;
        int orphans;
        int stuck;
        Map<String, String[]> rowsByKey;
        Map<String, Long> objects;
        while (true) {
            rowsByKey = documentRows(db);
            objects = objects(s3);
            Set<String> known = new HashSet<>(rowsByKey.keySet());
            known.addAll(strings(db, "select object_key from document_upload"));
            orphans = (int) objects.keySet().stream()
                    .filter(key -> !known.contains(key))
                    .count();
            stuck = single(db, "select count(*) from document where status = 'UPLOADING'");
            if (firstOrphans < 0) {
                firstOrphans = orphans;
                lines.add(String.format(
                        "after the load: %d objects, %d document rows (%d UPLOADING), %d objects without" + " a row",
                        objects.size(), rowsByKey.size(), stuck, orphans));
            }
            if (orphans == 0 && stuck == 0
                    || now() - started > Duration.ofMinutes(3).toNanos()) {
                break;
            }
            Thread.sleep(5000);
        }
        lines.add(String.format(
                "orphan sweep: %d objects without a row and %d UPLOADING rows left after %.0f s",
                orphans, stuck, (now() - started) / 1e9));

        Map<String, String[]> byId = new HashMap<>();
        rowsByKey.forEach((key, row) -> byId.put(row[0], new String[] {key, row[1], row[2]}));
        List<String> problems = new ArrayList<>();
        for (AckedDocument document : ackedDocuments) {
            String[] row = byId.get(document.documentId());
            if (row == null) {
                problems.add(document.documentId() + " has no row");
            } else if (!"STORED".equals(row[1]) || !document.sha256().equals(row[2])) {
                problems.add(document.documentId() + " is " + row[1] + " with " + row[2]);
            } else if (!objects.containsKey(row[0])) {
                problems.add(document.documentId() + " has no object");
            } else if (!document.sha256().equals(digest(s3, row[0]))) {
                problems.add(document.documentId() + "'s object has other bytes");
            }
        }
        pass(
                "every acknowledged document STORED, object with its SHA-256",
                problems.isEmpty(),
                ackedDocuments.size() + " acknowledged" + (problems.isEmpty() ? "" : ", " + problems));
        List<String> withoutObject = new ArrayList<>();
        int stored = 0;
        for (Map.Entry<String, String[]> row : rowsByKey.entrySet()) {
            if ("STORED".equals(row.getValue()[1])) {
                stored++;
                if (!objects.containsKey(row.getKey())) {
                    withoutObject.add(row.getValue()[0]);
                }
            }
        }
        pass(
                "no STORED row without its object",
                withoutObject.isEmpty(),
                stored + " STORED rows" + (withoutObject.isEmpty() ? "" : ", without object: " + withoutObject));
        pass(
                "no object without a row (after the sweep)",
                orphans == 0,
                objects.size() + " objects, " + orphans + " without a row (" + firstOrphans + " before the sweep)");
        pass("no row left UPLOADING (after the sweep)", stuck == 0, stuck + " left");
    }

    /**
     * The work each transition leaves for after its commit (the official papers: receipt, process control,
     * decision) is done: no event publication left incomplete.
     */
    void checkAfterCommitWork(Connection db) throws Exception {
        // failed ones are resubmitted 20 s after their last attempt (kc.events.resubmit-after), looked for every 5 s
        long start = now();
        long end = start + Duration.ofMinutes(3).toNanos();
        Map<String, Integer> incomplete = incompletePublications(db);
        Map<String, Integer> first = incomplete;
        while (!incomplete.isEmpty() && now() < end) {
            Thread.sleep(1000);
            incomplete = incompletePublications(db);
        }
        String waited = first.isEmpty()
                ? ""
                : first + " incomplete at the check, "
                        + (incomplete.isEmpty()
                                ? String.format("all completed %.0f s later", (now() - start) / 1e9)
                                : "still incomplete after 3 min: " + incomplete);
        pass("every event publication completed (papers issued)", incomplete.isEmpty(), waited);
        int papersMissing = single(db, """
                select (select count(*) from dossier_history where event in ('SUBMIT', 'APPROVE'))
                     + (select count(*) from dossier_history where event = 'APPROVE')
                     - (select count(*) from paper)""");
        pass(
                "a receipt for every submission, a decision and a process-control sheet for every approval",
                papersMissing == 0,
                papersMissing == 0 ? "" : papersMissing + " missing");
    }

    static Map<String, Integer> incompletePublications(Connection db) throws Exception {
        Map<String, Integer> incomplete = new TreeMap<>();
        try (ResultSet rs = db.createStatement()
                .executeQuery(
                        "select listener_id, count(*) from event_publication where completion_date is null group by 1")) {
            while (rs.next()) {
                incomplete.put(rs.getString(1).replaceAll("\\(.*", ""), rs.getInt(2));
            }
        }
        return incomplete;
    }

    /** Every document row by object key: id, status, SHA-256. */
    static Map<String, String[]> documentRows(Connection db) throws Exception {
        Map<String, String[]> rows = new HashMap<>();
        try (ResultSet rs = db.createStatement().executeQuery("select object_key, id, status, sha256 from document")) {
            while (rs.next()) {
                rows.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
            }
        }
        return rows;
    }

    static Map<String, Long> objects(MinioClient s3) throws Exception {
        Map<String, Long> objects = new HashMap<>();
        for (Result<Item> result : s3.listObjects(ListObjectsArgs.builder()
                .bucket(BUCKET)
                .prefix("documents/")
                .recursive(true)
                .build())) {
            Item item = result.get();
            objects.put(item.objectName(), item.size());
        }
        return objects;
    }

    static String digest(MinioClient s3, String key) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (InputStream in =
                s3.getObject(GetObjectArgs.builder().bucket(BUCKET).object(key).build())) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /**
     * Every mail of the outbox ends SENT and reaches the SMTP server; none twice (by Message-ID). Mail delivery is
     * at least once by design: a crash between the server's acceptance and the SENT mark sends the mail again with
     * the same Message-ID, so duplicates count as a failure only where no instance was killed.
     */
    void checkMail(Connection db) throws Exception {
        long started = now();
        while (single(db, "select count(*) from mail_outbox where status = 'PENDING'") > 0
                && now() - started < Duration.ofMinutes(3).toNanos()) {
            Thread.sleep(2000);
        }
        Map<String, Integer> byStatus = new TreeMap<>();
        Map<String, String> expected = new LinkedHashMap<>();
        try (ResultSet rs = db.createStatement().executeQuery("select dedup_key, status from mail_outbox")) {
            while (rs.next()) {
                byStatus.merge(rs.getString(2), 1, Integer::sum);
                expected.put(messageId(rs.getString(1)), rs.getString(2));
            }
        }
        Map<String, Integer> received = new HashMap<>();
        for (MimeMessage message : TestMailServer.received()) {
            received.merge(message.getMessageID(), 1, Integer::sum);
        }
        long notReceived = expected.keySet().stream()
                .filter(id -> !received.containsKey(id))
                .count();
        long twice = received.values().stream().filter(count -> count > 1).count();
        lines.add(String.format(
                "mail: outbox %s %.0f s after the load (at %.0f s); %d mails received by the SMTP server, %d Message-IDs twice",
                byStatus,
                (now() - started) / 1e9,
                seconds(now()),
                received.values().stream().mapToInt(Integer::intValue).sum(),
                twice));
        int notSent = byStatus.entrySet().stream()
                .filter(e -> !"SENT".equals(e.getKey()))
                .mapToInt(Map.Entry::getValue)
                .sum();
        pass("every mail of the outbox SENT", notSent == 0, expected.size() + " mails, " + notSent + " not SENT");
        pass("every outbox mail received by the SMTP server", notReceived == 0, notReceived + " not received");
        boolean strict = !"instance-kill".equals(scenario);
        pass(
                "no mail received twice" + (strict ? "" : " (at least once after a kill)"),
                !strict || twice == 0,
                twice + " Message-IDs twice");
    }

    /** The Message-ID the delivery gives a mail: the same on every attempt (notification's MailDelivery). */
    static String messageId(String dedupKey) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(dedupKey.getBytes(StandardCharsets.UTF_8));
        return "<" + HexFormat.of().formatHex(digest, 0, 16) + "@khuyencong>";
    }

    static int single(Connection db, String sql) throws Exception {
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static List<String> strings(Connection db, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
