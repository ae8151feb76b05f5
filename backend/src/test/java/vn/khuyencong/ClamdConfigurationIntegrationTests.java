package vn.khuyencong;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The clamd settings of the production stack (infra/clamav/clamd.conf) are ones ClamAV 1.4 accepts: read by
 * Debian's clamconf (clamav-daemon, as the tests' own clamd), which reports every unknown option or bad value.
 */
class ClamdConfigurationIntegrationTests {

    @Test
    void theProductionClamdConfigurationParses() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("kc-clamconf");
        Files.writeString(dir.resolve("clamd.conf"), InfraConfigurationTests.read("infra/clamav/clamd.conf"));
        Process clamconf = new ProcessBuilder("clamconf", "-c", dir.toString())
                .redirectErrorStream(true)
                .start();
        String report = new String(clamconf.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(clamconf.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(report).contains("Config file: clamd.conf").doesNotContain("ERROR");
        assertThat(report)
                .contains("StreamMaxLength = \"62914560\"", "AlertExceedsMax = \"yes\"", "ScanArchive = \"yes\"");
    }
}
