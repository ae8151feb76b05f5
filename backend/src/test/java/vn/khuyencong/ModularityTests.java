package vn.khuyencong;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import vn.khuyencong.support.GeneratedDocs;

class ModularityTests {

    static final ApplicationModules modules = ApplicationModules.of(KhuyenCongApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicApiAndFormNoCycles() {
        modules.verify();
    }

    @Test
    void theCapabilitiesOfTheServiceAreModules() {
        assertThat(modules.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .contains("dossier", "workflow", "document", "identity", "catalog", "tracking", "shared");
    }

    @Test
    void moduleDiagramInDocsIsCurrent() throws IOException {
        Path out = Files.createTempDirectory("modulith-docs");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(out.toString()))
                .writeModulesAsPlantUml();
        String generated = Files.readString(out.resolve("components.puml"), StandardCharsets.UTF_8);
        GeneratedDocs.assertUpToDate(GeneratedDocs.docs().resolve("architecture/modules.puml"), generated);
    }
}
