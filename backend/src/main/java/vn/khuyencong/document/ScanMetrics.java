package vn.khuyencong.document;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.khuyencong.shared.DatabaseGauges;

/**
 * {@code kc_documents_scan_pending} and {@code kc_documents_scan_pending_age_seconds}: documents still waiting for
 * the virus scanner (it could not answer) and how long the oldest has waited, read from PostgreSQL at each scrape
 * (the same figures on every instance). A waiting document blocks its dossier's submission.
 */
@Component
class ScanMetrics implements MeterBinder {

    private final JdbcClient jdbc;
    private final Clock clock;

    ScanMetrics(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("kc.documents.scan.pending", this, ScanMetrics::pending)
                .description("Stored documents waiting for the virus scanner")
                .register(registry);
        Gauge.builder("kc.documents.scan.pending.age", this, ScanMetrics::oldestAge)
                .baseUnit("seconds")
                .description("How long the oldest document waiting for the virus scanner has waited")
                .register(registry);
    }

    private double pending() {
        return DatabaseGauges.read(
                () -> jdbc.sql("select count(*) from document where status = 'STORED' and scan_status = 'PENDING'")
                        .query(Long.class)
                        .single());
    }

    private double oldestAge() {
        return DatabaseGauges.read(() -> jdbc.sql("""
                select coalesce(extract(epoch from (?::timestamptz - min(uploaded_at))), 0) from document
                where status = 'STORED' and scan_status = 'PENDING'""")
                .param(Timestamp.from(clock.instant()))
                .query(Double.class)
                .single());
    }
}
