package vn.khuyencong;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import vn.khuyencong.dossier.DossierStateWriter;
import vn.khuyencong.support.GeneratedDocs;

class ModularityTests {

    static final ApplicationModules modules = ApplicationModules.of(KhuyenCongApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicApiAndFormNoCycles() {
        modules.verify();
    }

    /** A dossier's state changes through the workflow's rules, never by a direct write from another module. */
    @Test
    void onlyTheWorkflowWritesADossiersState() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.khuyencong");
        noClasses()
                .that()
                .resideOutsideOfPackages("vn.khuyencong.workflow..", "vn.khuyencong.dossier..")
                .should()
                .dependOnClassesThat()
                .belongToAnyOf(DossierStateWriter.class)
                .because("every status change must pass the workflow's rules and leave a history row")
                .check(classes);
    }

    @Test
    void theCapabilitiesOfTheServiceAreModules() {
        assertThat(modules.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .contains("dossier", "workflow", "document", "identity", "catalog", "tracking", "monitoring", "shared");
    }

    @Test
    void moduleDiagramInDocsIsCurrent() throws IOException {
        Path out = Files.createTempDirectory("modulith-docs");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(out.toString()))
                .writeModulesAsPlantUml();
        String generated = Files.readString(out.resolve("components.puml"), StandardCharsets.UTF_8);
        GeneratedDocs.assertUpToDate(
                GeneratedDocs.docs().resolve("architecture/modules.puml"), sortRelations(generated));
    }

    /** The documenter lists relations in no stable order; sorted, the file only changes when the modules do. */
    static String sortRelations(String plantUml) {
        List<String> lines = new ArrayList<>(plantUml.lines().toList());
        List<Integer> positions = new ArrayList<>();
        List<String> relations = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("Rel(")) {
                positions.add(i);
                relations.add(lines.get(i));
            }
        }
        Collections.sort(relations);
        for (int i = 0; i < positions.size(); i++) {
            lines.set(positions.get(i), relations.get(i));
        }
        return String.join("\n", lines) + "\n";
    }
}
