package vn.khuyencong.document;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import vn.khuyencong.support.Api;
import vn.khuyencong.support.Fixtures;
import vn.khuyencong.support.Pdfs;

/** Files of every kind the upload rules talk about, built byte by byte, and raw HTTP for broken clients. */
final class DocumentFiles {

    private DocumentFiles() {}

    static final byte[] PDF = Fixtures.PDF;

    static final byte[] PNG = {
        (byte) 0x89,
        'P',
        'N',
        'G',
        '\r',
        '\n',
        0x1a,
        '\n',
        0,
        0,
        0,
        13,
        'I',
        'H',
        'D',
        'R',
        0,
        0,
        0,
        1,
        0,
        0,
        0,
        1,
        8,
        2,
        0,
        0,
        0
    };

    static final byte[] JPEG = {
        (byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0
    };

    static final byte[] HTML =
            "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8);

    static final byte[] SVG =
            "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                    .getBytes(StandardCharsets.UTF_8);

    static final byte[] EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0};

    /** A well-formed PDF of {@code size} bytes in all, mostly random, so nothing compresses or repeats. */
    static byte[] aLargePdf(int size, long seed) {
        return Pdfs.large(size, seed);
    }

    /** A real photo (random colours, so that it does not compress to nothing), as a camera or scanner writes it. */
    static byte[] photo(String format, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(width * 31L + height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0xffffff));
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] docx() {
        return zip(
                "[Content_Types].xml",
                "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                        + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument."
                        + "wordprocessingml.document.main+xml\"/></Types>",
                "word/document.xml",
                "<w:document/>");
    }

    static byte[] xlsx() {
        return zip(
                "[Content_Types].xml",
                "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                        + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument."
                        + "spreadsheetml.sheet.main+xml\"/></Types>",
                "xl/workbook.xml",
                "<workbook/>");
    }

    static byte[] odt() {
        return storedFirst(
                "mimetype", "application/vnd.oasis.opendocument.text", "content.xml", "<office:document-content/>");
    }

    static byte[] ods() {
        return storedFirst(
                "mimetype",
                "application/vnd.oasis.opendocument.spreadsheet",
                "content.xml",
                "<office:document-content/>");
    }

    /** A plain ZIP archive, no office manifest. */
    static byte[] plainZip() {
        return zip("readme.txt", "hello", "data.bin", "x");
    }

    private static byte[] zip(String name1, String content1, String name2, String content2) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name1));
            zip.write(content1.getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry(name2));
            zip.write(content2.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    /** ODF: the {@code mimetype} entry first and stored uncompressed, as the standard requires. */
    private static byte[] storedFirst(String name1, String content1, String name2, String content2) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            byte[] mimetype = content1.getBytes(StandardCharsets.US_ASCII);
            ZipEntry first = new ZipEntry(name1);
            first.setMethod(ZipEntry.STORED);
            first.setSize(mimetype.length);
            first.setCompressedSize(mimetype.length);
            CRC32 crc = new CRC32();
            crc.update(mimetype);
            first.setCrc(crc.getValue());
            zip.putNextEntry(first);
            zip.write(mimetype);
            zip.putNextEntry(new ZipEntry(name2));
            zip.write(content2.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    /** A multipart body with the given parts, each {@code {headers, content}}. */
    static byte[] multipart(String boundary, byte[][]... parts) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[][] part : parts) {
            body.writeBytes(("--" + boundary + "\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(part[0]);
            body.writeBytes("\r\n\r\n".getBytes(StandardCharsets.UTF_8));
            body.writeBytes(part[1]);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    static byte[][] field(String name, String value) {
        return new byte[][] {
            ("Content-Disposition: form-data; name=\"" + name + "\"").getBytes(StandardCharsets.UTF_8),
            value.getBytes(StandardCharsets.UTF_8)
        };
    }

    static byte[][] file(String fileName, byte[] content) {
        return new byte[][] {
            ("Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                            + "\"\r\nContent-Type: application/pdf")
                    .getBytes(StandardCharsets.UTF_8),
            content
        };
    }

    /**
     * Sends a request announcing {@code body.length} bytes but only the first {@code sent} of them, then drops the
     * connection, as a phone losing its network does.
     */
    static void sendAndDrop(
            String base, String method, String path, String token, String contentType, byte[] body, int sent)
            throws IOException {
        URI uri = URI.create(base);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                            + "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: " + contentType
                            + "\r\nContent-Length: " + body.length + "\r\nAccept: application/json\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, sent);
            out.flush();
            // closing without reading: the server sees the body end early
        }
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(Api.sha256(bytes));
    }

    static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }
}
