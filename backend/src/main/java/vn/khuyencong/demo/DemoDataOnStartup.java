package vn.khuyencong.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the demo datasets named by {@code kc.demo-data} (environment variable {@code KC_DEMO_DATA}, or
 * {@code --kc.demo-data=bac-kan} on the command line) once the application has started. Empty by default, so
 * nothing is loaded unless someone asks for it.
 */
@Component
@Order(10)
class DemoDataOnStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataOnStartup.class);

    private final String requested;
    private final BacKanDataset bacKan;

    DemoDataOnStartup(@Value("${kc.demo-data:}") String requested, BacKanDataset bacKan) {
        this.requested = requested;
        this.bacKan = bacKan;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String name : requested.split(",")) {
            String dataset = name.strip();
            if (dataset.isEmpty()) {
                continue;
            }
            if (!BacKanDataset.NAME.equals(dataset)) {
                throw new IllegalStateException(
                        "Unknown demo dataset '" + dataset + "' in kc.demo-data (known: " + BacKanDataset.NAME + ")");
            }
            BacKanDataset.Result result = bacKan.load("kc.demo-data");
            log.info(
                    result.loaded()
                            ? "Demo dataset {} loaded: {} dossiers"
                            : "Demo dataset {} was already loaded ({} dossiers)",
                    result.dataset(),
                    result.dossiers());
        }
    }
}
