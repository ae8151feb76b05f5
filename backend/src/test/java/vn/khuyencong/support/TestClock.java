package vn.khuyencong.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import vn.khuyencong.shared.VietnamTime;

/**
 * The application's clock in tests: the system's, unless a test sets an instant for the code it runs in-process
 * (the 15:00 cut-off, midnight), and puts it back when it ends.
 */
public final class TestClock extends Clock {

    private volatile Instant fixed;

    public void set(Instant instant) {
        fixed = instant;
    }

    public void reset() {
        fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return VietnamTime.ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(VietnamTime.ZONE) ? this : Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        Instant instant = fixed;
        return instant != null ? instant : Instant.now();
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }
}
