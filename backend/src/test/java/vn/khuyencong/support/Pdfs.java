package vn.khuyencong.support;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Well-formed PDFs built byte by byte (correct cross-reference offsets), as a scanner or an office suite writes
 * them: a one-page document saying a line, a large one whose bulk is one image-like stream of random bytes, and one
 * with extra objects added to its catalogue (how the tests build hostile PDFs).
 */
public final class Pdfs {

    private Pdfs() {}

    /** A one-page PDF that says {@code line}. */
    public static byte[] onePage(String line) {
        return build(line, "", List.of());
    }

    /**
     * A one-page PDF of exactly {@code size} bytes: its bulk is an unreferenced stream of random bytes (nothing
     * compresses or repeats), as a scan's image data is.
     */
    public static byte[] large(int size, long seed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        writeLarge(out, size, seed);
        return out.toByteArray();
    }

    /** {@link #large} written to {@code out} in 1 MB blocks, for files too large to hold (benchmarks). */
    public static void writeLarge(OutputStream out, long size, long seed) {
        // the stream's length and the cross-reference offset are written with a fixed number of digits, so the
        // bytes around the random ones have one length whatever the size
        Counting counting = new Counting(OutputStream.nullOutputStream());
        write(counting, "Tai lieu lon", "", List.of(), 0, seed);
        long around = counting.count;
        write(out, "Tai lieu lon", "", List.of(), size - around, seed);
    }

    /**
     * A one-page PDF whose catalogue carries {@code catalogEntries} (for example {@code /OpenAction 6 0 R}) and whose
     * objects go on with {@code extraObjects}, numbered from 6.
     */
    public static byte[] withCatalog(String catalogEntries, String... extraObjects) {
        return build("Tai lieu", catalogEntries, List.of(extraObjects));
    }

    private static byte[] build(String line, String catalogEntries, List<String> extraObjects) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, line, catalogEntries, extraObjects, -1, 0);
        return out.toByteArray();
    }

    /** Writes the PDF; {@code randomBytes} ≥ 0 adds a stream of that many random bytes as its last object. */
    private static void write(
            OutputStream target,
            String line,
            String catalogEntries,
            List<String> extraObjects,
            long randomBytes,
            long seed) {
        String text = line.replaceAll("[()\\\\]", "");
        String content = "BT /F1 18 Tf 72 720 Td (" + text + ") Tj ET";
        List<byte[]> objects = new ArrayList<>();
        objects.add(ascii("<< /Type /Catalog /Pages 2 0 R " + catalogEntries + " >>"));
        objects.add(ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"));
        objects.add(ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
                + " /Resources << /Font << /F1 5 0 R >> >> >>"));
        objects.add(ascii("<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream"));
        objects.add(ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"));
        extraObjects.forEach(object -> objects.add(ascii(object)));
        try {
            Counting out = new Counting(target);
            out.write(ascii("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n"));
            List<Long> offsets = new ArrayList<>();
            for (int i = 0; i < objects.size(); i++) {
                offsets.add(out.count);
                out.write(ascii((i + 1) + " 0 obj\n"));
                out.write(objects.get(i));
                out.write(ascii("\nendobj\n"));
            }
            if (randomBytes >= 0) {
                offsets.add(out.count);
                out.write(ascii((objects.size() + 1) + " 0 obj\n<< /Length " + String.format("%010d", randomBytes)
                        + " >>\nstream\n"));
                Random random = new Random(seed);
                byte[] block = new byte[1 << 20];
                for (long left = randomBytes; left > 0; left -= block.length) {
                    random.nextBytes(block);
                    out.write(block, 0, (int) Math.min(block.length, left));
                }
                out.write(ascii("\nendstream\nendobj\n"));
            }
            long xref = out.count;
            StringBuilder table = new StringBuilder("xref\n0 " + (offsets.size() + 1) + "\n0000000000 65535 f \n");
            offsets.forEach(offset -> table.append(String.format("%010d 00000 n \n", offset)));
            table.append("trailer\n<< /Size ")
                    .append(offsets.size() + 1)
                    .append(" /Root 1 0 R >>\nstartxref\n")
                    .append(String.format("%010d", xref))
                    .append("\n%%EOF\n");
            out.write(ascii(table.toString()));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Counts what passes, for the offsets of the cross-reference table. */
    private static final class Counting extends FilterOutputStream {

        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
