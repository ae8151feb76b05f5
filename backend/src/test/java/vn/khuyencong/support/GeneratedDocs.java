package vn.khuyencong.support;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checked-in documents generated from the code (diagrams, the OpenAPI document): a test regenerates one, writes
 * it when it changed, and fails so that the stale copy is never committed unnoticed.
 */
public final class GeneratedDocs {

    private GeneratedDocs() {}

    public static Path docs() {
        return Path.of(System.getProperty("kc.docs.dir", "../docs"))
                .toAbsolutePath()
                .normalize();
    }

    public static void assertUpToDate(Path file, String generated) {
        try {
            String current = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
            if (generated.equals(current)) {
                return;
            }
            Files.createDirectories(file.getParent());
            Files.writeString(file, generated, StandardCharsets.UTF_8);
            fail(file + " was stale and has been regenerated: review and commit it.");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
