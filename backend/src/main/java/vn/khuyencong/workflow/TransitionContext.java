package vn.khuyencong.workflow;

import java.util.List;
import vn.khuyencong.dossier.Dossier;
import vn.khuyencong.identity.CurrentUser;
import vn.khuyencong.identity.Role;
import vn.khuyencong.shared.ProblemException.FieldProblem;

/**
 * Travels with one event through the state machine: what the guards judge, and what they say when they refuse.
 */
final class TransitionContext {

    static final String HEADER = "kc.transition";

    final Dossier dossier;
    final DossierEvent event;
    final CurrentUser actor;
    final TransitionRequest request;
    private Refusal refusal;
    private RuntimeException failure;
    private Dossier result;
    private Role authorisedAs;

    TransitionContext(Dossier dossier, DossierEvent event, CurrentUser actor, TransitionRequest request) {
        this.dossier = dossier;
        this.event = event;
        this.actor = actor;
        this.request = request;
    }

    record Refusal(String rule, String message, List<FieldProblem> fields) {}

    /** Records why the event is refused; the first refusal wins. */
    void refuse(String rule, String message, List<FieldProblem> fields) {
        if (refusal == null) {
            refusal = new Refusal(rule, message, List.copyOf(fields));
        }
    }

    /** The role the event's role rule accepted the actor in: the role the history records. */
    void authorisedAs(Role role) {
        authorisedAs = role;
    }

    Role authorisedAs() {
        if (authorisedAs == null) {
            throw new IllegalStateException("No role rule accepted " + event + " before it was recorded");
        }
        return authorisedAs;
    }

    Refusal refusal() {
        return refusal;
    }

    void failed(RuntimeException e) {
        failure = e;
    }

    RuntimeException failure() {
        return failure;
    }

    void completed(Dossier updated) {
        result = updated;
    }

    Dossier result() {
        return result;
    }
}
