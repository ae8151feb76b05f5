package vn.khuyencong.statistics;

import java.math.BigDecimal;
import java.util.List;

/**
 * The figures of a report. Money is whole VND. A dossier counts once it has been submitted, unless it was
 * withdrawn; a project is a dossier that was approved (approved, monitored, completed or terminated).
 */
public final class StatisticsReport {

    private StatisticsReport() {}

    /**
     * The figures of one group (the whole filter, one programme, one content, one commune, one state or one year).
     *
     * @param key the group's code (null for the total)
     * @param name the group's name in Vietnamese
     * @param dossiers submitted dossiers, withdrawn ones excepted
     * @param projects approved dossiers
     * @param supportRequested support requested by the dossiers
     * @param supportApproved support approved for the projects, as amended by decided change requests
     * @param supportPaid advances and payments made
     * @param counterpartCommitted counterpart funds the projects committed to
     * @param counterpartRealised counterpart funds realised, from the frozen settlements
     * @param settledProjects projects with a frozen settlement (completed or terminated)
     * @param settledSupportPaid support paid to the settled projects
     * @param leverage counterpart realised for each VND of support paid, over the settled projects (null: none)
     */
    public record Figures(
            String key,
            String name,
            long dossiers,
            long projects,
            long supportRequested,
            long supportApproved,
            long supportPaid,
            long counterpartCommitted,
            long counterpartRealised,
            long settledProjects,
            long settledSupportPaid,
            BigDecimal leverage) {}

    /**
     * What the completed projects of one kind of support achieved, from their acceptance records.
     */
    public record Outcome(
            String supportKind,
            String supportKindName,
            String contentCode,
            long projects,
            long supportPaid,
            long counterpartRealised,
            long workersTrained,
            long machinesInstalled,
            long machinesWorking,
            long products,
            long fairsAttended) {}

    /**
     * How the dossiers were processed.
     *
     * @param dossiers submitted dossiers, withdrawn ones excepted
     * @param decided dossiers approved or refused
     * @param decidedOnTime decided on or before the appointment date, never rescheduled
     * @param onTimeRate share of the decided dossiers decided on time, in percent (null: none decided)
     * @param averageWorkingDaysToDecision working days from the start of processing to the decision, the start
     *        counted (null: none decided)
     * @param supplementsRequested dossiers whose supplement was requested
     * @param supplementRate share of the dossiers whose supplement was requested, in percent (null: no dossier)
     */
    public record Processing(
            long dossiers,
            long decided,
            long decidedOnTime,
            BigDecimal onTimeRate,
            BigDecimal averageWorkingDaysToDecision,
            long supplementsRequested,
            BigDecimal supplementRate) {}

    /** A target of a planning period and how far the projects starting within the period have come. */
    public record TargetProgress(
            String periodCode,
            String periodName,
            int fromYear,
            int toYear,
            String indicator,
            String programme,
            String supportKind,
            Integer targetProjects,
            Long targetAmount,
            long projects,
            long amountApproved,
            BigDecimal projectsPercent,
            BigDecimal amountPercent,
            String source) {}

    /**
     * The headline of a report.
     *
     * @param contentsCarriedOut contents with at least one project
     * @param contentsInCatalogue contents the catalogue lists (nine under Decree 45/2012)
     */
    public record Headline(long contentsCarriedOut, long contentsInCatalogue) {}

    /** What the public statistics page shows. */
    public record PublicReport(
            StatisticsFilter filter,
            Headline headline,
            Figures total,
            List<Figures> byProgramme,
            List<Figures> byContent,
            List<Figures> byYear,
            List<Outcome> outcomes,
            Processing processing,
            List<TargetProgress> targets) {}

    /** What the officers' dashboard shows: the public report and the breakdowns by commune and state. */
    public record Dashboard(
            StatisticsFilter filter,
            Headline headline,
            Figures total,
            List<Figures> byProgramme,
            List<Figures> byContent,
            List<Figures> byYear,
            List<Figures> byCommune,
            List<Figures> byState,
            List<Outcome> outcomes,
            Processing processing,
            List<TargetProgress> targets) {}
}
