package vn.khuyencong;

import static org.assertj.core.api.Assertions.assertThat;

import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.messages.Item;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import vn.khuyencong.document.internal.ObjectStore;
import vn.khuyencong.document.internal.StoreAddress;
import vn.khuyencong.support.Fixtures;
import vn.khuyencong.support.IntegrationTest;

/**
 * infra/backup/backup.sh and restore.sh as an operator runs them (pg_dump, pg_restore and the AWS CLI), against the
 * running application's database and S3 server: the restored database has the same rows in every table, the
 * restored bucket the same objects byte for byte, and a target that is not empty is refused.
 */
class BackupRestoreIntegrationTests extends IntegrationTest {

    static final Path SCRIPTS = InfraConfigurationTests.ROOT.resolve("infra/backup");

    @Autowired
    ObjectStore store;

    @Value("${kc.storage.access-key}")
    String accessKey;

    @Value("${kc.storage.secret-key}")
    String secretKey;

    @Value("${kc.storage.region}")
    String region;

    Path work;

    String restoredDatabase;

    @BeforeEach
    void workFolder() throws IOException {
        work = Files.createTempDirectory("kc-backup");
        restoredDatabase = DATABASE + "_restored";
    }

    @AfterEach
    void dropRestoredDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "")) {
            c.createStatement().execute("drop database if exists " + restoredDatabase + " with (force)");
        }
    }

    @Test
    void aBackupRestoredIntoAnEmptyDatabaseAndBucketHasEveryRowAndEveryObject() throws Exception {
        Fixtures the = new Fixtures(api());
        the.submitted();
        the.underReview();
        the.approved();

        // The application keeps working while the backup runs (notifications, outbox); a backup is compared
        // with the state it was taken from, so it is taken again until nothing changed during it.
        Path backup = null;
        SortedMap<String, Long> rows = null;
        SortedMap<String, String> objects = null;
        for (int attempt = 0; attempt < 5 && backup == null; attempt++) {
            SortedMap<String, Long> rowsBefore = rowCounts(DATABASE);
            SortedMap<String, String> objectsBefore = objectHashes(StoreAddress.bucket(store));
            Path candidate = work.resolve("backup-" + attempt);
            Run run = script("backup.sh", DATABASE, StoreAddress.bucket(store), candidate.toString());
            assertThat(run.exit()).as(run.output()).isZero();
            rows = rowCounts(DATABASE);
            objects = objectHashes(StoreAddress.bucket(store));
            if (rows.equals(rowsBefore) && objects.equals(objectsBefore)) {
                backup = candidate;
            } else {
                Thread.sleep(500);
            }
        }
        assertThat(backup).as("a backup during which nothing changed").isNotNull();
        assertThat(rows.get("public.document")).isPositive();
        assertThat(rows.get("public.dossier")).isGreaterThanOrEqualTo(3);
        assertThat(objects).isNotEmpty();

        // the manifest names every object with its SHA-256
        SortedMap<String, String> manifest = new TreeMap<>();
        for (String line : Files.readAllLines(backup.resolve("objects.sha256"), StandardCharsets.UTF_8)) {
            manifest.put(line.substring(66), line.substring(0, 64));
        }
        assertThat(manifest).isEqualTo(objects);
        assertThat(Files.size(backup.resolve("database.dump"))).isPositive();

        createDatabase(restoredDatabase);
        String restoredBucket = "restored-" + UUID.randomUUID().toString().substring(0, 8);
        Run restore = script("restore.sh", restoredDatabase, restoredBucket, backup.toString());
        assertThat(restore.exit()).as(restore.output()).isZero();

        assertThat(rowCounts(restoredDatabase)).isEqualTo(rows);
        assertThat(objectHashes(restoredBucket)).isEqualTo(objects);

        // a second restore into the same targets is refused, and changes nothing
        Run again = script("restore.sh", restoredDatabase, restoredBucket, backup.toString());
        assertThat(again.exit()).isNotZero();
        assertThat(again.output()).contains("is not empty");
        assertThat(rowCounts(restoredDatabase)).isEqualTo(rows);
    }

    @Test
    void aBackupWhoseObjectsNoLongerMatchTheirManifestIsNotRestored() throws Exception {
        new Fixtures(api()).submitted();
        Path backup = work.resolve("backup");
        Run run = script("backup.sh", DATABASE, StoreAddress.bucket(store), backup.toString());
        assertThat(run.exit()).as(run.output()).isZero();
        String first =
                Files.readAllLines(backup.resolve("objects.sha256")).getFirst().substring(66);
        Files.write(backup.resolve("objects").resolve(first), new byte[] {1, 2, 3});

        createDatabase(restoredDatabase);
        String restoredBucket = "restored-" + UUID.randomUUID().toString().substring(0, 8);
        Run restore = script("restore.sh", restoredDatabase, restoredBucket, backup.toString());
        assertThat(restore.exit()).isNotZero();
        assertThat(restore.output()).contains("do not match objects.sha256");
        assertThat(rowCounts(restoredDatabase)).isEmpty();
    }

    record Run(int exit, String output) {}

    Run script(String name, String database, String bucket, String argument) throws Exception {
        ProcessBuilder builder =
                new ProcessBuilder("bash", SCRIPTS.resolve(name).toString(), argument).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.put("PGHOST", "127.0.0.1");
        environment.put("PGPORT", "5432");
        environment.put("PGUSER", "postgres");
        environment.put("PGDATABASE", database);
        environment.put("KC_S3_ENDPOINT", StoreAddress.endpoint(store));
        environment.put("KC_S3_ACCESS_KEY", accessKey);
        environment.put("KC_S3_SECRET_KEY", secretKey);
        environment.put("KC_S3_BUCKET", bucket);
        environment.put("KC_S3_REGION", region);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as(name + " finished").isTrue();
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    static void createDatabase(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "")) {
            c.createStatement().execute("create database " + name);
        }
    }

    /** Rows of every table outside PostgreSQL's own schemas, by schema.table. */
    static SortedMap<String, Long> rowCounts(String database) throws SQLException {
        SortedMap<String, Long> counts = new TreeMap<>();
        try (Connection c =
                DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "")) {
            List<String> tables = new ArrayList<>();
            try (ResultSet r = c.createStatement().executeQuery("""
                    select table_schema || '.' || table_name from information_schema.tables
                    where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')""")) {
                while (r.next()) {
                    tables.add(r.getString(1));
                }
            }
            for (String table : tables) {
                String[] parts = table.split("\\.", 2);
                try (ResultSet r = c.createStatement()
                        .executeQuery("select count(*) from \"" + parts[0] + "\".\"" + parts[1] + "\"")) {
                    r.next();
                    counts.put(table, r.getLong(1));
                }
            }
        }
        return counts;
    }

    /** SHA-256 of every object of the bucket, read back through the MinIO SDK, by key. */
    SortedMap<String, String> objectHashes(String bucket) throws Exception {
        SortedMap<String, String> hashes = new TreeMap<>();
        try (MinioClient client = MinioClient.builder()
                .endpoint(StoreAddress.endpoint(store))
                .credentials(accessKey, secretKey)
                .region(region)
                .build()) {
            for (Result<Item> result : client.listObjects(
                    ListObjectsArgs.builder().bucket(bucket).recursive(true).build())) {
                String key = result.get().objectName();
                MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
                try (InputStream in = client.getObject(
                        GetObjectArgs.builder().bucket(bucket).object(key).build())) {
                    byte[] buffer = new byte[64 * 1024];
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        sha256.update(buffer, 0, n);
                    }
                }
                hashes.put(key, HexFormat.of().formatHex(sha256.digest()));
            }
        }
        return hashes;
    }
}
