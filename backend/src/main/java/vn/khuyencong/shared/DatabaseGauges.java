package vn.khuyencong.shared;

import java.util.function.Supplier;

/** Gauges whose value is read from the database at each scrape. */
public final class DatabaseGauges {

    private DatabaseGauges() {}

    /**
     * The figure the query reads, or NaN when the database cannot answer: a scrape never fails because of it, and
     * NaN tells the monitoring that the figure is unknown rather than zero.
     */
    public static double read(Supplier<? extends Number> query) {
        try {
            return query.get().doubleValue();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
