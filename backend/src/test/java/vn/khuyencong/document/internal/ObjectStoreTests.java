package vn.khuyencong.document.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import io.minio.StatObjectArgs;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Streams of unknown length around the sizes where {@link ObjectStore#put(String, InputStream, String)} changes
 * course (its first read, the buffer's growth, one part) are stored whole, over HTTP to a real S3 server, by one PUT
 * below a part and by a multipart upload from a part on.
 */
class ObjectStoreTests {

    static final int FIRST = ObjectStore.FIRST_READ;
    static final int PART = ObjectStore.PART_SIZE;

    static EmbeddedS3Server server;
    static ObjectStore store;
    static MinioClient client;

    @BeforeAll
    static void start() throws Exception {
        server = EmbeddedS3Server.start(
                Files.createTempDirectory(Path.of("target"), "s3-"), "access-key", "secret-key-123");
        client = MinioClient.builder()
                .endpoint(server.endpoint())
                .credentials("access-key", "secret-key-123")
                .build();
        MinioAsyncClient async = MinioAsyncClient.builder()
                .endpoint(server.endpoint())
                .credentials("access-key", "secret-key-123")
                .build();
        store = new ObjectStore(client, async, "documents", server.endpoint(), null);
        store.ensureBucket("us-east-1");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(
            ints = {0, 1, FIRST - 1, FIRST, FIRST + 1, 4 * FIRST, 4 * FIRST + 7, PART - 1, PART, PART + 1, 2 * PART + 5
            })
    void aStreamOfUnknownLengthIsStoredWhole(int size) throws Exception {
        byte[] content = new byte[size];
        new Random(size).nextBytes(content);
        String key = "sizes/" + size;

        long stored = store.put(key, new Trickle(content), "application/pdf");

        assertThat(stored).isEqualTo(size);
        try (InputStream in = store.get(key)) {
            assertThat(sha256(in.readAllBytes())).isEqualTo(sha256(content));
        }
        // S3 names a multipart upload's entity tag after its number of parts
        String etag = client.statObject(
                        StatObjectArgs.builder().bucket("documents").object(key).build())
                .etag();
        assertThat(etag.contains("-"))
                .as("multipart for %d bytes, entity tag %s", size, etag)
                .isEqualTo(size >= PART);
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** Hands out at most 1,000 bytes per read, as a network stream does. */
    static final class Trickle extends FilterInputStream {

        Trickle(byte[] content) {
            super(new ByteArrayInputStream(content));
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(len, 1000));
        }
    }
}
