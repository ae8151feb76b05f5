/**
 * The dossier workflow: every state, event, transition, guard and effect of the procedure in
 * {@code DossierWorkflowDefinition}, run on spring-statemachine behind {@code DossierWorkflow}; the append-only
 * history; and the events each user is offered on a dossier ({@code WorkflowAffordances}), read from the same
 * definition.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workflow")
package vn.khuyencong.workflow;
