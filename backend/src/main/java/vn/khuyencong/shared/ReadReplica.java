package vn.khuyencong.shared;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * Read-heavy endpoints on a read replica, by configuration: when {@code kc.database.read-url} is set, the
 * application's data source takes its connections for read-only transactions ({@code @Transactional(readOnly =
 * true)}: the public look-up, the statistics) from the replica and every other one from the primary. Unset, every
 * connection comes from the primary, as before.
 */
class ReadReplica implements BeanPostProcessor, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReadReplica.class);

    private final Environment environment;
    private HikariDataSource replica;

    ReadReplica(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        String url = environment.getProperty("kc.database.read-url", "");
        if (!(bean instanceof DataSource primary) || !"dataSource".equals(beanName) || url.isBlank()) {
            return bean;
        }
        replica = new HikariDataSource(replicaConfig(url));
        log.info("Read-only transactions use the read replica {}", url);
        return routing(primary, replica);
    }

    private HikariConfig replicaConfig(String url) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("replica");
        config.setJdbcUrl(url);
        config.setUsername(environment.getProperty(
                "kc.database.read-username", environment.getProperty("spring.datasource.username")));
        config.setPassword(environment.getProperty(
                "kc.database.read-password", environment.getProperty("spring.datasource.password")));
        config.setReadOnly(true);
        String options = environment.getProperty("spring.datasource.hikari.data-source-properties.options");
        if (options != null) {
            config.addDataSourceProperty("options", options);
        }
        config.setMaximumPoolSize(
                environment.getProperty("spring.datasource.hikari.maximum-pool-size", Integer.class, 10));
        return config;
    }

    /** A data source that lends read-only transactions the replica's connections. */
    static DataSource routing(DataSource primary, DataSource replica) {
        LazyConnectionDataSourceProxy routing = new LazyConnectionDataSourceProxy(primary);
        routing.setReadOnlyDataSource(replica);
        return routing;
    }

    @Override
    public void destroy() {
        if (replica != null) {
            replica.close();
        }
    }
}
