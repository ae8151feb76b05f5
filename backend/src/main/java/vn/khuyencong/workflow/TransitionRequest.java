package vn.khuyencong.workflow;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the actor says with an event. Each event reads its own part: reasons ({@code comment}) for refusals,
 * returns, terminations, supplement requests and reschedules; the list of missing {@code items} for a supplement
 * request; the score sheet and recommended amount for a recommendation; the decision number and approved amount
 * for an approval; the new appointment date for a reschedule; the reviewer for an assignment.
 */
public record TransitionRequest(
        String comment,
        List<String> items,
        Map<String, Integer> scores,
        Long recommendedAmount,
        String decisionNumber,
        Long approvedAmount,
        LocalDate newAppointmentDate,
        String assignee) {

    public TransitionRequest {
        items = items == null ? List.of() : List.copyOf(items);
        scores = scores == null ? Map.of() : Map.copyOf(scores);
    }

    public static TransitionRequest none() {
        return withComment(null);
    }

    public static TransitionRequest withComment(String comment) {
        return new TransitionRequest(comment, null, null, null, null, null, null, null);
    }

    public boolean hasComment() {
        return comment != null && !comment.isBlank();
    }
}
