package vn.khuyencong.support;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.modulith.events.ApplicationModuleListener;
import vn.khuyencong.monitoring.ProgressReportOverdue;
import vn.khuyencong.monitoring.ProjectSettled;
import vn.khuyencong.workflow.DossierSubmitted;

/** A listener in another module's place: what the workflow publishes reaches it through the event registry. */
@TestConfiguration(proxyBeanMethods = false)
public class RecordedEvents {

    private final List<DossierSubmitted> submitted = new CopyOnWriteArrayList<>();
    private final List<Object> monitoring = new CopyOnWriteArrayList<>();

    /** A method, not a field: the bean is a proxy (its listener runs asynchronously). */
    public List<DossierSubmitted> submitted() {
        return submitted;
    }

    @ApplicationModuleListener
    void on(DossierSubmitted event) {
        submitted.add(event);
    }

    /** What monitoring published (overdue reports, settlements), in the order received. */
    public <T> List<T> ofType(Class<T> type) {
        return monitoring.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Waits (up to 10 seconds) until an event of {@code type} matching {@code test} has arrived. */
    public <T> boolean arrives(Class<T> type, Predicate<T> test) {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < until) {
            if (ofType(type).stream().anyMatch(test)) {
                return true;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    @ApplicationModuleListener
    void on(ProgressReportOverdue event) {
        monitoring.add(event);
    }

    @ApplicationModuleListener
    void on(ProjectSettled event) {
        monitoring.add(event);
    }
}
