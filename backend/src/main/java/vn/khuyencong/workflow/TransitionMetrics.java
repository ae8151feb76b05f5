package vn.khuyencong.workflow;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code kc_workflow_transitions_total{event, outcome}}: transitions done, refused by a rule of the procedure, or
 * failed (a concurrent change won, the row vanished). The counters are made once, so counting costs no look-up.
 */
final class TransitionMetrics {

    private final Map<DossierEvent, Counter> done = new EnumMap<>(DossierEvent.class);
    private final Map<DossierEvent, Counter> refused = new EnumMap<>(DossierEvent.class);
    private final Map<DossierEvent, Counter> failed = new EnumMap<>(DossierEvent.class);

    TransitionMetrics(MeterRegistry meters) {
        for (DossierEvent event : DossierEvent.values()) {
            done.put(event, counter(meters, event, "done"));
            refused.put(event, counter(meters, event, "refused"));
            failed.put(event, counter(meters, event, "failed"));
        }
    }

    private static Counter counter(MeterRegistry meters, DossierEvent event, String outcome) {
        return Counter.builder("kc.workflow.transitions")
                .description("Dossier workflow transitions")
                .tag("event", event.name())
                .tag("outcome", outcome)
                .register(meters);
    }

    void done(DossierEvent event) {
        done.get(event).increment();
    }

    void refused(DossierEvent event) {
        refused.get(event).increment();
    }

    void failed(DossierEvent event) {
        failed.get(event).increment();
    }
}
