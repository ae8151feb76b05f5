package vn.khuyencong.document.internal;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An S3-compatible server (S3Proxy over a folder) for the default run and the tests: the application talks to
 * it over HTTP on loopback exactly as it talks to MinIO in production. It can be stopped and started again on
 * the same port, which is how the tests take the object store away in the middle of an upload.
 */
public final class EmbeddedS3Server implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedS3Server.class);

    private final Path directory;
    private final String accessKey;
    private final String secretKey;
    private volatile S3Proxy proxy;
    private int port;

    private EmbeddedS3Server(Path directory, String accessKey, String secretKey) {
        // the filesystem store refuses a base directory with "." or ".." in it (the default, ./data, has one)
        this.directory = directory.toAbsolutePath().normalize();
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    public static EmbeddedS3Server start(Path directory, String accessKey, String secretKey) throws Exception {
        Files.createDirectories(directory);
        EmbeddedS3Server server = new EmbeddedS3Server(directory, accessKey, secretKey);
        server.startOn(0);
        log.info("Embedded S3 server on {}, files under {}", server.endpoint(), server.directory);
        return server;
    }

    private synchronized void startOn(int requestedPort) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", directory.toString());
        S3Proxy started = S3Proxy.builder()
                .blobStore(BlobStores.create("filesystem", properties))
                .endpoint(URI.create("http://127.0.0.1:" + requestedPort))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                .build();
        started.start();
        for (int i = 0; i < 200 && !"STARTED".equals(started.getState()); i++) {
            Thread.sleep(25);
        }
        if (!"STARTED".equals(started.getState())) {
            throw new IllegalStateException("The embedded S3 server did not start: " + started.getState());
        }
        proxy = started;
        port = started.getPort();
    }

    /** Stops serving (the port is closed); {@link #restart()} serves the same files on the same port again. */
    public synchronized void stop() throws Exception {
        proxy.stop();
    }

    public synchronized void restart() throws Exception {
        startOn(port);
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }
}
