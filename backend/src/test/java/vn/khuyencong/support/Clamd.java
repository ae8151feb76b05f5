package vn.khuyencong.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * The real ClamAV daemon (Debian's {@code clamav-daemon}, {@code /usr/sbin/clamd}), one per test JVM, shared by
 * the whole integration-test run: started in the foreground on a free loopback port with a configuration and a
 * signature database written here (no signature download works on these machines, so the database holds one
 * signature of our own for the EICAR test file), and stopped when the JVM exits. A test can stop it and start it
 * again on the same port, to see what the application does while it is down.
 *
 * <p>Where clamd is not installed this fails loudly (CI installs it, see {@code .ci/run}); it never skips.
 */
public final class Clamd {

    /** The signature's name in the database; clamd reports it with {@code .UNOFFICIAL} appended. */
    public static final String SIGNATURE = "Kc.Test.Eicar";

    /** What clamd answers for the EICAR test file. */
    public static final String FOUND = SIGNATURE + ".UNOFFICIAL";

    /** How deep archives may nest before clamd gives up and says so ({@code AlertExceedsMax}). */
    public static final int MAX_RECURSION = 5;

    private static final Path BINARY = Path.of(System.getProperty("kc.clamd", "/usr/sbin/clamd"));
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(50);

    private static Clamd shared;

    private final Path home;
    private final int port;
    private Process process;

    private Clamd(Path home, int port) {
        this.home = home;
        this.port = port;
    }

    /** The run's clamd, started on first use. */
    public static synchronized Clamd shared() {
        if (shared == null) {
            Clamd clamd = new Clamd(tempDir(), Cluster.freePort());
            clamd.configure();
            clamd.start();
            Runtime.getRuntime().addShutdownHook(new Thread(clamd::stop, "clamd-stop"));
            shared = clamd;
        }
        return shared;
    }

    public int port() {
        return port;
    }

    /**
     * The EICAR anti-virus test file, put together here so that no file of the repository holds it whole (other
     * scanners would quarantine the source).
     */
    public static byte[] eicar() {
        String first = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$";
        String second = "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";
        return (first + second).getBytes(StandardCharsets.US_ASCII);
    }

    /** Starts clamd (if it is not running) and waits until it answers PING with PONG. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " not found: the integration tests scan uploads with the real"
                    + " ClamAV daemon. Install it with `apt-get install clamav-daemon` (.ci/run does).");
        }
        try {
            process = new ProcessBuilder(BINARY.toString(), "--config-file=" + home.resolve("clamd.conf"))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            home.resolve("clamd.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!answers()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("clamd did not start on port " + port + ":\n" + log());
            }
            Cluster.sleep(POLL);
        }
    }

    /** Stops clamd and waits until its port refuses connections. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
        while (connectable()) {
            Cluster.sleep(POLL);
        }
    }

    /** Whether clamd answers PING with PONG. */
    public boolean answers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write("zPING\0".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return "PONG\0".equals(new String(in.readNBytes(5), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return false;
        }
    }

    private boolean connectable() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The configuration and the database: TCP on loopback only, no local socket, archives scanned, limits above the
     * largest upload the tests make, and a file nested deeper than {@link #MAX_RECURSION} reported rather than
     * passed.
     */
    private void configure() {
        try {
            Path database = Files.createDirectories(home.resolve("database"));
            Path temporary = Files.createDirectories(home.resolve("tmp"));
            // an extended signature: any file type, any offset, the bytes in hex
            Files.writeString(
                    database.resolve("kc-test.ndb"),
                    SIGNATURE + ":0:*:" + HexFormat.of().formatHex(eicar()) + "\n",
                    StandardCharsets.US_ASCII);
            Files.writeString(
                    home.resolve("clamd.conf"),
                    """
                    Foreground yes
                    TCPSocket %d
                    TCPAddr 127.0.0.1
                    DatabaseDirectory %s
                    TemporaryDirectory %s
                    LogTime yes
                    ScanArchive yes
                    StreamMaxLength 100M
                    MaxScanSize 100M
                    MaxFileSize 100M
                    MaxRecursion %d
                    AlertExceedsMax yes
                    MaxThreads 4
                    SelfCheck 3600
                    """.formatted(port, database, temporary, MAX_RECURSION),
                    StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String log() {
        try {
            return Files.readString(home.resolve("clamd.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("kc-clamd");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
