package vn.khuyencong.dossier;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.khuyencong.catalog.WorkingDays;

/** Where a dossier stands against its appointment date, for queues' colours and the overdue flag. */
@Component
public class Deadlines {

    /** The states in which the processing clock runs. */
    public static final Set<DossierStatus> CLOCK_RUNS =
            EnumSet.of(DossierStatus.SUBMITTED, DossierStatus.UNDER_REVIEW, DossierStatus.REVIEWED);

    /** "Due soon" when the appointment is at most this many working days away. */
    static final int DUE_SOON_WORKING_DAYS = 2;

    public enum State {
        /** No deadline applies (draft, decided, closed). */
        NONE,
        /** The clock is stopped while the enterprise supplements the dossier. */
        PAUSED,
        ON_TIME,
        DUE_SOON,
        OVERDUE
    }

    private final WorkingDays workingDays;

    Deadlines(WorkingDays workingDays) {
        this.workingDays = workingDays;
    }

    public State of(Dossier d) {
        if (d.status() == DossierStatus.SUPPLEMENT_REQUESTED) {
            return State.PAUSED;
        }
        if (!CLOCK_RUNS.contains(d.status()) || d.appointmentDate() == null) {
            return State.NONE;
        }
        LocalDate today = workingDays.today();
        if (today.isAfter(d.appointmentDate())) {
            return State.OVERDUE;
        }
        return workingDays.workingDaysBetween(today, d.appointmentDate()) <= DUE_SOON_WORKING_DAYS
                ? State.DUE_SOON
                : State.ON_TIME;
    }
}
