package vn.khuyencong.bench;

import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.khuyencong.support.Api;
import vn.khuyencong.support.Fixtures;
import vn.khuyencong.support.Pdfs;

/**
 * Upload throughput through the backend (multipart/form-data streamed into S3 while hashed) beside a direct
 * multipart PUT of the same file to the same S3 server through the MinIO SDK, and the backend's heap meanwhile.
 * The backend runs in a JVM of its own with {@code -Xmx256m}, its embedded S3 server inside it; its heap is
 * sampled with {@code jstat} during every upload. Run it with {@code backend/bench/upload-throughput.sh}.
 */
public final class UploadBenchmark {

    static final long MB = 1024 * 1024;
    static final long PART = 8 * MB;

    public static void main(String[] args) throws Exception {
        List<Long> sizes = new ArrayList<>();
        for (String arg : args.length > 0 ? args : new String[] {"64", "256", "1024"}) {
            sizes.add(Long.parseLong(arg) * MB);
        }
        String javaHome = System.getProperty("java.home");
        int port = freePort();
        Path data = Files.createTempDirectory("kc-upload-bench");
        String database = "kc_bench_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
        List<String> command = new ArrayList<>(List.of(javaHome + "/bin/java", "-Xmx256m"));
        String extra = System.getenv().getOrDefault("BENCH_BACKEND_OPTS", "");
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                "vn.khuyencong.KhuyenCongApplication",
                "--server.port=" + port,
                "--kc.public-url=http://localhost:" + port,
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + database,
                "--kc.data-dir=" + data,
                "--kc.documents.max-file-size=4GB",
                "--spring.main.banner-mode=off"));
        Process backend = new ProcessBuilder(command).redirectErrorStream(true).start();
        int rounds = Integer.parseInt(System.getenv().getOrDefault("BENCH_ROUNDS", "5"));
        CompletableFuture<String> s3Endpoint = new CompletableFuture<>();
        CompletableFuture<Void> started = new CompletableFuture<>();
        Thread.ofPlatform().daemon().start(() -> watch(backend.getInputStream(), s3Endpoint, started));
        try {
            started.get(180, TimeUnit.SECONDS);
            String s3 = s3Endpoint.getNow(null);
            Api anonymous = Api.at("http://localhost:" + port);
            Fixtures the = new Fixtures(anonymous);
            String dossier = the.aDraft().get("id").asString();
            String token = the.enterprise.token();
            MinioClient direct = MinioClient.builder()
                    .endpoint(s3)
                    .credentials("khuyencong", "khuyencong-local-secret")
                    .region("us-east-1")
                    .build();

            System.out.printf(
                    Locale.ROOT,
                    "Upload benchmark: backend JVM -Xmx256m (pid %d), S3 server %s, %d cores%n%n",
                    backend.pid(),
                    s3,
                    Runtime.getRuntime().availableProcessors());
            Path warmUp = aFile(16 * MB);
            for (int i = 0; i < 3; i++) {
                throughBackend(port, token, dossier, warmUp);
                directToS3(direct, warmUp);
            }
            Files.delete(warmUp);
            System.out.printf(
                    Locale.ROOT,
                    "%-9s %-28s %10s %10s %14s %13s%n",
                    "size",
                    "path",
                    "seconds",
                    "MB/s",
                    "peak heap MB",
                    "old gen MB");
            for (long size : sizes) {
                Path file = aFile(size);
                try {
                    // rounds alternate which path goes first, so that neither always meets a cache the other warmed
                    List<Sample> viaBackend = new ArrayList<>();
                    List<Sample> viaS3 = new ArrayList<>();
                    for (int round = 0; round < rounds; round++) {
                        if (round % 2 == 0) {
                            viaBackend.add(sampled(backend.pid(), () -> throughBackend(port, token, dossier, file)));
                            viaS3.add(sampled(backend.pid(), () -> directToS3(direct, file)));
                        } else {
                            viaS3.add(sampled(backend.pid(), () -> directToS3(direct, file)));
                            viaBackend.add(sampled(backend.pid(), () -> throughBackend(port, token, dossier, file)));
                        }
                        System.out.printf(
                                Locale.ROOT,
                                "%-9s %-28s %10s round %d: backend %.2f s, direct %.2f s (%.0f%%)%n",
                                size / MB + " MB",
                                "",
                                "",
                                round + 1,
                                viaBackend.getLast().seconds,
                                viaS3.getLast().seconds,
                                100.0 * viaS3.getLast().seconds / viaBackend.getLast().seconds);
                    }
                    Sample backendMedian = median(viaBackend);
                    Sample s3Median = median(viaS3);
                    print(size, "through the backend (median)", backendMedian);
                    print(size, "direct S3 multipart (median)", s3Median);
                    System.out.printf(
                            Locale.ROOT,
                            "%-9s %-28s %10s %9.0f%%%n%n",
                            "",
                            "backend / direct",
                            "",
                            100.0 * s3Median.seconds / backendMedian.seconds);
                } finally {
                    Files.deleteIfExists(file);
                }
            }
        } finally {
            backend.destroy();
            backend.waitFor();
        }
    }

    /** Seconds taken, peak heap in use (live data and garbage not yet collected), peak of the old generation. */
    record Sample(double seconds, long peakHeapBytes, long peakOldBytes) {}

    /** The median time of the samples, with the highest heap and old generation seen in any of them. */
    static Sample median(List<Sample> samples) {
        double[] seconds =
                samples.stream().mapToDouble(Sample::seconds).sorted().toArray();
        double middle = seconds.length % 2 == 1
                ? seconds[seconds.length / 2]
                : (seconds[seconds.length / 2 - 1] + seconds[seconds.length / 2]) / 2;
        return new Sample(
                middle,
                samples.stream().mapToLong(Sample::peakHeapBytes).max().orElse(0),
                samples.stream().mapToLong(Sample::peakOldBytes).max().orElse(0));
    }

    interface Upload {
        void run() throws Exception;
    }

    /** Runs one upload while sampling the backend's used heap every 100 ms with jstat. */
    static Sample sampled(long pid, Upload upload) throws Exception {
        AtomicLong peak = new AtomicLong();
        AtomicLong peakOld = new AtomicLong();
        Process jstat = new ProcessBuilder(
                        System.getProperty("java.home") + "/bin/jstat", "-gc", Long.toString(pid), "100")
                .redirectErrorStream(true)
                .start();
        Thread reader = Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(jstat.getInputStream()))) {
                String header = lines.readLine();
                List<String> columns = List.of(header.trim().split("\\s+"));
                String line;
                while ((line = lines.readLine()) != null) {
                    String[] values = line.trim().split("\\s+");
                    double used = 0;
                    for (String column : List.of("S0U", "S1U", "EU", "OU")) {
                        int index = columns.indexOf(column);
                        if (index >= 0 && index < values.length) {
                            used += Double.parseDouble(values[index]);
                        }
                    }
                    long bytes = (long) (used * 1024);
                    peak.accumulateAndGet(bytes, Math::max);
                    int old = columns.indexOf("OU");
                    if (old >= 0 && old < values.length) {
                        peakOld.accumulateAndGet((long) (Double.parseDouble(values[old]) * 1024), Math::max);
                    }
                }
            } catch (IOException | RuntimeException ignored) {
                // jstat ended
            }
        });
        Thread.sleep(300);
        long start = System.nanoTime();
        upload.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        jstat.destroy();
        reader.join(2000);
        return new Sample(seconds, peak.get(), peakOld.get());
    }

    static void throughBackend(int port, String token, String dossier, Path file) throws Exception {
        String boundary = "bench" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"documentType\"\r\n\r\nOTHER\r\n--"
                        + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bench.pdf\"\r\n"
                        + "Content-Type: application/pdf\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://localhost:" + port + "/api/v1/dossiers/" + dossier + "/documents"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .POST(HttpRequest.BodyPublishers.concat(
                                        HttpRequest.BodyPublishers.ofByteArray(head),
                                        HttpRequest.BodyPublishers.ofFile(file),
                                        HttpRequest.BodyPublishers.ofByteArray(tail)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("Upload refused: " + response.statusCode() + " " + response.body());
        }
    }

    static void directToS3(MinioClient client, Path file) throws Exception {
        String key = "bench/" + UUID.randomUUID();
        try (InputStream in = Files.newInputStream(file)) {
            client.putObject(PutObjectArgs.builder().bucket("khuyencong-documents").object(key).stream(in, -1L, PART)
                    .contentType("application/pdf")
                    .build());
        }
        client.removeObject(RemoveObjectArgs.builder()
                .bucket("khuyencong-documents")
                .object(key)
                .build());
    }

    static void print(long size, String path, Sample sample) {
        System.out.printf(
                Locale.ROOT,
                "%-9s %-28s %10.2f %10.1f %14.1f %13.1f%n",
                size / MB + " MB",
                path,
                sample.seconds,
                size / MB / sample.seconds,
                sample.peakHeapBytes / (double) MB,
                sample.peakOldBytes / (double) MB);
    }

    /** A well-formed one-page PDF whose bulk is random bytes (as a scan's image data), written in 1 MB blocks. */
    static Path aFile(long size) throws IOException {
        Path file = Files.createTempFile("kc-bench", ".pdf");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            Pdfs.writeLarge(out, size, size);
        }
        return file;
    }

    /** Relays nothing; notes the embedded S3 endpoint and the moment the application is ready. */
    static void watch(InputStream log, CompletableFuture<String> s3, CompletableFuture<Void> started) {
        Pattern endpoint = Pattern.compile("Embedded S3 server on (http://127\\.0\\.0\\.1:\\d+)");
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(log))) {
            String line;
            while ((line = lines.readLine()) != null) {
                Matcher m = endpoint.matcher(line);
                if (m.find()) {
                    s3.complete(m.group(1));
                }
                if (line.contains("Started KhuyenCongApplication")) {
                    started.complete(null);
                }
                if (line.contains("APPLICATION FAILED TO START")) {
                    started.completeExceptionally(new IllegalStateException(line));
                }
            }
        } catch (IOException ignored) {
            // the backend stopped
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
