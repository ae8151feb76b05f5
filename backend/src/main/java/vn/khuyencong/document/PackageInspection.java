package vn.khuyencong.document;

import static vn.khuyencong.document.FileInspection.refused;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;
import vn.khuyencong.shared.ProblemException;

/**
 * A ZIP-based document (DOCX, XLSX, ODT, ODS) looked into before it is kept, from a copy on disk: the central
 * directory first (how many entries, their declared sizes and compression ratios, their names, symbolic links),
 * then every entry read as a stream with its inflated bytes counted against the same limits (a declared size can
 * lie), never a whole entry in memory. The package must be what its type says (its main part present), carry no
 * macros unless allowed, and its XML parts must parse with no DTD at all, so no external entity and no entity
 * expansion can reach an officer's office suite.
 */
final class PackageInspection implements FileInspection {

    static final Map<String, String> MAIN_PART = Map.of(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "word/document.xml",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xl/workbook.xml",
            "application/vnd.oasis.opendocument.text", "content.xml",
            "application/vnd.oasis.opendocument.spreadsheet", "content.xml");

    private final DocumentProperties.Packages limits;
    private final SAXParserFactory xml;

    PackageInspection(DocumentProperties.Packages limits) {
        this.limits = limits;
        this.xml = SAXParserFactory.newInstance();
        xml.setNamespaceAware(false); // a DTD is refused whatever the prefixes; parts need not declare them here
        try {
            xml.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            xml.setFeature("http://xml.org/sax/features/external-general-entities", false);
            xml.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            xml.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("The XML parser cannot refuse DTDs", e);
        }
    }

    @Override
    public boolean applies(String contentType) {
        return MAIN_PART.containsKey(contentType);
    }

    /** Refuses (422 {@code unsafe-file}, naming the file and the reason) a package that is not safe to open. */
    @Override
    public void inspect(Path copy, String contentType, String fileName) {
        try (ZipFile zip = ZipFile.builder().setPath(copy).get()) {
            List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
            if (entries.size() > limits.maxEntries()) {
                throw refused(
                        fileName,
                        "tệp nén có " + entries.size() + " thành phần, nhiều hơn mức cho phép (" + limits.maxEntries()
                                + ")");
            }
            Set<String> names = new HashSet<>();
            long declaredTotal = 0;
            for (ZipArchiveEntry entry : entries) {
                checkName(entry.getName(), fileName);
                if (entry.isUnixSymlink()) {
                    throw refused(fileName, "tệp chứa liên kết tượng trưng (" + entry.getName() + ")");
                }
                if (!names.add(entry.getName())) {
                    throw refused(fileName, "tệp chứa hai thành phần cùng tên (" + entry.getName() + ")");
                }
                long size = entry.getSize();
                if (size > limits.maxEntrySize().toBytes()) {
                    throw bomb(fileName);
                }
                if (size > 0) {
                    declaredTotal += size;
                    checkRatio(size, entry.getCompressedSize(), fileName);
                }
                if (macro(entry.getName()) && !limits.allowMacros()) {
                    throw refused(
                            fileName,
                            "tài liệu chứa macro (" + entry.getName() + "); hãy lưu lại dưới dạng "
                                    + "không có macro (.docx, .xlsx)");
                }
            }
            if (declaredTotal > limits.maxTotalSize().toBytes()) {
                throw bomb(fileName);
            }
            String main = MAIN_PART.get(contentType);
            if (!names.contains(main)) {
                throw refused(fileName, "nội dung không phải là tài liệu như loại tệp đã nhận ra (thiếu " + main + ")");
            }
            long inflatedTotal = 0;
            for (ZipArchiveEntry entry : entries) {
                if (entry.isDirectory()) {
                    continue;
                }
                Counted counted = new Counted(
                        zip.getInputStream(entry),
                        limits.maxEntrySize().toBytes(),
                        limits.maxTotalSize().toBytes() - inflatedTotal,
                        fileName);
                try (counted) {
                    String name = entry.getName().toLowerCase(Locale.ROOT);
                    if (name.equals("[content_types].xml")) {
                        checkContentTypes(counted, fileName);
                    } else if (name.endsWith(".xml") || name.endsWith(".rels")) {
                        parse(counted, entry.getName(), fileName);
                    } else {
                        counted.transferTo(OutputStream.nullOutputStream());
                    }
                }
                inflatedTotal += counted.count;
                checkRatio(counted.count, entry.getCompressedSize(), fileName);
            }
        } catch (ProblemException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw refused(fileName, "tệp nén bị hỏng hoặc không đọc được");
        }
    }

    private void checkName(String name, String fileName) {
        String path = name.replace('\\', '/');
        boolean absolute = path.startsWith("/") || path.matches("^[A-Za-z]:.*");
        boolean climbs = ("/" + path + "/").contains("/../");
        boolean control = name.codePoints().anyMatch(Character::isISOControl);
        if (absolute || climbs || control || name.contains("\\")) {
            throw refused(fileName, "tệp nén chứa đường dẫn không hợp lệ (" + printable(name) + ")");
        }
    }

    private void checkRatio(long size, long compressed, String fileName) {
        if (size >= limits.ratioFrom().toBytes() && compressed > 0 && size / compressed > limits.maxRatio()) {
            throw bomb(fileName);
        }
    }

    private static boolean macro(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith("vbaproject.bin")
                || lower.endsWith("vbadata.xml")
                || lower.startsWith("basic/")
                || lower.startsWith("scripts/");
    }

    /** The package's declared content types: a macro-enabled main part is refused like the macro itself. */
    private void checkContentTypes(InputStream in, String fileName) throws IOException {
        byte[] bytes = in.readAllBytes();
        parse(new java.io.ByteArrayInputStream(bytes), "[Content_Types].xml", fileName);
        String text = new String(bytes, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        if (text.contains("macroenabled") && !limits.allowMacros()) {
            throw refused(
                    fileName,
                    "tài liệu được khai báo là có macro; hãy lưu lại dưới dạng không có macro " + "(.docx, .xlsx)");
        }
    }

    private void parse(InputStream in, String part, String fileName) throws IOException {
        try {
            SAXParser parser = xml.newSAXParser();
            parser.parse(new NonClosing(in), new DefaultHandler());
        } catch (SAXException e) {
            String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            throw refused(
                    fileName,
                    message.contains("doctype")
                            ? "phần " + part
                                    + " khai báo DTD (có thể dẫn tới thực thể bên ngoài hoặc bom mở rộng thực thể)"
                            : "phần " + part + " không phải XML hợp lệ");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private ProblemException bomb(String fileName) {
        return refused(fileName, "khi giải nén, tệp lớn hơn nhiều so với mức cho phép (nghi bom nén)");
    }

    private static String printable(String name) {
        String shown = name.codePoints()
                .map(cp -> Character.isISOControl(cp) ? '?' : cp)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return shown.length() > 80 ? shown.substring(0, 80) + "…" : shown;
    }

    /** An entry's inflated bytes, counted and stopped at the limits as they are read. */
    private final class Counted extends FilterInputStream {

        private final long entryLimit;
        private final long totalLeft;
        private final String fileName;
        long count;

        Counted(InputStream in, long entryLimit, long totalLeft, String fileName) {
            super(in);
            this.entryLimit = entryLimit;
            this.totalLeft = totalLeft;
            this.fileName = fileName;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                add(read);
            }
            return read;
        }

        private void add(long bytes) {
            count += bytes;
            if (count > entryLimit || count > totalLeft) {
                throw bomb(fileName);
            }
        }
    }

    /** The SAX parser closes its input; the entry's stream is closed by its owner. */
    private static final class NonClosing extends FilterInputStream {

        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {}
    }
}
