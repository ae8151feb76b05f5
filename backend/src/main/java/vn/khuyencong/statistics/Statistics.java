package vn.khuyencong.statistics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.khuyencong.statistics.StatisticsQueries.Dimension;
import vn.khuyencong.statistics.StatisticsReport.Dashboard;
import vn.khuyencong.statistics.StatisticsReport.Figures;
import vn.khuyencong.statistics.StatisticsReport.Headline;
import vn.khuyencong.statistics.StatisticsReport.PublicReport;
import vn.khuyencong.monitoring.ProjectSettled;
import vn.khuyencong.workflow.DossierTransitioned;

/**
 * The reports, assembled from the aggregations; one read-only transaction each, so the figures agree. A report is
 * kept for a short while per filter (by default 30 seconds) and forgotten as soon as a transition or a settlement
 * commits on this instance: what a reader sees is never older than that, and a page of charts that asks again and
 * again does not recompute the whole province each time.
 */
@Service
public class Statistics {

    private static final int MAX_KEPT = 256;

    private record Kept(Dashboard dashboard, Instant at) {
    }

    private final StatisticsQueries queries;
    private final Clock clock;
    private final Duration keptFor;
    private final Map<StatisticsFilter, Kept> kept = new ConcurrentHashMap<>();
    private final TransactionTemplate readOnly;

    Statistics(StatisticsQueries queries, Clock clock, PlatformTransactionManager transactions,
            @Value("${kc.statistics.kept-for:30s}") Duration keptFor) {
        this.queries = queries;
        this.clock = clock;
        this.keptFor = keptFor;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** The dashboard of a filter: the one computed less than {@code kc.statistics.kept-for} ago, or a new one. */
    public Dashboard dashboard(StatisticsFilter filter) {
        Instant now = clock.instant();
        Kept entry = kept.get(filter);
        if (entry != null && entry.at().plus(keptFor).isAfter(now)) {
            return entry.dashboard();
        }
        Dashboard computed = compute(filter);
        if (!keptFor.isZero()) {
            if (kept.size() >= MAX_KEPT) {
                kept.clear();
            }
            kept.put(filter, new Kept(computed, now));
        }
        return computed;
    }

    @EventListener
    void on(DossierTransitioned transition) {
        forgetAfterCommit();
    }

    @EventListener
    void on(ProjectSettled settlement) {
        forgetAfterCommit();
    }

    /**
     * Drops the kept reports once the change is committed. A plain synchronisation, not a transactional event
     * listener: forgetting a cache has nothing to replay after a crash, so no event publication is stored for it.
     */
    private void forgetAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            kept.clear();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                kept.clear();
            }
        });
    }

    /** Computes the dashboard now, from the live tables, in one read-only transaction. */
    public Dashboard compute(StatisticsFilter filter) {
        return readOnly.execute(status -> computeInTransaction(filter));
    }

    private Dashboard computeInTransaction(StatisticsFilter filter) {
        queries.roomForAggregation();
        Map<Dimension, List<Figures>> figures = queries.figures(filter);
        return new Dashboard(filter, headline(figures), figures.get(Dimension.TOTAL).getFirst(),
                figures.get(Dimension.PROGRAMME), figures.get(Dimension.CONTENT), figures.get(Dimension.YEAR),
                figures.get(Dimension.COMMUNE), figures.get(Dimension.STATE), queries.outcomes(filter),
                queries.processing(filter), queries.targets());
    }

    public PublicReport publicReport(StatisticsFilter filter) {
        Dashboard d = dashboard(filter);
        return new PublicReport(filter, d.headline(), d.total(), d.byProgramme(), d.byContent(), d.byYear(),
                d.outcomes(), d.processing(), d.targets());
    }

    private Headline headline(Map<Dimension, List<Figures>> figures) {
        long carriedOut = figures.get(Dimension.CONTENT).stream().filter(f -> f.projects() > 0).count();
        return new Headline(carriedOut, queries.contentsInCatalogue());
    }
}
