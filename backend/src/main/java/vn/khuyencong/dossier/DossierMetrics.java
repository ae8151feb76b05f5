package vn.khuyencong.dossier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Date;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.khuyencong.catalog.WorkingDays;
import vn.khuyencong.shared.DatabaseGauges;

/**
 * {@code kc_dossiers_overdue}: dossiers whose clock runs and whose appointment date has passed, read from
 * PostgreSQL at each scrape (the same figure on every instance).
 */
@Component
class DossierMetrics implements MeterBinder {

    private final JdbcClient jdbc;
    private final WorkingDays workingDays;

    DossierMetrics(JdbcClient jdbc, WorkingDays workingDays) {
        this.jdbc = jdbc;
        this.workingDays = workingDays;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("kc.dossiers.overdue", this, DossierMetrics::overdue)
                .description("Dossiers past their appointment date, still being processed")
                .register(registry);
    }

    private double overdue() {
        return DatabaseGauges.read(
                () -> jdbc.sql("select count(*) from dossier where status = any(?) and appointment_date < ?")
                        .params(
                                Deadlines.CLOCK_RUNS.stream().map(Enum::name).toArray(String[]::new),
                                Date.valueOf(workingDays.today()))
                        .query(Long.class)
                        .single());
    }
}
