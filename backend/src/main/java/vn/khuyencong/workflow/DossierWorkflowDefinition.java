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
import static vn.khuyencong.identity.Role.APPROVER;
import static vn.khuyencong.identity.Role.ENTERPRISE;
import static vn.khuyencong.identity.Role.MONITOR;
import static vn.khuyencong.identity.Role.REVIEWER;
import static vn.khuyencong.shared.Texts.vnd;
import static vn.khuyencong.workflow.DossierEvent.ACCEPT;
import static vn.khuyencong.workflow.DossierEvent.APPROVE;
import static vn.khuyencong.workflow.DossierEvent.ASSIGN;
import static vn.khuyencong.workflow.DossierEvent.RECOMMEND;
import static vn.khuyencong.workflow.DossierEvent.REJECT;
import static vn.khuyencong.workflow.DossierEvent.REQUEST_SUPPLEMENT;
import static vn.khuyencong.workflow.DossierEvent.RESCHEDULE;
import static vn.khuyencong.workflow.DossierEvent.RESUBMIT;
import static vn.khuyencong.workflow.DossierEvent.RETURN;
import static vn.khuyencong.workflow.DossierEvent.START_MONITORING;
import static vn.khuyencong.workflow.DossierEvent.START_REVIEW;
import static vn.khuyencong.workflow.DossierEvent.SUBMIT;
import static vn.khuyencong.workflow.DossierEvent.TERMINATE;
import static vn.khuyencong.workflow.DossierEvent.WITHDRAW;

import java.lang.reflect.Field;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.statemachine.StateContext;
import org.springframework.statemachine.config.EnableStateMachineFactory;
import org.springframework.statemachine.config.EnumStateMachineConfigurerAdapter;
import org.springframework.statemachine.config.builders.StateMachineConfigurationConfigurer;
import org.springframework.statemachine.config.builders.StateMachineStateConfigurer;
import org.springframework.statemachine.config.builders.StateMachineTransitionConfigurer;
import org.springframework.statemachine.guard.Guard;
import org.springframework.statemachine.transition.Transition;
import vn.khuyencong.catalog.Catalog;
import vn.khuyencong.catalog.ReviewCriterion;
import vn.khuyencong.catalog.WorkingDays;
import vn.khuyencong.document.Documents;
import vn.khuyencong.dossier.Dossier;
import vn.khuyencong.dossier.DossierForms;
import vn.khuyencong.dossier.DossierStateWriter;
import vn.khuyencong.dossier.DossierStatus;
import vn.khuyencong.identity.Officers;
import vn.khuyencong.identity.Role;
import vn.khuyencong.shared.ProblemException.FieldProblem;
import vn.khuyencong.shared.VietnamTime;

/**
 * The whole dossier workflow in one place: its states, and for every event the transition it makes and the
 * rules (guards) that must hold, checked in order. Read it top to bottom as the procedure's table; the rules
 * follow below it.
 */
@Configuration
@EnableStateMachineFactory(contextEvents = false)
class DossierWorkflowDefinition extends EnumStateMachineConfigurerAdapter<DossierStatus, DossierEvent> {

    private final Catalog catalog;
    private final Documents documents;
    private final DossierHistory history;
    private final ProcessingRecords records;
    private final DossierForms forms;
    private final WorkingDays workingDays;
    private final Officers officers;
    private final ObjectProvider<AcceptanceRecords> acceptanceRecords;
    private final Reschedules reschedules;
    private final DossierStateWriter stateWriter;

    DossierWorkflowDefinition(
            Catalog catalog,
            Documents documents,
            DossierHistory history,
            ProcessingRecords records,
            DossierForms forms,
            WorkingDays workingDays,
            Officers officers,
            ObjectProvider<AcceptanceRecords> acceptanceRecords,
            DossierStateWriter stateWriter) {
        this.catalog = catalog;
        this.stateWriter = stateWriter;
        this.documents = documents;
        this.history = history;
        this.records = records;
        this.forms = forms;
        this.workingDays = workingDays;
        this.officers = officers;
        this.acceptanceRecords = acceptanceRecords;
        this.reschedules = new Reschedules(workingDays);
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
                .end(COMPLETED)
                .end(REJECTED)
                .end(WITHDRAWN)
                .end(TERMINATED);
    }

    @Override
    public void configure(StateMachineTransitionConfigurer<DossierStatus, DossierEvent> transitions) throws Exception {
        transitions
                // the enterprise submits within the call; the receipt, the code and the appointment date are issued
                .withExternal()
                .source(DRAFT)
                .target(SUBMITTED)
                .event(SUBMIT)
                .guard(all(
                        role(ENTERPRISE),
                        owner(),
                        callOpen(),
                        formComplete(),
                        withinCap(),
                        requiredDocumentsPresent(),
                        noInfectedDocuments(),
                        documentsScanned()))
                .and()
                // the reviewer takes it up
                .withExternal()
                .source(SUBMITTED)
                .target(UNDER_REVIEW)
                .event(START_REVIEW)
                .guard(all(role(REVIEWER)))
                .and()
                // a reviewer or approver of the agency names the reviewer in charge
                .withExternal()
                .source(SUBMITTED)
                .target(SUBMITTED)
                .event(ASSIGN)
                .guard(all(anyRole(REVIEWER, APPROVER), assigneeIsReviewerOfTheAgency()))
                .and()
                .withExternal()
                .source(UNDER_REVIEW)
                .target(UNDER_REVIEW)
                .event(ASSIGN)
                .guard(all(anyRole(REVIEWER, APPROVER), assigneeIsReviewerOfTheAgency()))
                .and()
                .withExternal()
                .source(SUPPLEMENT_REQUESTED)
                .target(SUPPLEMENT_REQUESTED)
                .event(ASSIGN)
                .guard(all(anyRole(REVIEWER, APPROVER), assigneeIsReviewerOfTheAgency()))
                .and()
                .withExternal()
                .source(REVIEWED)
                .target(REVIEWED)
                .event(ASSIGN)
                .guard(all(anyRole(REVIEWER, APPROVER), assigneeIsReviewerOfTheAgency()))
                .and()
                // once per dossier, with reasons and the list of items; the clock stops
                .withExternal()
                .source(UNDER_REVIEW)
                .target(SUPPLEMENT_REQUESTED)
                .event(REQUEST_SUPPLEMENT)
                .guard(all(role(REVIEWER), reasonGiven(), itemsListed(), firstSupplementRequest()))
                .and()
                // the enterprise answers; the processing time restarts from zero
                .withExternal()
                .source(SUPPLEMENT_REQUESTED)
                .target(UNDER_REVIEW)
                .event(RESUBMIT)
                .guard(all(
                        role(ENTERPRISE),
                        owner(),
                        formComplete(),
                        withinCap(),
                        requiredDocumentsPresent(),
                        noInfectedDocuments(),
                        documentsScanned()))
                .and()
                // appraisal done: score sheet and a support amount recommended
                .withExternal()
                .source(UNDER_REVIEW)
                .target(REVIEWED)
                .event(RECOMMEND)
                .guard(all(role(REVIEWER), scoreSheetComplete(), recommendationWithinLimits()))
                .and()
                // the approver sends it back to review
                .withExternal()
                .source(REVIEWED)
                .target(UNDER_REVIEW)
                .event(RETURN)
                .guard(all(role(APPROVER), reasonGiven()))
                .and()
                // the decision, by someone other than the recommending reviewer
                .withExternal()
                .source(REVIEWED)
                .target(APPROVED)
                .event(APPROVE)
                .guard(all(
                        role(APPROVER), notTheRecommendingReviewer(), decisionGiven(), approvedWithinRecommendation()))
                .and()
                // refusal, with reasons
                .withExternal()
                .source(UNDER_REVIEW)
                .target(REJECTED)
                .event(REJECT)
                .guard(all(anyRole(REVIEWER, APPROVER), reasonGiven()))
                .and()
                .withExternal()
                .source(REVIEWED)
                .target(REJECTED)
                .event(REJECT)
                .guard(all(anyRole(REVIEWER, APPROVER), reasonGiven()))
                .and()
                // late: an apology with one new appointment date, at least one working day before the deadline
                .withExternal()
                .source(SUBMITTED)
                .target(SUBMITTED)
                .event(RESCHEDULE)
                .guard(rescheduleAllowed())
                .and()
                .withExternal()
                .source(UNDER_REVIEW)
                .target(UNDER_REVIEW)
                .event(RESCHEDULE)
                .guard(rescheduleAllowed())
                .and()
                .withExternal()
                .source(REVIEWED)
                .target(REVIEWED)
                .event(RESCHEDULE)
                .guard(rescheduleAllowed())
                .and()
                // implementation is watched until acceptance or termination
                .withExternal()
                .source(APPROVED)
                .target(MONITORED)
                .event(START_MONITORING)
                .guard(all(role(MONITOR)))
                .and()
                // accepted once the acceptance record (outcomes achieved, counterpart funds realised) is written
                .withExternal()
                .source(MONITORED)
                .target(COMPLETED)
                .event(ACCEPT)
                .guard(all(role(MONITOR), acceptanceRecorded()))
                .and()
                .withExternal()
                .source(MONITORED)
                .target(TERMINATED)
                .event(TERMINATE)
                .guard(all(role(APPROVER), reasonGiven()))
                .and()
                // the enterprise may withdraw at any point before the decision
                .withExternal()
                .source(DRAFT)
                .target(WITHDRAWN)
                .event(WITHDRAW)
                .guard(all(role(ENTERPRISE), owner()))
                .and()
                .withExternal()
                .source(SUBMITTED)
                .target(WITHDRAWN)
                .event(WITHDRAW)
                .guard(all(role(ENTERPRISE), owner()))
                .and()
                .withExternal()
                .source(UNDER_REVIEW)
                .target(WITHDRAWN)
                .event(WITHDRAW)
                .guard(all(role(ENTERPRISE), owner()))
                .and()
                .withExternal()
                .source(SUPPLEMENT_REQUESTED)
                .target(WITHDRAWN)
                .event(WITHDRAW)
                .guard(all(role(ENTERPRISE), owner()))
                .and()
                .withExternal()
                .source(REVIEWED)
                .target(WITHDRAWN)
                .event(WITHDRAW)
                .guard(all(role(ENTERPRISE), owner()));
    }

    // ---- the effects --------------------------------------------------------------------------------------------

    private static final DateTimeFormatter CODE_DATE = DateTimeFormatter.ofPattern("yyMMdd");

    /**
     * What a transition writes besides the new state: fields of the dossier row, and the processing records
     * written once the row is. Listeners of {@link DossierTransitioned} do the rest after the commit: the papers
     * (receipt, supplement request, refusal, decision, apology), the mails, and on ACCEPT the settlement of the
     * project's funds (monitoring's {@code Settlements}).
     */
    Effect effect(TransitionContext t, Instant now) {
        Dossier dossier = t.dossier;
        TransitionRequest request = t.request;
        String actor = t.actor.username();
        return switch (t.event) {
            // the receipt: a code from the agency's sequence of the day; the processing clock starts now
            case SUBMIT ->
                new Effect(
                        dossierCode(dossier, now),
                        now,
                        appointmentDate(dossier, now),
                        workingDays.processingStart(now),
                        null,
                        Effect.NOTHING);
            // the supplement received: the processing time restarts from zero
            case RESUBMIT ->
                new Effect(
                        null,
                        null,
                        appointmentDate(dossier, now),
                        workingDays.processingStart(now),
                        null,
                        () -> records.recordSupplementAnswered(dossier.id(), now));
            // the apology: the one new appointment date
            case RESCHEDULE -> Effect.fields(null, request.newAppointmentDate(), null);
            case ASSIGN -> Effect.fields(null, null, request.assignee());
            case REQUEST_SUPPLEMENT ->
                Effect.recording(() -> records.recordSupplementRequest(
                        dossier.id(),
                        request.comment(),
                        request.items().stream()
                                .filter(item -> item != null && !item.isBlank())
                                .map(String::strip)
                                .toList(),
                        actor,
                        now));
            // the score sheet and the recommended amount
            case RECOMMEND ->
                Effect.recording(() -> records.recordReview(
                        dossier.id(), actor, request.scores(), request.recommendedAmount(), request.comment(), now));
            // the decision's number and the approved amount
            case APPROVE ->
                Effect.recording(() -> records.recordDecision(
                        dossier.id(), request.decisionNumber(), request.approvedAmount(), actor, now));
            case START_REVIEW, RETURN, REJECT, START_MONITORING, ACCEPT, TERMINATE, WITHDRAW -> Effect.NONE;
        };
    }

    /** The history keeps the reasons; a reschedule also keeps the new date, an assignment the assignee. */
    static String historyComment(TransitionContext t) {
        TransitionRequest request = t.request;
        return switch (t.event) {
            case RESCHEDULE ->
                request.newAppointmentDate() + ": " + request.comment().strip();
            case ASSIGN -> request.assignee();
            case REQUEST_SUPPLEMENT -> request.comment().strip() + " — " + String.join("; ", request.items());
            default -> request.hasComment() ? request.comment().strip() : null;
        };
    }

    private String dossierCode(Dossier dossier, Instant now) {
        LocalDate day = now.atZone(VietnamTime.ZONE).toLocalDate();
        return dossier.agencyCode() + "-" + CODE_DATE.format(day) + "-"
                + "%04d".formatted(stateWriter.nextSequence(dossier.agencyCode(), day));
    }

    private LocalDate appointmentDate(Dossier dossier, Instant now) {
        int days = catalog.content(dossier.contentCode()).orElseThrow().processingDays();
        return workingDays.appointmentDate(now, days);
    }

    /**
     * The fields a transition sets on the row (null: left as they are) and what it records once the row is
     * written. Only the submission sets a code and a submission time.
     */
    record Effect(
            String code,
            Instant submittedAt,
            LocalDate appointmentDate,
            LocalDate processingStartedOn,
            String assignee,
            Runnable afterWrite) {

        static final Runnable NOTHING = () -> {};
        static final Effect NONE = new Effect(null, null, null, null, null, NOTHING);

        static Effect fields(LocalDate processingStartedOn, LocalDate appointmentDate, String assignee) {
            return new Effect(null, null, appointmentDate, processingStartedOn, assignee, NOTHING);
        }

        static Effect recording(Runnable afterWrite) {
            return new Effect(null, null, null, null, null, afterWrite);
        }
    }

    // ---- the rules ----------------------------------------------------------------------------------------------

    /**
     * A rule of a transition: its name (reported to clients and drawn on the diagram), what it judges, and a check
     * that either passes or returns the refusal.
     */
    record Rule(String name, Judges judges, Check check) {

        Rule(String name, Check check) {
            this(name, Judges.INPUT, check);
        }

        /** The rule may keep the event from being offered at all: it does not depend on what the user sends. */
        boolean decidesOffer() {
            return judges != Judges.INPUT;
        }
    }

    /**
     * What a rule looks at. The actor and the dossier's state decide which events a user is offered
     * ({@link WorkflowAffordances}); what the user sends or has yet to complete is judged only when the event is
     * fired, so that the refusal can say what to fix.
     */
    enum Judges {
        /** who is acting: role, ownership, four eyes */
        ACTOR,
        /** the dossier's state and history, which the user cannot change by filling something in */
        STATE,
        /** the request's fields and the dossier's content */
        INPUT
    }

    @FunctionalInterface
    interface Check {
        /** Null when the rule holds; otherwise why not. */
        Refused test(TransitionContext t);
    }

    record Refused(String message, List<FieldProblem> fields) {

        static Refused because(String message) {
            return new Refused(message, List.of());
        }
    }

    static Rule rule(String name, String message, Predicate<TransitionContext> holds) {
        return rule(name, Judges.INPUT, message, holds);
    }

    static Rule rule(String name, Judges judges, String message, Predicate<TransitionContext> holds) {
        return new Rule(name, judges, t -> holds.test(t) ? null : Refused.because(message));
    }

    static Rule role(Role role) {
        return anyRole(role);
    }

    /** The actor holds one of {@code roles}; the first of them it holds is the role the history records. */
    static Rule anyRole(Role... roles) {
        return rule(
                "role:" + Arrays.stream(roles).map(Role::name).collect(Collectors.joining("|")),
                Judges.ACTOR,
                "Vai trò của bạn không được thực hiện thao tác này.",
                t -> {
                    for (Role role : roles) {
                        if (t.actor.has(role)) {
                            t.authorisedAs(role);
                            return true;
                        }
                    }
                    return false;
                });
    }

    static Rule owner() {
        return rule(
                "owner",
                Judges.ACTOR,
                "Chỉ tổ chức đứng tên hồ sơ mới được thực hiện thao tác này.",
                t -> t.dossier.isOwnedBy(t.actor));
    }

    static Rule reasonGiven() {
        return rule("reason-required", "Vui lòng nêu rõ lý do.", t -> t.request.hasComment());
    }

    static Rule itemsListed() {
        return rule(
                "items-required",
                "Vui lòng liệt kê các giấy tờ, nội dung cần bổ sung.",
                t -> t.request.items().stream().anyMatch(item -> item != null && !item.isBlank()));
    }

    Rule callOpen() {
        return rule(
                "call-open",
                "Đợt tiếp nhận hồ sơ của chương trình này hiện không mở. Hồ sơ chỉ được nộp trong thời gian tiếp nhận.",
                t -> t.dossier.fundingCallId() != null
                        && catalog.fundingCall(t.dossier.fundingCallId())
                                .map(call -> call.isOpenOn(workingDays.today()))
                                .orElse(false));
    }

    Rule formComplete() {
        return new Rule("form-complete", t -> {
            List<FieldProblem> problems = forms.completenessProblems(t.dossier);
            return problems.isEmpty()
                    ? null
                    : new Refused(
                            "Hồ sơ còn " + problems.size() + " mục chưa hoàn chỉnh. Vui lòng bổ sung trước khi nộp.",
                            problems);
        });
    }

    Rule withinCap() {
        return new Rule("support-cap", t -> {
            Long cap = forms.supportCap(t.dossier, workingDays.today());
            if (cap == null || t.dossier.requestedSupport() <= cap) {
                return null;
            }
            return new Refused(
                    "Kinh phí đề nghị hỗ trợ vượt mức tối đa " + vnd(cap) + " cho loại hỗ trợ này.",
                    List.of(new FieldProblem("requestedSupport", "Không quá " + vnd(cap) + ".")));
        });
    }

    /** Every required document of the checklist present; every missing one listed, in checklist order. */
    Rule requiredDocumentsPresent() {
        return new Rule("required-documents", t -> {
            List<String> missing = documents.checklist(t.dossier).missing();
            if (missing.isEmpty()) {
                return null;
            }
            List<String> names = missing.stream().map(documents::typeName).toList();
            return new Refused(
                    "Hồ sơ còn thiếu " + missing.size() + " giấy tờ bắt buộc: " + String.join("; ", names) + ".",
                    missing.stream()
                            .map(code -> new FieldProblem(
                                    "documents." + code, "Còn thiếu: " + documents.typeName(code) + "."))
                            .toList());
        });
    }

    /** No document the virus scanner found infected. */
    Rule noInfectedDocuments() {
        return new Rule("documents-clean", t -> {
            var infected = documents.infected(t.dossier.id());
            if (infected.isEmpty()) {
                return null;
            }
            return new Refused(
                    "Hồ sơ có " + infected.size() + " tài liệu nhiễm mã độc. Vui lòng xoá hoặc thay thế trước khi nộp.",
                    infected.stream()
                            .map(d -> new FieldProblem(
                                    "documents." + d.documentType(), "Tệp \"" + d.fileName() + "\" nhiễm mã độc."))
                            .toList());
        });
    }

    /** No document still waiting for the virus scanner: nothing reaches an officer unscanned. */
    Rule documentsScanned() {
        return new Rule("documents-scanned", t -> {
            var pending = documents.awaitingScan(t.dossier.id());
            if (pending.isEmpty()) {
                return null;
            }
            return new Refused(
                    "Hồ sơ có " + pending.size() + " tài liệu đang chờ quét virus. Hệ thống tự quét lại sau ít"
                            + " phút; vui lòng nộp lại sau khi quét xong.",
                    pending.stream()
                            .map(d -> new FieldProblem(
                                    "documents." + d.documentType(),
                                    "Tệp \"" + d.fileName() + "\" đang chờ quét virus."))
                            .toList());
        });
    }

    Rule firstSupplementRequest() {
        return rule(
                "supplement-once",
                Judges.STATE,
                "Hồ sơ chỉ được yêu cầu bổ sung một lần.",
                t -> records.supplementRequest(t.dossier.id()).isEmpty());
    }

    Rule scoreSheetComplete() {
        return new Rule("score-sheet", t -> {
            List<FieldProblem> problems = new ArrayList<>();
            List<ReviewCriterion> criteria = catalog.reviewCriteria();
            for (ReviewCriterion criterion : criteria) {
                Integer score = t.request.scores().get(criterion.code());
                if (score == null || score < 0 || score > criterion.maxScore()) {
                    problems.add(new FieldProblem(
                            "scores." + criterion.code(),
                            "Chấm điểm \"" + criterion.name() + "\" từ 0 đến " + criterion.maxScore() + "."));
                }
            }
            t.request.scores().keySet().stream()
                    .filter(code -> criteria.stream().noneMatch(c -> c.code().equals(code)))
                    .forEach(code -> problems.add(
                            new FieldProblem("scores." + code, "Tiêu chí không có trong phiếu thẩm định.")));
            return problems.isEmpty() ? null : new Refused("Phiếu thẩm định chưa đầy đủ.", problems);
        });
    }

    Rule recommendationWithinLimits() {
        return new Rule("recommended-within-limits", t -> {
            Long recommended = t.request.recommendedAmount();
            if (recommended == null || recommended < 0) {
                return new Refused(
                        "Vui lòng nhập kinh phí đề xuất hỗ trợ.",
                        List.of(new FieldProblem("recommendedAmount", "Vui lòng nhập kinh phí đề xuất hỗ trợ.")));
            }
            if (recommended > t.dossier.requestedSupport()) {
                return new Refused(
                        "Kinh phí đề xuất không được vượt kinh phí đề nghị (" + vnd(t.dossier.requestedSupport())
                                + ").",
                        List.of(new FieldProblem(
                                "recommendedAmount", "Không quá " + vnd(t.dossier.requestedSupport()) + ".")));
            }
            Long cap = forms.supportCap(t.dossier, workingDays.today());
            if (cap != null && recommended > cap) {
                return new Refused(
                        "Kinh phí đề xuất vượt mức hỗ trợ tối đa " + vnd(cap) + ".",
                        List.of(new FieldProblem("recommendedAmount", "Không quá " + vnd(cap) + ".")));
            }
            return null;
        });
    }

    Rule notTheRecommendingReviewer() {
        return rule(
                "four-eyes",
                Judges.ACTOR,
                "Người phê duyệt phải khác người đã thẩm định hồ sơ.",
                t -> records.latestReview(t.dossier.id())
                        .map(r -> !r.reviewer().equals(t.actor.username()))
                        .orElse(true));
    }

    Rule decisionGiven() {
        return new Rule("decision-number", t -> {
            String number = t.request.decisionNumber();
            if (number == null || number.isBlank()) {
                return new Refused(
                        "Vui lòng nhập số quyết định phê duyệt.",
                        List.of(new FieldProblem("decisionNumber", "Vui lòng nhập số quyết định.")));
            }
            if (records.decisionNumberTaken(number.strip())) {
                return new Refused(
                        "Số quyết định này đã được dùng cho hồ sơ khác.",
                        List.of(new FieldProblem("decisionNumber", "Số quyết định đã tồn tại.")));
            }
            return null;
        });
    }

    Rule approvedWithinRecommendation() {
        return new Rule("approved-within-recommended", t -> {
            Long approved = t.request.approvedAmount();
            long recommended = records.latestReview(t.dossier.id())
                    .map(ProcessingRecords.Review::recommendedAmount)
                    .orElse(0L);
            if (approved == null || approved < 0) {
                return new Refused(
                        "Vui lòng nhập kinh phí phê duyệt.",
                        List.of(new FieldProblem("approvedAmount", "Vui lòng nhập kinh phí phê duyệt.")));
            }
            if (approved > recommended) {
                return new Refused(
                        "Kinh phí phê duyệt không được vượt kinh phí đề xuất (" + vnd(recommended) + ").",
                        List.of(new FieldProblem("approvedAmount", "Không quá " + vnd(recommended) + ".")));
            }
            return null;
        });
    }

    /** A new appointment date, in every state where the dossier is still being handled: the same rules in each. */
    private Guard<DossierStatus, DossierEvent> rescheduleAllowed() {
        return all(
                anyRole(REVIEWER, APPROVER),
                reasonGiven(),
                rescheduledOnlyOnce(),
                rescheduledInTime(),
                newDateLater(),
                newDateWithinLimit());
    }

    Rule rescheduledOnlyOnce() {
        return rule(
                "reschedule-once",
                Judges.STATE,
                "Hồ sơ chỉ được hẹn lại ngày trả kết quả một lần.",
                t -> history.count(t.dossier.id(), RESCHEDULE) == 0);
    }

    Rule rescheduledInTime() {
        return rule(
                "reschedule-before-deadline",
                Judges.STATE,
                "Thư xin lỗi và hẹn lại phải gửi chậm nhất một ngày làm việc trước ngày hẹn trả kết quả.",
                t -> reschedules.inTime(workingDays.today(), t.dossier.appointmentDate()));
    }

    Rule newDateLater() {
        return new Rule(
                "new-appointment-date",
                t -> reschedules.laterWorkingDayProblem(t.dossier.appointmentDate(), t.request.newAppointmentDate()));
    }

    Rule newDateWithinLimit() {
        return new Rule(
                "reschedule-within-limit",
                t -> reschedules.withinLimitProblem(
                        t.dossier.appointmentDate(),
                        t.request.newAppointmentDate(),
                        catalog.rescheduleMaxWorkingDays()));
    }

    Rule assigneeIsReviewerOfTheAgency() {
        return new Rule("assignee-reviewer", t -> {
            String assignee = t.request.assignee();
            return assignee != null && officers.holds(assignee, t.dossier.agencyCode(), REVIEWER)
                    ? null
                    : new Refused(
                            "Người được giao phải là cán bộ thẩm định của cơ quan.",
                            List.of(new FieldProblem("assignee", "Chọn một cán bộ thẩm định của cơ quan.")));
        });
    }

    Rule acceptanceRecorded() {
        return rule(
                "acceptance-record",
                "Vui lòng lập biên bản nghiệm thu (kết quả đạt được, vốn đối ứng đã thực hiện) trước khi nghiệm thu.",
                t -> acceptanceRecords.stream().anyMatch(records -> records.recorded(t.dossier.id())));
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
                Refused refused = rule.check().test(transition);
                if (refused != null) {
                    transition.refuse(rule.name(), refused.message(), refused.fields());
                    return false;
                }
            }
            return true;
        }

        /** Whether the event is offered to the actor: the rules on the actor and on the state hold. */
        boolean offers(TransitionContext transition) {
            return rules.stream()
                    .filter(Rule::decidesOffer)
                    .allMatch(rule -> rule.check().test(transition) == null);
        }

        /**
         * The rules guard of a configured transition; the engine may hand it back wrapped in its own guard type.
         */
        static RulesGuard of(Transition<DossierStatus, DossierEvent> transition) {
            Object guard = transition.getGuard();
            if (guard instanceof RulesGuard rules) {
                return rules;
            }
            for (Field field : guard.getClass().getDeclaredFields()) {
                field.setAccessible(true);
                try {
                    if (field.get(guard) instanceof RulesGuard rules) {
                        return rules;
                    }
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
            throw new IllegalStateException("Guard of " + transition.getSource().getId() + "/"
                    + transition.getTrigger().getEvent() + " is not a rules guard: " + guard);
        }

        @Override
        public String toString() {
            return rules.stream().map(Rule::name).collect(Collectors.joining(", "));
        }
    }
}
