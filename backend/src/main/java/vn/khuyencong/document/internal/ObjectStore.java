package vn.khuyencong.document.internal;

import java.io.InputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.errors.MinioException;
import vn.khuyencong.shared.ProblemException;

/**
 * The bucket of documents, through the MinIO SDK so that any S3-compatible store works. The bucket is private
 * (no policy is ever set on it) and created at start-up when missing.
 */
public class ObjectStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ObjectStore.class);
    private static final long PART_SIZE = 8L * 1024 * 1024;

    private final MinioClient client;
    private final String bucket;
    private final AutoCloseable embeddedServer;
    private final String endpoint;

    ObjectStore(MinioClient client, String bucket, String endpoint, AutoCloseable embeddedServer) {
        this.client = client;
        this.bucket = bucket;
        this.endpoint = endpoint;
        this.embeddedServer = embeddedServer;
    }

    void ensureBucket(String region) {
        try {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                client.makeBucket(MakeBucketArgs.builder().bucket(bucket).region(region).build());
                log.info("Created bucket {}", bucket);
            }
        }
        catch (MinioException e) {
            throw new IllegalStateException("Object storage at " + endpoint + " is not usable: " + e.getMessage(), e);
        }
    }

    /** Streams to the store in parts of 8 MiB: the whole file is never held in memory. */
    public void put(String key, InputStream content, String contentType) {
        try {
            client.putObject(PutObjectArgs.builder().bucket(bucket).object(key)
                    .stream(content, -1L, PART_SIZE).contentType(contentType).build());
        }
        catch (MinioException e) {
            throw unavailable(e);
        }
    }

    public InputStream get(String key) {
        try {
            return client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build());
        }
        catch (MinioException e) {
            throw unavailable(e);
        }
    }

    public void remove(String key) {
        try {
            client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
        }
        catch (MinioException e) {
            throw unavailable(e);
        }
    }

    /** For the health check. */
    public boolean reachable() {
        try {
            return client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build());
        }
        catch (MinioException | RuntimeException e) {
            return false;
        }
    }

    String bucket() {
        return bucket;
    }

    String endpoint() {
        return endpoint;
    }

    private ProblemException unavailable(MinioException e) {
        log.warn("Object storage failure: {}", e.toString());
        return ProblemException.unavailable("Kho lưu trữ tài liệu tạm thời không truy cập được. Vui lòng thử lại sau.");
    }

    @Override
    public void close() throws Exception {
        client.close();
        if (embeddedServer != null) {
            embeddedServer.close();
        }
    }
}
