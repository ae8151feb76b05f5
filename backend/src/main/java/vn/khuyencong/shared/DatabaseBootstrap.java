package vn.khuyencong.shared;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;

/**
 * Creates the PostgreSQL database named in the JDBC URL when it does not exist yet, before anything
 * (Flyway first) connects to it. Enabled by {@code kc.database.create-if-missing}: on in the default run
 * and in tests, off in production where the database is provisioned.
 */
class DatabaseBootstrap implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(DatabaseBootstrap.class);
    private static final Pattern POSTGRES_URL = Pattern.compile("^jdbc:postgresql://([^/]+)/([A-Za-z0-9_]+)(\\?.*)?$");

    private final Environment environment;
    private boolean done;

    DatabaseBootstrap(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource
                && !done
                && environment.getProperty("kc.database.create-if-missing", Boolean.class, false)) {
            done = true;
            createIfMissing(
                    environment.getRequiredProperty("spring.datasource.url"),
                    environment.getProperty("spring.datasource.username"),
                    environment.getProperty("spring.datasource.password"));
        }
        return bean;
    }

    static void createIfMissing(String url, String user, String password) {
        Matcher matcher = POSTGRES_URL.matcher(url);
        if (!matcher.matches()) {
            log.warn("Not creating the database: {} is not a plain PostgreSQL URL", url);
            return;
        }
        String database = matcher.group(2);
        String adminUrl = "jdbc:postgresql://" + matcher.group(1) + "/postgres"
                + (matcher.group(3) == null ? "" : matcher.group(3));
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password)) {
            var exists = connection.prepareStatement("select 1 from pg_database where datname = ?");
            exists.setString(1, database);
            if (exists.executeQuery().next()) {
                return;
            }
            // the name is restricted to [A-Za-z0-9_] by the pattern above, so quoting it is safe
            connection.createStatement().execute("create database \"" + database + "\"");
            log.info("Created database {}", database);
        } catch (SQLException e) {
            if ("42P04".equals(e.getSQLState())) {
                return; // created meanwhile by another instance
            }
            throw new IllegalStateException("Could not create database " + database + ": " + e.getMessage(), e);
        }
    }
}
