package vn.khuyencong.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The browser journeys of frontend/e2e (Playwright driving Debian's Chromium) against a running application. */
public final class BrowserJourneys {

    public static final Path FRONTEND = Path.of(System.getProperty("kc.frontend.dir", "../frontend"))
            .toAbsolutePath()
            .normalize();

    private BrowserJourneys() {}

    /** Runs the journeys (all, or the files named) against {@code baseUrl}; fails with Playwright's output. */
    public static void run(String baseUrl, Map<String, String> environment, String... files) throws Exception {
        assertThat(FRONTEND.resolve("node_modules"))
                .as("frontend dependencies (npm ci)")
                .exists();
        Files.createDirectories(FRONTEND.resolve("e2e-artifacts"));
        List<String> command = new ArrayList<>(List.of("npm", "run", "test:e2e"));
        if (files.length > 0) {
            command.add("--");
            command.addAll(List.of(files));
        }
        // the output goes through System.out: writing to the test JVM's own descriptors would corrupt the
        // channel between Maven and the forked JVM
        ProcessBuilder npm = new ProcessBuilder(command)
                .directory(FRONTEND.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        npm.environment().put("BASE_URL", baseUrl);
        npm.environment().putAll(environment);
        Process process = npm.start();
        Thread relay = Thread.ofPlatform().daemon().start(() -> {
            try (var lines =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(System.out::println);
            } catch (IOException ignored) {
                // the process ended
            }
        });
        boolean finished = process.waitFor(15, TimeUnit.MINUTES);
        relay.join(5_000);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished).as("browser journeys finished in time").isTrue();
        assertThat(process.exitValue())
                .as("browser journeys (see the Playwright output above)")
                .isZero();
    }
}
