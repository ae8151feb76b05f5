package vn.khuyencong.notification;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.khuyencong.shared.DatabaseGauges;

/**
 * The mail outbox as the metrics scraper sees it, read from PostgreSQL at each scrape (so every instance reports
 * the same figures): {@code kc_mail_outbox_pending} mails waiting, {@code kc_mail_outbox_lag_seconds} how long the
 * oldest one has waited past its due time, {@code kc_mail_outbox_failed} mails set aside after every attempt.
 */
@Component
class OutboxMetrics implements MeterBinder {

    private final JdbcClient jdbc;

    OutboxMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(
                        "kc.mail.outbox.pending",
                        this,
                        metrics -> metrics.read("select count(*) from mail_outbox where status = 'PENDING'"))
                .description("Mails waiting for delivery")
                .register(registry);
        Gauge.builder("kc.mail.outbox.lag", this, metrics -> metrics.read("""
                select coalesce(extract(epoch from now() - min(next_attempt_at)), 0) from mail_outbox
                where status = 'PENDING' and next_attempt_at <= now()"""))
                .baseUnit("seconds")
                .description("How long the oldest due mail has waited")
                .register(registry);
        Gauge.builder(
                        "kc.mail.outbox.failed",
                        this,
                        metrics -> metrics.read("select count(*) from mail_outbox where status = 'FAILED'"))
                .description("Mails set aside after their last attempt")
                .register(registry);
    }

    private double read(String sql) {
        return DatabaseGauges.read(() -> jdbc.sql(sql).query(Number.class).single());
    }
}
