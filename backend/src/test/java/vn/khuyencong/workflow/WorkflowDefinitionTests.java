package vn.khuyencong.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.config.StateMachineBuilder;
import org.springframework.statemachine.transition.Transition;
import vn.khuyencong.dossier.DossierStatus;
import vn.khuyencong.support.GeneratedDocs;

/** The configured machine against the procedure's table (the brief), and the diagram generated from it. */
class WorkflowDefinitionTests {

    /**
     * The workflow table of the brief, (from, event) -> to, plus the steps that keep the state (assigning a
     * reviewer, rescheduling with an apology). Every pair not listed must be refused.
     */
    static final Map<String, DossierStatus> TABLE = Map.ofEntries(
            Map.entry("DRAFT/SUBMIT", DossierStatus.SUBMITTED),
            Map.entry("SUBMITTED/START_REVIEW", DossierStatus.UNDER_REVIEW),
            Map.entry("UNDER_REVIEW/REQUEST_SUPPLEMENT", DossierStatus.SUPPLEMENT_REQUESTED),
            Map.entry("SUPPLEMENT_REQUESTED/RESUBMIT", DossierStatus.UNDER_REVIEW),
            Map.entry("UNDER_REVIEW/RECOMMEND", DossierStatus.REVIEWED),
            Map.entry("REVIEWED/RETURN", DossierStatus.UNDER_REVIEW),
            Map.entry("REVIEWED/APPROVE", DossierStatus.APPROVED),
            Map.entry("UNDER_REVIEW/REJECT", DossierStatus.REJECTED),
            Map.entry("REVIEWED/REJECT", DossierStatus.REJECTED),
            Map.entry("APPROVED/START_MONITORING", DossierStatus.MONITORED),
            Map.entry("MONITORED/ACCEPT", DossierStatus.COMPLETED),
            Map.entry("MONITORED/TERMINATE", DossierStatus.TERMINATED),
            Map.entry("DRAFT/WITHDRAW", DossierStatus.WITHDRAWN),
            Map.entry("SUBMITTED/WITHDRAW", DossierStatus.WITHDRAWN),
            Map.entry("UNDER_REVIEW/WITHDRAW", DossierStatus.WITHDRAWN),
            Map.entry("SUPPLEMENT_REQUESTED/WITHDRAW", DossierStatus.WITHDRAWN),
            Map.entry("REVIEWED/WITHDRAW", DossierStatus.WITHDRAWN),
            Map.entry("SUBMITTED/ASSIGN", DossierStatus.SUBMITTED),
            Map.entry("UNDER_REVIEW/ASSIGN", DossierStatus.UNDER_REVIEW),
            Map.entry("SUPPLEMENT_REQUESTED/ASSIGN", DossierStatus.SUPPLEMENT_REQUESTED),
            Map.entry("REVIEWED/ASSIGN", DossierStatus.REVIEWED),
            Map.entry("SUBMITTED/RESCHEDULE", DossierStatus.SUBMITTED),
            Map.entry("UNDER_REVIEW/RESCHEDULE", DossierStatus.UNDER_REVIEW),
            Map.entry("REVIEWED/RESCHEDULE", DossierStatus.REVIEWED));

    static StateMachine<DossierStatus, DossierEvent> machine() throws Exception {
        DossierWorkflowDefinition definition =
                new DossierWorkflowDefinition(null, null, null, null, null, null, null, null, null);
        StateMachineBuilder.Builder<DossierStatus, DossierEvent> builder = StateMachineBuilder.builder();
        definition.configure(builder.configureConfiguration());
        definition.configure(builder.configureStates());
        definition.configure(builder.configureTransitions());
        return builder.build();
    }

    static String rulesOf(Transition<DossierStatus, DossierEvent> transition) {
        return DossierWorkflowDefinition.RulesGuard.of(transition).toString();
    }

    @Test
    void everyStateAndEventPairIsEitherTheTablesTransitionOrRefused() throws Exception {
        Map<String, DossierStatus> configured = new TreeMap<>();
        for (Transition<DossierStatus, DossierEvent> t : machine().getTransitions()) {
            DossierStatus previous = configured.put(
                    t.getSource().getId() + "/" + t.getTrigger().getEvent(),
                    t.getTarget().getId());
            assertThat(previous).as("one transition per (state, event)").isNull();
        }
        for (DossierStatus state : DossierStatus.values()) {
            for (DossierEvent event : DossierEvent.values()) {
                String pair = state + "/" + event;
                assertThat(configured.get(pair)).as(pair).isEqualTo(TABLE.get(pair));
            }
        }
    }

    @Test
    void finalStatesHaveNoWayOut() throws Exception {
        Set<DossierStatus> sources = machine().getTransitions().stream()
                .map(t -> t.getSource().getId())
                .collect(Collectors.toSet());
        assertThat(sources)
                .doesNotContainAnyElementsOf(EnumSet.of(
                        DossierStatus.COMPLETED,
                        DossierStatus.REJECTED,
                        DossierStatus.WITHDRAWN,
                        DossierStatus.TERMINATED));
    }

    @Test
    void everyTransitionIsGuardedByTheRoleAllowedToFireIt() throws Exception {
        for (Transition<DossierStatus, DossierEvent> t : machine().getTransitions()) {
            assertThat(rulesOf(t))
                    .as(t.getSource().getId() + "/" + t.getTrigger().getEvent())
                    .startsWith("role:");
        }
    }

    @Test
    void workflowDiagramInDocsIsGeneratedFromTheConfiguration() throws Exception {
        StringBuilder md = new StringBuilder("""
                # Dossier workflow

                Generated from `DossierWorkflowDefinition` by `WorkflowDefinitionTests`; do not edit by hand.
                Each arrow is an event; the rules in brackets are its guards, checked in order.

                ```mermaid
                stateDiagram-v2
                    [*] --> DRAFT
                """);
        var transitions = machine().getTransitions().stream()
                .sorted(Comparator.comparing((Transition<DossierStatus, DossierEvent> t) ->
                                t.getSource().getId())
                        .thenComparing(t -> t.getTrigger().getEvent()))
                .toList();
        for (Transition<DossierStatus, DossierEvent> t : transitions) {
            md.append("    ")
                    .append(t.getSource().getId())
                    .append(" --> ")
                    .append(t.getTarget().getId())
                    .append(" : ")
                    .append(t.getTrigger().getEvent())
                    .append(" [")
                    .append(rulesOf(t))
                    .append("]\n");
        }
        for (DossierStatus end : EnumSet.of(
                DossierStatus.COMPLETED, DossierStatus.REJECTED, DossierStatus.WITHDRAWN, DossierStatus.TERMINATED)) {
            md.append("    ").append(end).append(" --> [*]\n");
        }
        md.append("```\n\n| State | Name shown | National portal status code |\n|---|---|---|\n");
        for (DossierStatus state : DossierStatus.values()) {
            md.append("| ")
                    .append(state)
                    .append(" | ")
                    .append(state.label())
                    .append(" | ")
                    .append(state.portalCode() == null ? "—" : state.portalCode())
                    .append(" |\n");
        }
        GeneratedDocs.assertUpToDate(GeneratedDocs.docs().resolve("architecture/workflow.md"), md.toString());
    }
}
