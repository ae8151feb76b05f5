package vn.khuyencong.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With a read replica configured, read-only transactions take the replica's connections and every other one the
 * primary's. Two databases of the local PostgreSQL stand for the primary and the replica; each says which it is.
 */
class ReadReplicaIntegrationTests {

    static final String PRIMARY = "kc_primary_" + ProcessHandle.current().pid();
    static final String REPLICA = "kc_replica_" + ProcessHandle.current().pid();

    @BeforeAll
    static void twoDatabases() throws SQLException {
        for (String name : new String[] {PRIMARY, REPLICA}) {
            admin("create database " + name);
            try (Connection db = DriverManager.getConnection(url(name), "postgres", "")) {
                db.createStatement().execute("create table which (name text)");
                db.createStatement().execute("insert into which values ('" + name + "')");
            }
        }
    }

    @AfterAll
    static void drop() throws SQLException {
        admin("drop database if exists " + PRIMARY + " with (force)");
        admin("drop database if exists " + REPLICA + " with (force)");
    }

    @Test
    void readOnlyTransactionsReadTheReplicaAndTheRestThePrimary() {
        DataSource routing = ReadReplica.routing(
                new DriverManagerDataSource(url(PRIMARY), "postgres", ""),
                new DriverManagerDataSource(url(REPLICA), "postgres", ""));
        JdbcClient jdbc = JdbcClient.create(routing);
        TransactionTemplate readWrite = new TransactionTemplate(new DataSourceTransactionManager(routing));
        TransactionTemplate readOnly = new TransactionTemplate(new DataSourceTransactionManager(routing));
        readOnly.setReadOnly(true);

        String replica = readOnly.execute(
                status -> jdbc.sql("select name from which").query(String.class).single());
        String primary = readWrite.execute(
                status -> jdbc.sql("select name from which").query(String.class).single());
        assertThat(replica).isEqualTo(REPLICA);
        assertThat(primary).isEqualTo(PRIMARY);
        // writes go to the primary only
        readWrite.executeWithoutResult(
                status -> jdbc.sql("insert into which values ('written')").update());
        Integer onPrimary = readWrite.execute(status ->
                jdbc.sql("select count(*) from which").query(Integer.class).single());
        Integer onReplica = readOnly.execute(status ->
                jdbc.sql("select count(*) from which").query(Integer.class).single());
        assertThat(onPrimary).isEqualTo(2);
        assertThat(onReplica).isEqualTo(1);
    }

    @Test
    void theReplicasConnectionsTakeThePrimarysSessionOptions() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("kc.database.read-url", url(REPLICA))
                .withProperty("spring.datasource.username", "postgres")
                .withProperty("spring.datasource.password", "")
                .withProperty("spring.datasource.hikari.data-source-properties.options", "-c jit=off");
        ReadReplica readReplica = new ReadReplica(environment);
        try {
            DataSource routing = (DataSource) readReplica.postProcessAfterInitialization(
                    new DriverManagerDataSource(url(PRIMARY), "postgres", ""), "dataSource");
            TransactionTemplate readOnly = new TransactionTemplate(new DataSourceTransactionManager(routing));
            readOnly.setReadOnly(true);
            JdbcClient jdbc = JdbcClient.create(routing);
            String[] replica =
                    readOnly.execute(status -> jdbc.sql("select (select name from which), current_setting('jit')")
                            .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                            .single());
            assertThat(replica).containsExactly(REPLICA, "off");
        } finally {
            readReplica.destroy();
        }
    }

    static String url(String database) {
        return "jdbc:postgresql://127.0.0.1:5432/" + database;
    }

    static void admin(String sql) throws SQLException {
        try (Connection admin = DriverManager.getConnection(url("postgres"), "postgres", "")) {
            admin.createStatement().execute(sql);
        }
    }
}
