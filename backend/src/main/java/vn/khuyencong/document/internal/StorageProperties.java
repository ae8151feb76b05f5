package vn.khuyencong.document.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The S3-compatible store. With no endpoint, an S3 server is started inside the application with its files
 * under {@code kc.data-dir}/objects.
 */
@ConfigurationProperties("kc.storage")
public record StorageProperties(String endpoint, String accessKey, String secretKey, String bucket, String region) {

    public boolean embedded() {
        return endpoint == null || endpoint.isBlank();
    }
}
