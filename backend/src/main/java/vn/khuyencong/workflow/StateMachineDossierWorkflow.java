package vn.khuyencong.workflow;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.config.StateMachineFactory;
import org.springframework.statemachine.state.State;
import org.springframework.statemachine.support.DefaultStateMachineContext;
import org.springframework.statemachine.support.StateMachineInterceptorAdapter;
import org.springframework.statemachine.transition.Transition;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;
import vn.khuyencong.dossier.Dossier;
import vn.khuyencong.dossier.DossierStateWriter;
import vn.khuyencong.dossier.DossierStatus;
import vn.khuyencong.dossier.Dossiers;
import vn.khuyencong.dossier.StateChange;
import vn.khuyencong.identity.CurrentUser;
import vn.khuyencong.shared.ProblemException;

/**
 * Runs {@link DossierWorkflowDefinition} on spring-statemachine. Machines are pooled and reset to the dossier's
 * stored status before every event; the change (the state, the definition's effects, the history row) is written
 * by an interceptor before the machine switches state, so a failed write vetoes the transition. Success is judged by
 * the state reached, never by the engine's ACCEPTED.
 */
@Service
class StateMachineDossierWorkflow implements DossierWorkflow {

    private final StateMachineFactory<DossierStatus, DossierEvent> machines;
    private final Dossiers dossiers;
    private final DossierStateWriter stateWriter;
    private final DossierHistory history;
    private final DossierWorkflowDefinition definition;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Recorder recorder = new Recorder();
    /** Idle machines by the state they are in: one already in the stored state needs no reset. */
    private final Map<DossierStatus, Queue<StateMachine<DossierStatus, DossierEvent>>> idle = idleByState();

    private final AtomicInteger idleCount = new AtomicInteger();
    private static final int MAX_IDLE = 64;
    private static final Set<DossierStatus> END_STATES = EnumSet.of(
            DossierStatus.COMPLETED, DossierStatus.REJECTED, DossierStatus.WITHDRAWN, DossierStatus.TERMINATED);

    private final TransitionMetrics metrics;

    StateMachineDossierWorkflow(
            StateMachineFactory<DossierStatus, DossierEvent> machines,
            Dossiers dossiers,
            DossierStateWriter stateWriter,
            DossierHistory history,
            DossierWorkflowDefinition definition,
            ApplicationEventPublisher events,
            Clock clock,
            MeterRegistry meters) {
        this.machines = machines;
        this.metrics = new TransitionMetrics(meters);
        this.dossiers = dossiers;
        this.stateWriter = stateWriter;
        this.history = history;
        this.definition = definition;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Dossier fire(UUID dossierId, DossierEvent event, CurrentUser actor, TransitionRequest request) {
        Dossier dossier = dossiers.getVisible(dossierId, actor);
        TransitionContext context =
                new TransitionContext(dossier, event, actor, request == null ? TransitionRequest.none() : request);

        StateMachine<DossierStatus, DossierEvent> machine = acquire(dossier.status());
        try {
            Message<DossierEvent> message = MessageBuilder.withPayload(event)
                    .setHeader(TransitionContext.HEADER, context)
                    .build();
            machine.sendEvent(Mono.just(message)).blockLast();
        } finally {
            release(machine);
        }

        if (context.failure() != null) {
            metrics.failed(event);
            throw context.failure();
        }
        if (context.result() == null) {
            metrics.refused(event);
            throw refusal(context);
        }
        metrics.done(event);
        return context.result();
    }

    /**
     * Building a machine from the configuration costs far more than the transition itself, so machines are
     * reused: a machine stays started between events and is reset to the dossier's stored state before each one;
     * it serves one event at a time.
     */
    private StateMachine<DossierStatus, DossierEvent> acquire(DossierStatus stored) {
        StateMachine<DossierStatus, DossierEvent> machine = idle.get(stored).poll();
        if (machine != null) {
            idleCount.decrementAndGet();
            return machine;
        }
        machine = anyIdle();
        if (machine == null) {
            machine = machines.getStateMachine(UUID.randomUUID().toString());
            machine.getStateMachineAccessor().doWithAllRegions(access -> access.addStateMachineInterceptor(recorder));
            reset(machine, stored);
            machine.startReactively().block();
        } else {
            reset(machine, stored);
        }
        return machine;
    }

    private StateMachine<DossierStatus, DossierEvent> anyIdle() {
        for (var queue : idle.values()) {
            StateMachine<DossierStatus, DossierEvent> machine = queue.poll();
            if (machine != null) {
                idleCount.decrementAndGet();
                return machine;
            }
        }
        return null;
    }

    private static void reset(StateMachine<DossierStatus, DossierEvent> machine, DossierStatus stored) {
        machine.getStateMachineAccessor()
                .doWithAllRegions(access -> access.resetStateMachineReactively(
                                new DefaultStateMachineContext<>(stored, null, null, null))
                        .block());
    }

    private void release(StateMachine<DossierStatus, DossierEvent> machine) {
        // a machine that reached a final state has stopped itself: it is dropped, like one in error
        if (machine.isComplete()
                || machine.hasStateMachineError()
                || machine.getState() == null
                || END_STATES.contains(machine.getState().getId())) {
            machine.stopReactively().block();
            return;
        }
        if (idleCount.incrementAndGet() <= MAX_IDLE) {
            idle.get(machine.getState().getId()).offer(machine);
        } else {
            idleCount.decrementAndGet();
            machine.stopReactively().block();
        }
    }

    private static Map<DossierStatus, Queue<StateMachine<DossierStatus, DossierEvent>>> idleByState() {
        var map = new EnumMap<DossierStatus, Queue<StateMachine<DossierStatus, DossierEvent>>>(DossierStatus.class);
        for (DossierStatus status : DossierStatus.values()) {
            map.put(status, new ConcurrentLinkedQueue<>());
        }
        return Collections.unmodifiableMap(map);
    }

    private static ProblemException refusal(TransitionContext context) {
        if (context.refusal() != null) {
            return ProblemException.ruleViolated(
                    context.refusal().rule(),
                    context.refusal().message(),
                    context.refusal().fields());
        }
        return ProblemException.ruleViolated(
                "transition-not-allowed",
                "Không thể thực hiện thao tác \"" + context.event + "\" khi hồ sơ đang ở trạng thái \""
                        + context.dossier.status().label() + "\".");
    }

    /**
     * Writes the transition (state, history, event) in the caller's transaction, before the machine moves; the
     * transition travels in the message, so one interceptor serves every machine.
     */
    private final class Recorder extends StateMachineInterceptorAdapter<DossierStatus, DossierEvent> {

        @Override
        public void preStateChange(
                State<DossierStatus, DossierEvent> state,
                Message<DossierEvent> message,
                Transition<DossierStatus, DossierEvent> transition,
                StateMachine<DossierStatus, DossierEvent> machine,
                StateMachine<DossierStatus, DossierEvent> root) {
            TransitionContext context = message == null
                    ? null
                    : (TransitionContext) message.getHeaders().get(TransitionContext.HEADER);
            if (context == null || context.result() != null) {
                return;
            }
            try {
                new Recording(context).record(state.getId());
            } catch (RuntimeException e) {
                context.failed(e);
                throw e;
            }
        }
    }

    /** One transition being written. */
    private final class Recording {

        private final TransitionContext context;

        Recording(TransitionContext context) {
            this.context = context;
        }

        private void record(DossierStatus to) {
            Dossier dossier = context.dossier;
            Instant now = clock.instant();
            DossierWorkflowDefinition.Effect effect = definition.effect(context, now);
            // the version-checked update comes first: of two concurrent events on one dossier, the second waits for
            // the first's row lock, then finds another version and is refused before it writes anything of its own
            Dossier changed = stateWriter
                    .apply(new StateChange(
                            dossier.id(),
                            dossier.version(),
                            dossier.status(),
                            to,
                            now,
                            effect.code(),
                            effect.submittedAt(),
                            effect.appointmentDate(),
                            effect.processingStartedOn(),
                            effect.assignee()))
                    .orElseThrow(() -> ProblemException.conflict(
                            "Hồ sơ vừa được người khác xử lý. Vui lòng tải lại trang để xem trạng thái mới nhất."));
            effect.afterWrite().run();
            history.append(
                    dossier.id(),
                    context.event,
                    dossier.status(),
                    to,
                    context.actor.username(),
                    context.authorisedAs().name(),
                    DossierWorkflowDefinition.historyComment(context),
                    now);
            events.publishEvent(new DossierTransitioned(
                    dossier.id(), context.event, dossier.status(), to, context.actor.username(), now));
            if (effect.code() != null) {
                events.publishEvent(new DossierSubmitted(
                        dossier.id(), effect.code(), effect.submittedAt(), effect.appointmentDate()));
            }
            context.completed(changed);
        }
    }
}
