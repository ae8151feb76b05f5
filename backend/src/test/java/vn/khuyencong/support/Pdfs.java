package vn.khuyencong.support;

import java.io.ByteArrayOutputStream;
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

    private Pdfs() {
    }

    /** A one-page PDF that says {@code line}. */
    public static byte[] onePage(String line) {
        return build(line, "", List.of(), 0, 0);
    }

    /**
     * A one-page PDF of exactly {@code size} bytes: its bulk is an unreferenced stream of random bytes (nothing
     * compresses or repeats), as a scan's image data is.
     */
    public static byte[] large(int size, long seed) {
        // the stream's length and the cross-reference offset are written with a fixed number of digits
        int random = size - build("Tai lieu lon", "", List.of(), 1, seed).length + 1;
        return build("Tai lieu lon", "", List.of(), random, seed);
    }

    /**
     * A one-page PDF whose catalogue carries {@code catalogEntries} (for example {@code /OpenAction 6 0 R}) and whose
     * objects go on with {@code extraObjects}, numbered from 6.
     */
    public static byte[] withCatalog(String catalogEntries, String... extraObjects) {
        return build("Tai lieu", catalogEntries, List.of(extraObjects), 0, 0);
    }

    private static byte[] build(String line, String catalogEntries, List<String> extraObjects, int randomBytes,
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
        if (randomBytes > 0) {
            byte[] noise = new byte[randomBytes];
            new Random(seed).nextBytes(noise);
            ByteArrayOutputStream stream = new ByteArrayOutputStream(randomBytes + 64);
            stream.writeBytes(ascii("<< /Length " + String.format("%010d", randomBytes) + " >>\nstream\n"));
            stream.writeBytes(noise);
            stream.writeBytes(ascii("\nendstream"));
            objects.add(stream.toByteArray());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n"));
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            out.writeBytes(ascii((i + 1) + " 0 obj\n"));
            out.writeBytes(objects.get(i));
            out.writeBytes(ascii("\nendobj\n"));
        }
        int xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        offsets.forEach(offset -> table.append(String.format("%010d 00000 n \n", offset)));
        table.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(String.format("%010d", xref)).append("\n%%EOF\n");
        out.writeBytes(ascii(table.toString()));
        return out.toByteArray();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
