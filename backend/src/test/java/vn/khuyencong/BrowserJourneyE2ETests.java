package vn.khuyencong;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import vn.khuyencong.support.Api;
import vn.khuyencong.support.IntegrationTest;

/**
 * The browser journeys of frontend/e2e (Playwright driving Debian's Chromium, axe on every page) against this
 * application on its embedded defaults, serving the built frontend.
 */
class BrowserJourneyE2ETests extends IntegrationTest {

    static final Path FRONTEND = Path.of(System.getProperty("kc.frontend.dir", "../frontend")).toAbsolutePath().normalize();

    @Test
    void theBuiltFrontendIsServedWithHistoryRouting() {
        Api.Response home = api().getPage("/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("<div id=\"root\"");
        Api.Response deepLink = api().getPage("/tra-cuu");
        assertThat(deepLink.status()).isEqualTo(200);
        assertThat(deepLink.body()).isEqualTo(home.body());
    }

    @Test
    void browserJourneysPass() throws Exception {
        assertThat(FRONTEND.resolve("node_modules")).as("frontend dependencies (npm ci)").exists();
        Path artifacts = FRONTEND.resolve("e2e-artifacts");
        Files.createDirectories(artifacts);
        // the output goes through System.out: writing to the test JVM's own descriptors would corrupt the
        // channel between Maven and the forked JVM
        ProcessBuilder npm = new ProcessBuilder("npm", "run", "test:e2e")
                .directory(FRONTEND.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        npm.environment().put("BASE_URL", "http://localhost:" + PORT);
        Process process = npm.start();
        Thread relay = Thread.ofPlatform().daemon().start(() -> {
            try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8))) {
                lines.lines().forEach(System.out::println);
            }
            catch (java.io.IOException ignored) {
                // the process ended
            }
        });
        boolean finished = process.waitFor(15, TimeUnit.MINUTES);
        relay.join(5_000);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished).as("browser journeys finished in time").isTrue();
        assertThat(process.exitValue()).as("browser journeys (see the Playwright output above)").isZero();
    }
}
