package vn.khuyencong.document.internal;

import io.minio.AbortMultipartUploadArgs;
import io.minio.BucketExistsArgs;
import io.minio.CompleteMultipartUploadArgs;
import io.minio.CreateMultipartUploadArgs;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.UploadPartArgs;
import io.minio.UploadPartResponse;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;
import io.minio.messages.Item;
import io.minio.messages.Part;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.khuyencong.shared.ProblemException;

/**
 * The bucket of documents, through the MinIO SDK so that any S3-compatible store works. The bucket is private
 * (no policy is ever set on it) and created at start-up when missing. Every failure of the store itself becomes a
 * 503 problem; a failure reading the caller's stream stays an {@link IOException} for the caller to judge.
 */
public class ObjectStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ObjectStore.class);

    /** The size of the parts an unknown-length stream is cut into: S3's minimum part size is 5 MiB. */
    public static final int PART_SIZE = 8 * 1024 * 1024;

    /** The first read of a stream of unknown length: the buffer grows from there while the stream lasts. */
    static final int FIRST_READ = 128 * 1024;

    private final MinioClient client;
    private final MinioAsyncClient async;
    private final String bucket;
    private final EmbeddedS3Server embeddedServer;
    private final String endpoint;

    ObjectStore(
            MinioClient client,
            MinioAsyncClient async,
            String bucket,
            String endpoint,
            EmbeddedS3Server embeddedServer) {
        this.client = client;
        this.async = async;
        this.bucket = bucket;
        this.endpoint = endpoint;
        this.embeddedServer = embeddedServer;
    }

    void ensureBucket(String region) {
        try {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                client.makeBucket(
                        MakeBucketArgs.builder().bucket(bucket).region(region).build());
                log.info("Created bucket {}", bucket);
            }
        } catch (ErrorResponseException e) {
            if (!"BucketAlreadyOwnedByYou".equals(e.errorResponse().code())) {
                throw new IllegalStateException(
                        "Object storage at " + endpoint + " is not usable: " + e.getMessage(), e);
            }
            // another instance starting at the same moment created it
        } catch (MinioException | RuntimeException e) {
            throw new IllegalStateException("Object storage at " + endpoint + " is not usable: " + e.getMessage(), e);
        }
    }

    /**
     * Streams {@code content} to the store: one PUT when it fits in a part, otherwise a multipart upload of
     * {@link #PART_SIZE} parts through two reused buffers, the next part being read from the client while the
     * previous one travels to the store. Memory stays at two parts whatever the size. When reading the content or
     * the store fails, the multipart upload is aborted and nothing is left behind.
     *
     * @return the number of bytes stored
     * @throws IOException when reading {@code content} fails (the caller's stream, not the store)
     */
    public long put(String key, InputStream content, String contentType) throws IOException {
        // the first part's buffer grows with what arrives: most files are far smaller than a part, and a part-sized
        // array for each of them was most of what the service allocated under load
        byte[] buffer = new byte[FIRST_READ];
        int first = content.readNBytes(buffer, 0, FIRST_READ);
        while (first == buffer.length && first < PART_SIZE) {
            buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 4, PART_SIZE));
            first += content.readNBytes(buffer, first, buffer.length - first);
        }
        if (first < PART_SIZE) {
            put(key, buffer, first, contentType);
            return first;
        }
        String uploadId = createMultipart(key);
        List<Part> parts = new ArrayList<>();
        byte[] spare = new byte[PART_SIZE];
        CompletableFuture<UploadPartResponse> inFlight = null;
        long total = 0;
        try {
            int partNumber = 0;
            int length = first;
            while (length > 0) {
                CompletableFuture<UploadPartResponse> sending = async.uploadPart(UploadPartArgs.builder()
                        .bucket(bucket)
                        .object(key)
                        .uploadId(uploadId)
                        .partNumber(++partNumber)
                        .data(buffer, length)
                        .build());
                if (inFlight != null) {
                    // the previous part has arrived: its buffer is free again
                    parts.add(numberAndTag(joined(inFlight).part()));
                }
                inFlight = sending;
                total += length;
                byte[] free = spare;
                spare = buffer;
                buffer = free;
                length = content.readNBytes(buffer, 0, PART_SIZE);
            }
            parts.add(numberAndTag(joined(inFlight).part()));
            inFlight = null;
            completeMultipart(key, uploadId, parts);
            return total;
        } catch (IOException | ProblemException e) {
            settle(inFlight);
            abortQuietly(key, uploadId);
            throw e;
        } catch (RuntimeException e) {
            settle(inFlight);
            abortQuietly(key, uploadId);
            throw unavailable(e);
        }
    }

    /** Stores the first {@code length} bytes of {@code content} in one PUT. */
    public void put(String key, byte[] content, int length, String contentType) {
        try {
            client.putObject(PutObjectArgs.builder()
                    .bucket(bucket)
                    .object(key)
                    .data(content, length)
                    .contentType(contentType)
                    .build());
        } catch (MinioException | RuntimeException e) {
            throw unavailable(e);
        }
    }

    /**
     * A part as the completion names it: number and entity tag. The checksums a store may return for the part are
     * left out, or some stores (S3Proxy among them) read every part again at completion to compute the whole
     * object's checksum; the object's SHA-256 is computed while it streams through.
     */
    private static Part numberAndTag(Part part) {
        return new Part(part.partNumber(), part.etag());
    }

    private static void settle(CompletableFuture<?> inFlight) {
        if (inFlight != null) {
            inFlight.exceptionally(failure -> null).join();
        }
    }

    private UploadPartResponse joined(CompletableFuture<UploadPartResponse> part) {
        try {
            return part.join();
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    public String createMultipart(String key) {
        try {
            return async.createMultipartUpload(CreateMultipartUploadArgs.builder()
                            .bucket(bucket)
                            .object(key)
                            .build())
                    .join()
                    .result()
                    .uploadId();
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    public Part uploadPart(String key, String uploadId, int partNumber, byte[] data, int length) {
        try {
            return async.uploadPart(UploadPartArgs.builder()
                            .bucket(bucket)
                            .object(key)
                            .uploadId(uploadId)
                            .partNumber(partNumber)
                            .data(data, length)
                            .build())
                    .join()
                    .part();
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    public void completeMultipart(String key, String uploadId, List<Part> parts) {
        try {
            async.completeMultipartUpload(CompleteMultipartUploadArgs.builder()
                            .bucket(bucket)
                            .object(key)
                            .uploadId(uploadId)
                            .parts(parts.toArray(Part[]::new))
                            .build())
                    .join();
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    public void abortQuietly(String key, String uploadId) {
        try {
            async.abortMultipartUpload(AbortMultipartUploadArgs.builder()
                            .bucket(bucket)
                            .object(key)
                            .uploadId(uploadId)
                            .build())
                    .join();
        } catch (RuntimeException e) {
            log.warn("Could not abort the multipart upload of {}: {}", key, e.toString());
        }
    }

    public InputStream get(String key) {
        try {
            return client.getObject(
                    GetObjectArgs.builder().bucket(bucket).object(key).build());
        } catch (MinioException | RuntimeException e) {
            throw unavailable(e);
        }
    }

    /** Whether the object exists; a store failure is a 503, not a "no". */
    public boolean exists(String key) {
        try {
            client.statObject(
                    StatObjectArgs.builder().bucket(bucket).object(key).build());
            return true;
        } catch (ErrorResponseException e) {
            if ("NoSuchKey".equals(e.errorResponse().code())
                    || "NoSuchObject".equals(e.errorResponse().code())) {
                return false;
            }
            throw unavailable(e);
        } catch (MinioException | RuntimeException e) {
            throw unavailable(e);
        }
    }

    public void remove(String key) {
        try {
            client.removeObject(
                    RemoveObjectArgs.builder().bucket(bucket).object(key).build());
        } catch (MinioException | RuntimeException e) {
            throw unavailable(e);
        }
    }

    /** Every object under {@code prefix} with its last-modified time, one at a time. */
    public void forEachObject(String prefix, Consumer<StoredObject> action) {
        try {
            for (Result<Item> result : client.listObjects(ListObjectsArgs.builder()
                    .bucket(bucket)
                    .prefix(prefix)
                    .recursive(true)
                    .build())) {
                Item item = result.get();
                action.accept(new StoredObject(
                        item.objectName(),
                        item.size(),
                        item.lastModified() == null
                                ? Instant.EPOCH
                                : item.lastModified().toInstant()));
            }
        } catch (MinioException | RuntimeException e) {
            throw unavailable(e);
        }
    }

    public record StoredObject(String key, long size, Instant lastModified) {}

    /** For the health check. */
    public boolean reachable() {
        try {
            return client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build());
        } catch (MinioException | RuntimeException e) {
            return false;
        }
    }

    /** The embedded S3 server, when the application runs one (default run and tests); empty with MinIO. */
    public Optional<EmbeddedS3Server> embeddedServer() {
        return Optional.ofNullable(embeddedServer);
    }

    String bucket() {
        return bucket;
    }

    String endpoint() {
        return endpoint;
    }

    private ProblemException unavailable(Exception e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        log.warn("Object storage failure: {}", cause.toString());
        return ProblemException.unavailable("Kho lưu trữ tài liệu tạm thời không truy cập được. Vui lòng thử lại sau.");
    }

    @Override
    public void close() throws Exception {
        client.close();
        async.close();
        if (embeddedServer != null) {
            embeddedServer.close();
        }
    }
}
