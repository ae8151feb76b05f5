package vn.khuyencong.document.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The default run keeps its files under {@code ./data}: a directory given with "." in it must work. */
class EmbeddedS3ServerTests {

    @Test
    void aDirectoryWithDotSegmentsServesBucketsAndObjectsOverHttp() throws Exception {
        Path base = Files.createTempDirectory(Path.of("target"), "s3-");
        Path dotted = Path.of(".").resolve(base).resolve(".").resolve("objects");
        try (EmbeddedS3Server server = EmbeddedS3Server.start(dotted, "access-key", "secret-key-123")) {
            MinioClient client = MinioClient.builder()
                    .endpoint(server.endpoint())
                    .credentials("access-key", "secret-key-123")
                    .build();
            assertThat(client.bucketExists(
                            BucketExistsArgs.builder().bucket("documents").build()))
                    .isFalse();
            client.makeBucket(MakeBucketArgs.builder().bucket("documents").build());
            byte[] bytes = "Đơn đề nghị hỗ trợ".getBytes(StandardCharsets.UTF_8);
            client.putObject(PutObjectArgs.builder().bucket("documents").object("a").stream(
                            new ByteArrayInputStream(bytes), (long) bytes.length, null)
                    .build());
            try (var in = client.getObject(
                    GetObjectArgs.builder().bucket("documents").object("a").build())) {
                assertThat(in.readAllBytes()).isEqualTo(bytes);
            }
            assertThat(base.resolve("objects").resolve("documents")).isDirectory();
        }
    }
}
