package vn.khuyencong.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import vn.khuyencong.document.internal.EmbeddedS3Server;

/**
 * The product deployed as it scales out, on this machine: two backend instances (separate JVMs started from the
 * packaged jar, on their own ports) sharing one PostgreSQL database and one S3 server, behind Debian's nginx as
 * the load balancer ({@code infra/scale-out/nginx.conf.template}). Mail goes to the test SMTP server.
 *
 * <p>Each instance writes JSON log lines (ECS) to {@code target/scale-out/<run>/<instance>.log}.
 */
public final class Cluster implements AutoCloseable {

    /**
     * The instances' JVM in the tests: quick to start (C1 only, serial collector), which is what a test that runs
     * for seconds needs; never for a measurement.
     */
    public static final List<String> QUICK_START = List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    /**
     * The instances' JVM as the image runs it in the Kubernetes manifests' 1536 MiB container: 75 % of it as heap,
     * the serial collector the JVM chooses under 1792 MB, both JIT compilers.
     */
    public static final List<String> AS_DEPLOYED =
            List.of("-Xmx1152m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError");

    public static final String S3_ACCESS_KEY = "khuyencong";
    public static final String S3_SECRET_KEY = "khuyencong-cluster-secret";

    public final String database;
    public final Path dir;
    public final EmbeddedS3Server s3;
    public final Instance a;
    public final Instance b;
    public final String publicUrl;
    private Process nginx;

    /** One backend JVM. */
    public static final class Instance {

        public final String name;
        public final int port;
        public final Path log;
        private final List<String> command;
        private final Map<String, String> environment;
        private Process process;

        Instance(String name, int port, Path log, List<String> command, Map<String, String> environment) {
            this.name = name;
            this.port = port;
            this.log = log;
            this.command = command;
            this.environment = environment;
        }

        public String url() {
            return "http://127.0.0.1:" + port;
        }

        void start() throws IOException {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
        }

        /** Kills the JVM at once, as a crash or {@code kill -9} would. */
        public void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }

        /** Starts it again after {@link #kill()} and waits until it is ready. */
        public void restart(Duration timeout) throws IOException {
            start();
            awaitReady(this, timeout);
        }

        public boolean alive() {
            return process != null && process.isAlive();
        }

        public String logText() throws IOException {
            return Files.readString(log, StandardCharsets.UTF_8);
        }

        void stop() throws InterruptedException {
            if (process != null && process.isAlive()) {
                process.destroy();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        }
    }

    /**
     * Starts everything and waits until both instances are ready.
     *
     * @param settings system properties given to both instances (e.g. short job intervals)
     */
    public static Cluster start(Map<String, String> settings) throws Exception {
        return new Cluster(settings, QUICK_START);
    }

    /**
     * As {@link #start(Map)}, the instances' JVM started with {@code jvmOptions} (e.g. {@link #AS_DEPLOYED}).
     */
    public static Cluster start(Map<String, String> settings, List<String> jvmOptions) throws Exception {
        return new Cluster(settings, jvmOptions);
    }

    private Cluster(Map<String, String> settings, List<String> jvmOptions) throws Exception {
        String run = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")) + "_"
                + ProcessHandle.current().pid();
        database = "kc_cluster_" + run;
        dir = Path.of(System.getProperty("kc.cluster.dir", "target/scale-out"), run)
                .toAbsolutePath();
        Files.createDirectories(dir);
        createDatabase(database);
        s3 = EmbeddedS3Server.start(dir.resolve("objects"), S3_ACCESS_KEY, S3_SECRET_KEY);

        int nginxPort = freePort();
        publicUrl = "http://127.0.0.1:" + nginxPort;
        a = instance("a", settings, jvmOptions);
        b = instance("b", settings, jvmOptions);
        // whatever happens to the test, no process outlives it
        Runtime.getRuntime().addShutdownHook(new Thread(this::closeQuietly));
        a.start();
        b.start();
        nginx = startNginx(nginxPort);
        try {
            awaitReady(a, Duration.ofMinutes(4));
            awaitReady(b, Duration.ofMinutes(4));
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (Exception e) {
            // stopping what is left; nothing more to do
        }
    }

    private Instance instance(String name, Map<String, String> settings, List<String> jvmOptions) {
        int port = freePort();
        String jar = System.getProperty("kc.backend.jar");
        if (jar == null || !Files.exists(Path.of(jar))) {
            throw new IllegalStateException("The packaged backend jar is needed (mvn package): " + jar);
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        // PostgreSQL's 100 connections are shared with the build's own test application
        Map<String, String> properties =
                new LinkedHashMap<>(Map.of("spring.datasource.hikari.maximum-pool-size", "10"));
        properties.putAll(settings);
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("KC_PUBLIC_URL", publicUrl);
        env.put("KC_DB_URL", "jdbc:postgresql://127.0.0.1:5432/" + database);
        env.put("KC_DB_CREATE_IF_MISSING", "false");
        env.put("KC_DATA_DIR", dir.resolve("data-" + name).toString());
        env.put("KC_S3_ENDPOINT", s3.endpoint());
        env.put("KC_S3_ACCESS_KEY", S3_ACCESS_KEY);
        env.put("KC_S3_SECRET_KEY", S3_SECRET_KEY);
        env.put("KC_MAIL_HOST", "127.0.0.1");
        env.put("KC_MAIL_PORT", Integer.toString(TestMailServer.PORT));
        env.put("KC_MAIL_FROM", "khuyencong@test.example");
        env.put("KC_CORS_ALLOWED_ORIGINS", "");
        env.put("KC_LOG_FORMAT", "ecs");
        return new Instance(name, port, dir.resolve(name + ".log"), command, env);
    }

    private Process startNginx(int port) throws IOException {
        Path nginxDir = dir.resolve("nginx");
        Files.createDirectories(nginxDir);
        Path template = Path.of(System.getProperty("kc.infra.dir", "../infra"), "scale-out", "nginx.conf.template");
        String config = Files.readString(template)
                .replace("${PREFIX}", nginxDir.toString())
                .replace("${LISTEN}", "127.0.0.1:" + port)
                .replace("${BACKEND_A}", "127.0.0.1:" + a.port)
                .replace("${BACKEND_B}", "127.0.0.1:" + b.port);
        Path conf = nginxDir.resolve("nginx.conf");
        Files.writeString(conf, config);
        Path binary = Path.of("/usr/sbin/nginx");
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("Debian's nginx is needed as the load balancer: apt-get install nginx");
        }
        return new ProcessBuilder(
                        binary.toString(), "-p", nginxDir.toString(), "-c", conf.toString(), "-g", "daemon off;")
                .redirectErrorStream(true)
                .redirectOutput(nginxDir.resolve("stdout.log").toFile())
                .start();
    }

    /** The access log of the load balancer: which instance answered each request. */
    public String nginxAccessLog() throws IOException {
        Path log = dir.resolve("nginx").resolve("access.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    static void awaitReady(Instance instance, Duration timeout) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!instance.alive()) {
                throw new IllegalStateException("Instance " + instance.name + " stopped; see " + instance.log);
            }
            try {
                HttpResponse<String> health = http.send(
                        HttpRequest.newBuilder(URI.create(instance.url() + "/actuator/health"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException(
                "Instance " + instance.name + " not ready within " + timeout + "; see " + instance.log);
    }

    /** A JDBC connection to the cluster's database, for checks. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "");
    }

    private static void createDatabase(String name) throws SQLException {
        try (Connection admin =
                DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "")) {
            admin.createStatement().execute("create database \"" + name + "\"");
        }
    }

    @Override
    public synchronized void close() throws Exception {
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor(10, TimeUnit.SECONDS);
        }
        a.stop();
        b.stop();
        s3.close();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
