package vn.khuyencong.workflow;

/** What the actor says with an event: the reasons, for the events that require them. */
public record TransitionRequest(String comment) {

    public static TransitionRequest none() {
        return new TransitionRequest(null);
    }

    public boolean hasComment() {
        return comment != null && !comment.isBlank();
    }
}
