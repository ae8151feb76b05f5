package vn.khuyencong.document.internal;

import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    @Bean(destroyMethod = "close")
    ObjectStore objectStore(StorageProperties storage, @Value("${kc.data-dir}") String dataDir) throws Exception {
        EmbeddedS3Server embedded = storage.embedded()
                ? EmbeddedS3Server.start(Path.of(dataDir, "objects"), storage.accessKey(), storage.secretKey())
                : null;
        String endpoint = embedded != null ? embedded.endpoint() : storage.endpoint();
        MinioClient client = MinioClient.builder()
                .endpoint(endpoint)
                .credentials(storage.accessKey(), storage.secretKey())
                .region(storage.region())
                .build();
        // multipart uploads (resumable sessions) are only offered by the SDK's asynchronous client
        MinioAsyncClient async = MinioAsyncClient.builder()
                .endpoint(endpoint)
                .credentials(storage.accessKey(), storage.secretKey())
                .region(storage.region())
                .build();
        ObjectStore store = new ObjectStore(client, async, storage.bucket(), endpoint, embedded);
        store.ensureBucket(storage.region());
        return store;
    }

    @Bean
    HealthIndicator objectStorage(ObjectStore store) {
        return () -> (store.reachable() ? Health.up() : Health.down())
                .withDetail("bucket", store.bucket())
                .build();
    }
}
