/**
 * The dossier workflow: every state, event, transition and guard of the procedure on spring-statemachine, the
 * append-only history, dossier codes and appointment dates.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workflow")
package vn.khuyencong.workflow;
