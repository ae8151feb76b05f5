package vn.khuyencong.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khuyencong.document.internal.ObjectStore;

/**
 * The scheduled care of stored documents. Each job takes a PostgreSQL advisory lock first, so that one replica
 * runs it at a time.
 * <ul>
 * <li>the orphan sweep removes objects that have no row (the database failed after the object was written),
 * rows stuck in UPLOADING (the application stopped mid-upload) and expired resumable sessions;</li>
 * <li>the integrity check re-reads objects and flags any whose SHA-256 differs from the recorded one;</li>
 * <li>the scanner retries documents still pending (clamd was unreachable): clean ones become downloadable, infected
 * ones are quarantined.</li>
 * </ul>
 */
@Component
public class DocumentMaintenance {

    private static final Logger log = LoggerFactory.getLogger(DocumentMaintenance.class);
    private static final long SWEEP_LOCK = 0x6b63_0001L;
    private static final long INTEGRITY_LOCK = 0x6b63_0002L;
    private static final long SCAN_LOCK = 0x6b63_0003L;

    private final JdbcClient jdbc;
    private final ObjectStore store;
    private final DocumentStorage storage;
    private final ResumableUploads uploads;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    DocumentMaintenance(
            JdbcClient jdbc,
            ObjectStore store,
            DocumentStorage storage,
            ResumableUploads uploads,
            TransactionTemplate transactions,
            Clock clock,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.store = store;
        this.storage = storage;
        this.uploads = uploads;
        this.transactions = transactions;
        this.clock = clock;
        this.events = events;
    }

    /** What a sweep removed. */
    public record SweepResult(int orphanObjects, int stuckRows, int expiredSessions) {}

    @Scheduled(
            fixedDelayString = "${kc.documents.sweep-interval:PT15M}",
            initialDelayString = "${kc.documents.sweep-initial-delay:PT2M}")
    @SchedulerLock(name = "document-orphan-sweep", lockAtLeastFor = "PT1M", lockAtMostFor = "PT1H")
    void scheduledSweep() {
        SweepResult result = sweepOrphans();
        if (result != null && (result.orphanObjects() + result.stuckRows() + result.expiredSessions()) > 0) {
            log.info("Document sweep: {}", result);
        }
    }

    @Scheduled(fixedDelayString = "${kc.documents.integrity-interval:PT6H}", initialDelayString = "PT10M")
    @SchedulerLock(name = "document-integrity-check", lockAtLeastFor = "PT1M", lockAtMostFor = "PT2H")
    void scheduledIntegrityCheck() {
        checkIntegrity();
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    @SchedulerLock(name = "document-scan-retry", lockAtMostFor = "PT30M")
    void scheduledScan() {
        if (storage.scanningEnabled()) {
            ScanResult result = rescanPending();
            if (result != null && result.clean() + result.infected() > 0) {
                log.info("Document scan retry: {}", result);
            }
        }
    }

    /** What a scan retry found; {@code stillPending} counts the documents it could not scan (the scanner is down). */
    public record ScanResult(int clean, int infected, int stillPending) {}

    /**
     * Scans the documents still pending, oldest first, and stops at the first the scanner cannot answer for (it is
     * down: the others would fail the same way); null when another replica is at it. A document found infected is
     * quarantined and the dossier's organisation told ({@link DocumentQuarantined}).
     */
    public ScanResult rescanPending() {
        return locked(SCAN_LOCK, () -> {
            List<Pending> pending = jdbc.sql("""
                    select id, dossier_id, object_key, file_name from document
                    where status = 'STORED' and scan_status = 'PENDING' order by uploaded_at limit 100""")
                    .query((rs, row) -> new Pending(
                            rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4)))
                    .list();
            int clean = 0;
            int infected = 0;
            for (Pending document : pending) {
                VirusScanner.Verdict verdict = storage.rescan(document.id(), document.key());
                if (verdict.status() == ScanStatus.PENDING) {
                    break;
                }
                if (verdict.status() == ScanStatus.INFECTED) {
                    infected++;
                    events.publishEvent(new DocumentQuarantined(
                            document.id(), document.dossierId(), document.fileName(), verdict.detail()));
                } else {
                    clean++;
                }
            }
            return new ScanResult(clean, infected, pending.size() - clean - infected);
        });
    }

    private record Pending(UUID id, UUID dossierId, String key, String fileName) {}

    /** Removes what is older than the grace period and belongs to nothing; null when another replica is at it. */
    public SweepResult sweepOrphans() {
        return locked(SWEEP_LOCK, () -> {
            Instant cutoff = clock.instant().minus(storage.properties().orphanGrace());
            int expired = uploads.expire();
            List<Object[]> stuck = jdbc.sql(
                            "select id, object_key from document where status = 'UPLOADING' and uploaded_at < ?")
                    .param(Timestamp.from(cutoff))
                    .query((rs, row) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2)})
                    .list();
            for (Object[] row : stuck) {
                storage.removeQuietly((String) row[1]);
                jdbc.sql("delete from document where id = ? and status = 'UPLOADING'")
                        .param(row[0])
                        .update();
            }
            Set<String> known = new HashSet<>(jdbc.sql("select object_key from document")
                    .query(String.class)
                    .list());
            known.addAll(jdbc.sql("select object_key from document_upload")
                    .query(String.class)
                    .list());
            int[] orphans = {0};
            store.forEachObject(Documents.KEY_PREFIX, object -> {
                if (!known.contains(object.key()) && object.lastModified().isBefore(cutoff)) {
                    storage.removeQuietly(object.key());
                    orphans[0]++;
                }
            });
            return new SweepResult(orphans[0], stuck.size(), expired);
        });
    }

    /**
     * Re-reads the least recently checked documents (not the quarantined ones, whose objects are removed); returns the
     * ids whose bytes no longer match, or null if locked.
     */
    public List<UUID> checkIntegrity() {
        return locked(INTEGRITY_LOCK, () -> {
            List<Object[]> batch = jdbc.sql("""
                    select id, object_key, sha256 from document where status = 'STORED' and scan_status <> 'INFECTED'
                    order by integrity_checked_at nulls first, uploaded_at limit ?""")
                    .param(storage.properties().integrityBatch())
                    .query((rs, row) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)})
                    .list();
            List<UUID> failed = new ArrayList<>();
            for (Object[] row : batch) {
                UUID id = (UUID) row[0];
                String actual = digestOf((String) row[1]);
                Timestamp now = Timestamp.from(clock.instant());
                if (actual != null && actual.equals(row[2])) {
                    jdbc.sql("update document set integrity_checked_at = ?, integrity_failed_at = null where id = ?")
                            .params(now, id)
                            .update();
                } else {
                    failed.add(id);
                    log.error(
                            "Integrity check failed for document {}: stored SHA-256 {}, object {}",
                            id,
                            row[2],
                            actual == null ? "missing" : actual);
                    jdbc.sql(
                                    "update document set integrity_checked_at = ?, integrity_failed_at = coalesce(integrity_failed_at, ?) where id = ?")
                            .params(now, now, id)
                            .update();
                }
            }
            return failed;
        });
    }

    /**
     * The SHA-256 of an object, or null when it is missing. A store that cannot be reached ends the run (a 503
     * problem) rather than flagging every document.
     */
    private String digestOf(String key) {
        if (!store.exists(key)) {
            return null;
        }
        try (InputStream in = store.get(key)) {
            UploadStreams.Measured measured = new UploadStreams.Measured(in, Long.MAX_VALUE);
            measured.transferTo(OutputStream.nullOutputStream());
            return measured.sha256();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T locked(long lock, Supplier<T> job) {
        return transactions.execute(status -> {
            Boolean acquired = jdbc.sql("select pg_try_advisory_xact_lock(?)")
                    .param(lock)
                    .query(Boolean.class)
                    .single();
            return Boolean.TRUE.equals(acquired) ? job.get() : null;
        });
    }
}
