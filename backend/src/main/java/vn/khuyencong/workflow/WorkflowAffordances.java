package vn.khuyencong.workflow;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.statemachine.config.StateMachineFactory;
import org.springframework.statemachine.transition.Transition;
import org.springframework.stereotype.Service;
import vn.khuyencong.dossier.Dossier;
import vn.khuyencong.dossier.DossierAffordances;
import vn.khuyencong.dossier.DossierStatus;
import vn.khuyencong.identity.CurrentUser;

/**
 * The events a user is offered on a dossier, read from the configured machine: the transitions out of the
 * dossier's state whose rules on the actor and on the state hold ({@link DossierWorkflowDefinition.Judges}). What
 * the user must send or complete is judged when the event is fired, so an offered event can still be refused with
 * the reason.
 */
@Service
class WorkflowAffordances implements DossierAffordances {

    private final Map<DossierStatus, List<Offer>> offers;

    private record Offer(DossierEvent event, DossierWorkflowDefinition.RulesGuard rules) {}

    WorkflowAffordances(StateMachineFactory<DossierStatus, DossierEvent> machines) {
        Map<DossierStatus, List<Offer>> bySource = new EnumMap<>(DossierStatus.class);
        for (DossierStatus status : DossierStatus.values()) {
            bySource.put(status, new ArrayList<>());
        }
        for (Transition<DossierStatus, DossierEvent> t :
                machines.getStateMachine("affordances").getTransitions()) {
            bySource.get(t.getSource().getId())
                    .add(new Offer(t.getTrigger().getEvent(), DossierWorkflowDefinition.RulesGuard.of(t)));
        }
        bySource.values().forEach(list -> list.sort((a, b) -> a.event().compareTo(b.event())));
        this.offers = Map.copyOf(bySource);
    }

    @Override
    public List<String> allowedEvents(Dossier dossier, CurrentUser user) {
        List<String> allowed = new ArrayList<>();
        for (Offer offer : offers.get(dossier.status())) {
            TransitionContext probe = new TransitionContext(dossier, offer.event(), user, TransitionRequest.none());
            if (offer.rules().offers(probe)) {
                allowed.add(offer.event().name());
            }
        }
        return allowed;
    }
}
