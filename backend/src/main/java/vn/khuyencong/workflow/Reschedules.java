package vn.khuyencong.workflow;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import vn.khuyencong.catalog.WorkingDays;
import vn.khuyencong.shared.ProblemException.FieldProblem;

/**
 * The dates of an apology with a new appointment (one-stop form 04): sent at the latest one working day before the
 * current appointment, for a working day after it and at most the catalogue's maximum extension later. Today is a
 * parameter, so the rules can be checked for any day.
 */
final class Reschedules {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final WorkingDays workingDays;

    Reschedules(WorkingDays workingDays) {
        this.workingDays = workingDays;
    }

    /** Whether an apology sent {@code today} is in time for {@code appointment}. */
    boolean inTime(LocalDate today, LocalDate appointment) {
        return appointment != null && !workingDays.plusWorkingDays(today, 1).isAfter(appointment);
    }

    /** Null when {@code proposed} is a working day after {@code current}; otherwise why not. */
    DossierWorkflowDefinition.Refused laterWorkingDayProblem(LocalDate current, LocalDate proposed) {
        if (proposed == null || current == null || !proposed.isAfter(current) || !workingDays.isWorkingDay(proposed)) {
            return new DossierWorkflowDefinition.Refused(
                    "Ngày hẹn mới phải là ngày làm việc sau ngày hẹn hiện tại.",
                    List.of(new FieldProblem("newAppointmentDate", "Chọn một ngày làm việc sau ngày hẹn hiện tại.")));
        }
        return null;
    }

    /** Null when {@code proposed} is at most {@code maxWorkingDays} working days after {@code current}. */
    DossierWorkflowDefinition.Refused withinLimitProblem(LocalDate current, LocalDate proposed, int maxWorkingDays) {
        if (proposed == null || current == null) {
            return null;
        }
        LocalDate latest = workingDays.plusWorkingDays(current, maxWorkingDays);
        if (proposed.isAfter(latest)) {
            return new DossierWorkflowDefinition.Refused(
                    "Ngày hẹn mới không được quá " + maxWorkingDays
                            + " ngày làm việc sau ngày hẹn hiện tại (" + DAY.format(current) + "), tức chậm nhất ngày "
                            + DAY.format(latest) + ".",
                    List.of(new FieldProblem("newAppointmentDate", "Chậm nhất ngày " + DAY.format(latest) + ".")));
        }
        return null;
    }
}
