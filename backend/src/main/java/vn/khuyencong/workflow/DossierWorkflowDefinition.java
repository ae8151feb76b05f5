package vn.khuyencong.workflow;

import static vn.khuyencong.dossier.DossierStatus.APPROVED;
import static vn.khuyencong.dossier.DossierStatus.COMPLETED;
import static vn.khuyencong.dossier.DossierStatus.DRAFT;
import static vn.khuyencong.dossier.DossierStatus.MONITORED;
import static vn.khuyencong.dossier.DossierStatus.REJECTED;
import static vn.khuyencong.dossier.DossierStatus.REVIEWED;
import static vn.khuyencong.dossier.DossierStatus.SUBMITTED;
import static vn.khuyencong.dossier.DossierStatus.SUPPLEMENT_REQUESTED;
import static vn.khuyencong.dossier.DossierStatus.TERMINATED;
import static vn.khuyencong.dossier.DossierStatus.UNDER_REVIEW;
import static vn.khuyencong.dossier.DossierStatus.WITHDRAWN;
import static vn.khuyencong.workflow.DossierEvent.ACCEPT;
import static vn.khuyencong.workflow.DossierEvent.APPROVE;
import static vn.khuyencong.workflow.DossierEvent.RECOMMEND;
import static vn.khuyencong.workflow.DossierEvent.REJECT;
import static vn.khuyencong.workflow.DossierEvent.REQUEST_SUPPLEMENT;
import static vn.khuyencong.workflow.DossierEvent.RESUBMIT;
import static vn.khuyencong.workflow.DossierEvent.RETURN;
import static vn.khuyencong.workflow.DossierEvent.START_MONITORING;
import static vn.khuyencong.workflow.DossierEvent.START_REVIEW;
import static vn.khuyencong.workflow.DossierEvent.SUBMIT;
import static vn.khuyencong.workflow.DossierEvent.TERMINATE;
import static vn.khuyencong.workflow.DossierEvent.WITHDRAW;
import static vn.khuyencong.identity.Role.APPROVER;
import static vn.khuyencong.identity.Role.ENTERPRISE;
import static vn.khuyencong.identity.Role.MONITOR;
import static vn.khuyencong.identity.Role.REVIEWER;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Configuration;
import org.springframework.statemachine.StateContext;
import org.springframework.statemachine.config.EnableStateMachineFactory;
import org.springframework.statemachine.config.EnumStateMachineConfigurerAdapter;
import org.springframework.statemachine.config.builders.StateMachineConfigurationConfigurer;
import org.springframework.statemachine.config.builders.StateMachineStateConfigurer;
import org.springframework.statemachine.config.builders.StateMachineTransitionConfigurer;
import org.springframework.statemachine.guard.Guard;

import vn.khuyencong.catalog.Catalog;
import vn.khuyencong.document.Documents;
import vn.khuyencong.dossier.DossierStatus;
import vn.khuyencong.identity.Role;

/**
 * The whole dossier workflow in one place: its states, and for every event the transition it makes and the
 * rules (guards) that must hold. Read it top to bottom as the procedure's table.
 */
@Configuration
@EnableStateMachineFactory
class DossierWorkflowDefinition extends EnumStateMachineConfigurerAdapter<DossierStatus, DossierEvent> {

    private final Catalog catalog;
    private final Documents documents;
    private final DossierHistory history;

    DossierWorkflowDefinition(Catalog catalog, Documents documents, DossierHistory history) {
        this.catalog = catalog;
        this.documents = documents;
        this.history = history;
    }

    @Override
    public void configure(StateMachineConfigurationConfigurer<DossierStatus, DossierEvent> config) throws Exception {
        config.withConfiguration().autoStartup(false);
    }

    @Override
    public void configure(StateMachineStateConfigurer<DossierStatus, DossierEvent> states) throws Exception {
        states.withStates()
                .initial(DRAFT)
                .states(EnumSet.allOf(DossierStatus.class))
                .end(COMPLETED).end(REJECTED).end(WITHDRAWN).end(TERMINATED);
    }

    @Override
    public void configure(StateMachineTransitionConfigurer<DossierStatus, DossierEvent> transitions) throws Exception {
        transitions
                // the enterprise submits; the receipt, the dossier code and the appointment date are issued
                .withExternal().source(DRAFT).target(SUBMITTED).event(SUBMIT)
                .guard(all(role(ENTERPRISE), owner(), requiredDocumentsPresent())).and()
                // the reviewer takes it up
                .withExternal().source(SUBMITTED).target(UNDER_REVIEW).event(START_REVIEW)
                .guard(all(role(REVIEWER))).and()
                // once per dossier, with reasons; the clock stops
                .withExternal().source(UNDER_REVIEW).target(SUPPLEMENT_REQUESTED).event(REQUEST_SUPPLEMENT)
                .guard(all(role(REVIEWER), reasonGiven(), firstSupplementRequest())).and()
                // the enterprise answers; the processing time restarts from zero
                .withExternal().source(SUPPLEMENT_REQUESTED).target(UNDER_REVIEW).event(RESUBMIT)
                .guard(all(role(ENTERPRISE), owner(), requiredDocumentsPresent())).and()
                // appraisal done, a support amount recommended
                .withExternal().source(UNDER_REVIEW).target(REVIEWED).event(RECOMMEND)
                .guard(all(role(REVIEWER))).and()
                // the approver sends it back to review
                .withExternal().source(REVIEWED).target(UNDER_REVIEW).event(RETURN)
                .guard(all(role(APPROVER), reasonGiven())).and()
                // the decision, by someone other than the recommending reviewer
                .withExternal().source(REVIEWED).target(APPROVED).event(APPROVE)
                .guard(all(role(APPROVER), notTheRecommendingReviewer())).and()
                // refusal, with reasons
                .withExternal().source(UNDER_REVIEW).target(REJECTED).event(REJECT)
                .guard(all(anyRole(REVIEWER, APPROVER), reasonGiven())).and()
                .withExternal().source(REVIEWED).target(REJECTED).event(REJECT)
                .guard(all(anyRole(REVIEWER, APPROVER), reasonGiven())).and()
                // implementation is watched until acceptance or termination
                .withExternal().source(APPROVED).target(MONITORED).event(START_MONITORING)
                .guard(all(role(MONITOR))).and()
                .withExternal().source(MONITORED).target(COMPLETED).event(ACCEPT)
                .guard(all(role(MONITOR))).and()
                .withExternal().source(MONITORED).target(TERMINATED).event(TERMINATE)
                .guard(all(role(APPROVER), reasonGiven())).and()
                // the enterprise may withdraw at any point before the decision
                .withExternal().source(DRAFT).target(WITHDRAWN).event(WITHDRAW)
                .guard(all(role(ENTERPRISE), owner())).and()
                .withExternal().source(SUBMITTED).target(WITHDRAWN).event(WITHDRAW)
                .guard(all(role(ENTERPRISE), owner())).and()
                .withExternal().source(UNDER_REVIEW).target(WITHDRAWN).event(WITHDRAW)
                .guard(all(role(ENTERPRISE), owner())).and()
                .withExternal().source(SUPPLEMENT_REQUESTED).target(WITHDRAWN).event(WITHDRAW)
                .guard(all(role(ENTERPRISE), owner())).and()
                .withExternal().source(REVIEWED).target(WITHDRAWN).event(WITHDRAW)
                .guard(all(role(ENTERPRISE), owner()));
    }

    // ---- the rules ----------------------------------------------------------------------------------------------

    /** A rule of a transition: its name (reported to clients and drawn on the diagram) and the refusal message. */
    record Rule(String name, String message, Predicate<TransitionContext> holds) {
    }

    static Rule role(Role role) {
        return new Rule("role:" + role, "Vai trò của bạn không được thực hiện thao tác này.",
                t -> t.actor.has(role));
    }

    static Rule anyRole(Role... roles) {
        return new Rule("role:" + Arrays.stream(roles).map(Role::name).collect(Collectors.joining("|")),
                "Vai trò của bạn không được thực hiện thao tác này.",
                t -> Arrays.stream(roles).anyMatch(t.actor::has));
    }

    static Rule owner() {
        return new Rule("owner", "Chỉ tổ chức đứng tên hồ sơ mới được thực hiện thao tác này.",
                t -> t.dossier.organisationId().equals(t.actor.organisationId()));
    }

    static Rule reasonGiven() {
        return new Rule("reason-required", "Vui lòng nêu rõ lý do.", t -> t.request.hasComment());
    }

    Rule requiredDocumentsPresent() {
        return new Rule("required-documents", "Hồ sơ còn thiếu giấy tờ bắt buộc.", t -> {
            Set<String> missing = new HashSet<>(catalog.requiredDocumentTypes(t.dossier.contentCode()));
            missing.removeAll(documents.presentTypes(t.dossier.id()));
            if (!missing.isEmpty()) {
                t.refuse("required-documents", "Hồ sơ còn thiếu giấy tờ bắt buộc: " + missing.stream().sorted()
                        .map(code -> catalog.documentType(code).map(d -> d.name()).orElse(code))
                        .collect(Collectors.joining("; ")) + ".");
            }
            return missing.isEmpty();
        });
    }

    Rule firstSupplementRequest() {
        return new Rule("supplement-once", "Hồ sơ chỉ được yêu cầu bổ sung một lần.",
                t -> history.count(t.dossier.id(), REQUEST_SUPPLEMENT) == 0);
    }

    Rule notTheRecommendingReviewer() {
        return new Rule("four-eyes", "Người phê duyệt phải khác người đã thẩm định hồ sơ.",
                t -> history.lastActor(t.dossier.id(), RECOMMEND).map(r -> !r.equals(t.actor.username())).orElse(true));
    }

    /** All rules must hold, checked in order; the first that fails is the one reported. */
    static Guard<DossierStatus, DossierEvent> all(Rule... rules) {
        return new RulesGuard(List.of(rules));
    }

    /** The guard handed to the state machine; its {@code toString} names the rules for the generated diagram. */
    record RulesGuard(List<Rule> rules) implements Guard<DossierStatus, DossierEvent> {

        @Override
        public boolean evaluate(StateContext<DossierStatus, DossierEvent> context) {
            TransitionContext transition = (TransitionContext) context.getMessageHeader(TransitionContext.HEADER);
            for (Rule rule : rules) {
                if (!rule.holds().test(transition)) {
                    transition.refuse(rule.name(), rule.message());
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return rules.stream().map(Rule::name).collect(Collectors.joining(", "));
        }
    }
}
