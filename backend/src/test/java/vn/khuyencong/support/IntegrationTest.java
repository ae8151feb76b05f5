package vn.khuyencong.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on its real parts, shared by every integration test of a run: the local PostgreSQL with
 * a database made fresh for this run, the embedded S3 server over HTTP, the embedded authorization server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
public abstract class IntegrationTest {

    /** One port for the run: the issuer and the SPA's redirect URI must name it before the server starts. */
    public static final int PORT = freePort();

    public static final String DATABASE = System.getProperty("kc.test.database",
            "kc_test_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")));

    public static final Path DATA_DIR = tempDir();

    @DynamicPropertySource
    static void realParts(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("kc.public-url", () -> "http://localhost:" + PORT);
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:5432/" + DATABASE);
        registry.add("kc.database.create-if-missing", () -> true);
        registry.add("kc.data-dir", DATA_DIR::toString);
    }

    protected static Api api() {
        return new Api("http://localhost:" + PORT);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("kc-test-data");
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
