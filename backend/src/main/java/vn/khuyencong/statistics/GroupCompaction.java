package vn.khuyencong.statistics;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Folds the rows appended to {@code statistics_group} by every change into one row per group, so that reports keep
 * reading about as many rows as there are groups. Reports are right before and after: they add the rows up either way.
 * Every instance schedules it; its ShedLock row lets one run at a time, and the function's own lock keeps a run
 * started by hand from overlapping a scheduled one.
 */
@Component
class GroupCompaction {

    private static final Logger log = LoggerFactory.getLogger(GroupCompaction.class);

    private final JdbcClient jdbc;

    GroupCompaction(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Scheduled(fixedDelayString = "${kc.statistics.compact-every:PT5M}", initialDelayString = "PT1M")
    @SchedulerLock(name = "statistics-group-compaction", lockAtLeastFor = "PT30S", lockAtMostFor = "PT30M")
    void compact() {
        try {
            jdbc.sql("select statistics_group_compact()").query(rs -> {});
        } catch (RuntimeException e) {
            log.warn("Could not compact the statistics groups: {}", e.getMessage());
        }
    }
}
