package vn.khuyencong.statistics;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khuyencong.statistics.StatisticsQueries.Dimension;
import vn.khuyencong.statistics.StatisticsReport.Dashboard;
import vn.khuyencong.statistics.StatisticsReport.Figures;
import vn.khuyencong.statistics.StatisticsReport.Headline;
import vn.khuyencong.statistics.StatisticsReport.PublicReport;

/**
 * The reports, assembled from the aggregations; one read-only transaction each, so the figures agree. Nothing is kept
 * between requests: the summary rows the aggregations read are kept current by the database itself, so every instance
 * answers with what is committed.
 */
@Service
public class Statistics {

    private final StatisticsQueries queries;
    private final TransactionTemplate readOnly;

    Statistics(StatisticsQueries queries, PlatformTransactionManager transactions) {
        this.queries = queries;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** The dashboard of a filter, computed now in one read-only transaction. */
    public Dashboard dashboard(StatisticsFilter filter) {
        return readOnly.execute(status -> computeInTransaction(filter));
    }

    private Dashboard computeInTransaction(StatisticsFilter filter) {
        queries.roomForAggregation();
        Map<Dimension, List<Figures>> figures = queries.figures(filter);
        return new Dashboard(
                filter,
                headline(figures),
                figures.get(Dimension.TOTAL).getFirst(),
                figures.get(Dimension.PROGRAMME),
                figures.get(Dimension.CONTENT),
                figures.get(Dimension.YEAR),
                figures.get(Dimension.COMMUNE),
                figures.get(Dimension.STATE),
                queries.outcomes(filter),
                queries.processing(filter),
                queries.targets());
    }

    public PublicReport publicReport(StatisticsFilter filter) {
        Dashboard d = dashboard(filter);
        return new PublicReport(
                filter,
                d.headline(),
                d.total(),
                d.byProgramme(),
                d.byContent(),
                d.byYear(),
                d.outcomes(),
                d.processing(),
                d.targets());
    }

    private Headline headline(Map<Dimension, List<Figures>> figures) {
        long carriedOut = figures.get(Dimension.CONTENT).stream()
                .filter(f -> f.projects() > 0)
                .count();
        return new Headline(carriedOut, queries.contentsInCatalogue());
    }
}
