package vn.khuyencong.shared;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every scheduled job runs on one instance at a time: each {@code @Scheduled} method also carries a
 * {@code @SchedulerLock} naming its row in the {@code shedlock} table. The instance that takes the row runs the
 * job; the others skip that run. {@code lockAtLeastFor} keeps a daily job from running again on an instance whose
 * clock fires a moment later; {@code lockAtMostFor} frees the row of an instance that died mid-job. Lock times come
 * from the database's clock.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
class ScheduledJobLocks {

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
    }
}
