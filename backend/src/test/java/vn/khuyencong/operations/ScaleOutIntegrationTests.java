package vn.khuyencong.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.khuyencong.support.Api;
import vn.khuyencong.support.Cluster;
import vn.khuyencong.support.Fixtures;
import vn.khuyencong.support.TestMailServer;

/**
 * Two backend instances on different ports, one PostgreSQL database, one S3 server, Debian's nginx in front
 * (round robin, no stickiness): a journey whose every request, each step of the sign-in included, alternates
 * between the instances works; a token from either is accepted by both; limits are counted once for both; each
 * scheduled job runs on one instance at a time.
 */
class ScaleOutIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static Cluster cluster;

    @BeforeAll
    static void startTwoInstancesBehindNginx() throws Exception {
        TestMailServer.to("nobody@test.example"); // the SMTP server both instances deliver to
        cluster = Cluster.start(Map.of(
                // every job comes due every second on both instances; the sweep then holds its lock a minute
                "kc.mail.poll-interval", "PT0.5S",
                "kc.documents.sweep-interval", "PT1S",
                "kc.documents.sweep-initial-delay", "PT1S",
                "logging.level.net.javacrumbs.shedlock", "DEBUG"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    Api alternating() {
        return Api.across(cluster.publicUrl, List.of(cluster.a.url(), cluster.b.url()));
    }

    @Test
    void aJourneyAlternatingBetweenInstancesWorks() throws Exception {
        Fixtures fixtures = new Fixtures(alternating());
        String id = fixtures.approved();

        JsonNode dossier = fixtures.enterprise.get("/api/v1/dossiers/" + id).json();
        assertThat(dossier.get("status").asString()).isEqualTo("APPROVED");
        String code = dossier.get("code").asString();
        Api.Response lookup = Api.at(cluster.publicUrl).get("/api/v1/public/dossiers/" + code);
        assertThat(lookup.status()).isEqualTo(200);
        assertThat(lookup.json().get("status").asString()).isEqualTo("APPROVED");

        // the documents uploaded through one instance are read back through the other
        JsonNode documents =
                fixtures.enterprise.get("/api/v1/dossiers/" + id + "/documents").json();
        assertThat(documents.size()).isPositive();
        for (JsonNode document : documents) {
            for (String instance : List.of(cluster.a.url(), cluster.b.url())) {
                var download = fixtures.enterprise
                        .onlyAt(instance)
                        .download("/api/v1/dossiers/" + id + "/documents/"
                                + document.get("id").asString() + "/content");
                assertThat(download.statusCode()).isEqualTo(200);
                assertThat(HexFormat.of().formatHex(Api.sha256(download.body())))
                        .isEqualTo(document.get("sha256").asString());
            }
        }

        // both instances served the login form and the dossier's requests
        for (Cluster.Instance instance : List.of(cluster.a, cluster.b)) {
            String metrics = prometheus(instance);
            assertThat(count(metrics, "uri=\"/login\""))
                    .as(instance.name + " served the login form")
                    .isPositive();
            assertThat(count(metrics, "uri=\"/api/v1/dossiers/"))
                    .as(instance.name + " served the dossier")
                    .isPositive();
        }
    }

    @Test
    void aJourneyThroughTheLoadBalancerReachesBothInstances() throws Exception {
        Fixtures fixtures = new Fixtures(Api.at(cluster.publicUrl));
        String id = fixtures.underReview();
        assertThat(fixtures.reviewer
                        .get("/api/v1/dossiers/" + id)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("UNDER_REVIEW");
        String log = cluster.nginxAccessLog();
        assertThat(log)
                .contains("upstream=127.0.0.1:" + cluster.a.port)
                .contains("upstream=127.0.0.1:" + cluster.b.port);
        assertThat(log).doesNotContain("\" 50");
    }

    @Test
    void aTokenFromEitherInstanceIsAcceptedByBoth() {
        for (Cluster.Instance issuer : List.of(cluster.a, cluster.b)) {
            Api signedInAtOne =
                    Api.across(cluster.publicUrl, List.of(issuer.url())).as("doanhnghiep");
            String token = signedInAtOne.token();
            for (Cluster.Instance other : List.of(cluster.a, cluster.b)) {
                Api.Response mine = Api.at(other.url()).withToken(token).get("/api/v1/dossiers");
                assertThat(mine.status())
                        .as("token from " + issuer.name + " at " + other.name)
                        .isEqualTo(200);
            }
        }
    }

    @Test
    void aRateLimitCountsRequestsToBothInstancesOnce() {
        // 60 public look-ups a minute per client (refilled evenly), whichever instance answers: with a bucket per
        // instance, all 100 would pass
        Api a = Api.at(cluster.a.url());
        Api b = Api.at(cluster.b.url());
        Map<String, String> client = Map.of("X-Forwarded-For", "198.51.100.23");
        int allowed = 0;
        int refused = 0;
        long started = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            int status = (i % 2 == 0 ? a : b)
                    .get("/api/v1/public/dossiers/KHONG-CO-" + i, client)
                    .status();
            if (status == 429) {
                refused++;
            } else {
                allowed++;
            }
        }
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        assertThat(allowed).isBetween(60, 60 + (int) seconds + 1);
        assertThat(refused).isEqualTo(100 - allowed);
    }

    @Test
    void aTraceIdCrossesInstancesAndTheProxy() {
        String trace = "0af7651916cd43dd8448eb211c80319c";
        for (Cluster.Instance instance : List.of(cluster.a, cluster.b)) {
            Api.Response response = Api.at(instance.url())
                    .get("/api/v1/catalog/contents", Map.of("traceparent", "00-" + trace + "-b7ad6b7169203331-01"));
            assertThat(response.header("X-Trace-Id")).as(instance.name).isEqualTo(trace);
        }
        // through nginx: its request id reaches the instance that answered
        Api.Response proxied = Api.at(cluster.publicUrl).get("/api/v1/catalog/contents");
        assertThat(proxied.header("X-Request-Id")).matches("[0-9a-f]{32}");
    }

    @Test
    void eachScheduledJobRunsOnOneInstanceAtATime() throws Exception {
        // the sweep comes due every second on both instances and holds its lock for at least a minute once run
        Cluster.sleep(Duration.ofSeconds(5));
        List<Run> runs = new ArrayList<>();
        runs.addAll(runs(cluster.a));
        runs.addAll(runs(cluster.b));
        assertThat(runs).extracting(Run::job).contains("mail-delivery", "document-orphan-sweep");

        for (String job : runs.stream().map(Run::job).distinct().toList()) {
            List<Run> ofJob = runs.stream().filter(run -> run.job().equals(job)).toList();
            for (Run one : ofJob) {
                for (Run other : ofJob) {
                    if (!one.instance().equals(other.instance())) {
                        assertThat(one.overlaps(other))
                                .as(job + ": " + one + " and " + other)
                                .isFalse();
                    }
                }
            }
        }
        // the sweep ran once in this minute, on one instance; the other found it locked, every second
        List<Run> sweeps = runs.stream()
                .filter(run -> run.job().equals("document-orphan-sweep"))
                .toList();
        assertThat(sweeps).hasSize(1);
        Cluster.Instance idle = sweeps.getFirst().instance().equals("a") ? cluster.b : cluster.a;
        assertThat(skipped(idle, "document-orphan-sweep")).isGreaterThanOrEqualTo(3);
        try (Connection db = cluster.connect()) {
            var rs = db.createStatement()
                    .executeQuery("select count(*) from shedlock where name = 'document-orphan-sweep'");
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    record Run(String instance, String job, Instant from, Instant to) {

        boolean overlaps(Run other) {
            return from.isBefore(other.to) && other.from.isBefore(to);
        }
    }

    static final Pattern LOCKED = Pattern.compile("Locked '([^']+)'");
    static final Pattern FINISHED = Pattern.compile("Task finished, lock '([^']+)'");

    /** The runs of each job on one instance, from its JSON log: from "Locked" to "Task finished". */
    static List<Run> runs(Cluster.Instance instance) throws Exception {
        List<Run> runs = new ArrayList<>();
        Map<String, Instant> open = new HashMap<>();
        for (String line :
                instance.logText().lines().filter(l -> l.startsWith("{")).toList()) {
            JsonNode entry = JSON.readTree(line);
            String message = entry.path("message").asString("");
            Instant at = Instant.parse(entry.path("@timestamp").asString());
            Matcher locked = LOCKED.matcher(message);
            Matcher finished = FINISHED.matcher(message);
            if (locked.find()) {
                open.put(locked.group(1), at);
            } else if (finished.find() && open.containsKey(finished.group(1))) {
                runs.add(new Run(instance.name, finished.group(1), open.remove(finished.group(1)), at));
            }
        }
        return runs;
    }

    static long skipped(Cluster.Instance instance, String job) throws Exception {
        return instance.logText()
                .lines()
                .filter(line -> line.contains("Not executing '" + job + "'"))
                .count();
    }

    static String prometheus(Cluster.Instance instance) {
        Api.Response response = Api.at(instance.url()).get("/actuator/prometheus", Map.of("Accept", "text/plain"));
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    /** The number of requests whose labels contain {@code labels}, over every status. */
    static double count(String metrics, String labels) {
        double total = 0;
        Matcher sample = Pattern.compile("(?m)^http_server_requests_seconds_count\\{(.*)\\} (\\S+)$")
                .matcher(metrics);
        while (sample.find()) {
            if (sample.group(1).contains(labels)) {
                total += Double.parseDouble(sample.group(2));
            }
        }
        return total;
    }
}
