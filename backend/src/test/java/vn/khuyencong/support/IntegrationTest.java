package vn.khuyencong.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.khuyencong.catalog.WorkingDays;

/**
 * The whole application on its real parts, shared by every integration test of a run: the local PostgreSQL with
 * a database made fresh for this run, the embedded S3 server over HTTP, the embedded authorization server, and
 * the real ClamAV daemon scanning every upload ({@link Clamd}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@org.springframework.context.annotation.Import({
    RecordedEvents.class,
    DocumentedAnswers.class,
    TestClock.Configuration.class
})
public abstract class IntegrationTest {

    /** One port for the run: the issuer and the SPA's redirect URI must name it before the server starts. */
    public static final int PORT = freePort();

    public static final String DATABASE = System.getProperty(
            "kc.test.database",
            "kc_test_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")) + "_"
                    + ProcessHandle.current().pid());

    public static final Path DATA_DIR = tempDir();

    @DynamicPropertySource
    static void realParts(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("kc.public-url", () -> "http://localhost:" + PORT);
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:5432/" + DATABASE);
        registry.add("kc.database.create-if-missing", () -> true);
        registry.add("kc.data-dir", DATA_DIR::toString);
        // a test signs each account in once for the whole run (renewal has its own tests)
        registry.add("kc.identity.access-token-lifetime", () -> "PT60M");
        // a real SMTP server receives the mails; delivery is quick so that tests need not wait long
        registry.add("kc.mail.host", () -> "127.0.0.1");
        registry.add("kc.mail.port", () -> TestMailServer.PORT);
        registry.add("kc.mail.from", () -> "khuyencong@test.example");
        registry.add("kc.mail.poll-interval", () -> "PT0.2S");
        registry.add("kc.mail.retry-base", () -> "PT0.5S");
        registry.add("kc.mail.retry-max", () -> "PT2S");
        // failed event publications (papers) are resubmitted 10 s after their last attempt, looked for every second
        registry.add("kc.events.resubmit-after", () -> "PT10S");
        registry.add("kc.events.resubmit-interval", () -> "PT1S");
        // every upload is scanned by a real clamd, as in production
        registry.add("kc.documents.scan.enabled", () -> true);
        registry.add("kc.documents.scan.host", () -> "127.0.0.1");
        registry.add("kc.documents.scan.port", () -> Clamd.shared().port());
        registry.add("kc.documents.scan.timeout", () -> "PT10S");
    }

    /**
     * An officer account of the demo agency with the given roles (created once), signing in with the demo password.
     */
    public static String officerWithRoles(String username, String... roles) {
        return account(username, roles, null, "000.00.15.H55");
    }

    static String account(String username, String[] roles, UUID organisation, String agency) {
        String hash = "{bcrypt}" + new BCryptPasswordEncoder().encode(Api.DEMO_PASSWORD);
        try (Connection c =
                java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + DATABASE, "postgres", "")) {
            var insert = c.prepareStatement("""
                    insert into user_account (id, username, password_hash, display_name, roles, organisation_id, agency_code)
                    values (?, ?, ?, ?, ?, ?, ?) on conflict (username) do nothing""");
            insert.setObject(1, UUID.nameUUIDFromBytes(username.getBytes()));
            insert.setString(2, username);
            insert.setString(3, hash);
            insert.setString(4, username);
            insert.setArray(5, c.createArrayOf("text", roles));
            insert.setObject(6, organisation);
            insert.setString(7, agency);
            insert.executeUpdate();
            return username;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @org.springframework.beans.factory.annotation.Autowired
    private WorkingDays workingDays;

    /** Dates to type into forms, from today in Vietnam and the catalogue's working-day calendar. */
    protected TestDates dates() {
        return new TestDates(workingDays.today(), workingDays::isWorkingDay);
    }

    public static Api api() {
        return new Api("http://localhost:" + PORT);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("kc-test-data");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
