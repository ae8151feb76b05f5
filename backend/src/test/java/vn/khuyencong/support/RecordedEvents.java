package vn.khuyencong.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.modulith.events.ApplicationModuleListener;

import vn.khuyencong.workflow.DossierSubmitted;

/** A listener in another module's place: what the workflow publishes reaches it through the event registry. */
@TestConfiguration(proxyBeanMethods = false)
public class RecordedEvents {

    private final List<DossierSubmitted> submitted = new CopyOnWriteArrayList<>();

    /** A method, not a field: the bean is a proxy (its listener runs asynchronously). */
    public List<DossierSubmitted> submitted() {
        return submitted;
    }

    @ApplicationModuleListener
    void on(DossierSubmitted event) {
        submitted.add(event);
    }
}
