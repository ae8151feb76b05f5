package vn.khuyencong.document;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.tika.Tika;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;
import vn.khuyencong.shared.ProblemException;

/**
 * Decides a file's type from its first bytes with Apache Tika's detector, never from the declared Content-Type.
 * The name's extension must agree with the bytes: a PNG named {@code .pdf}, or HTML dressed as a PDF, is refused.
 */
final class FileTypes {

    /** How many leading bytes the detector reads. */
    static final int HEAD = 64 * 1024;

    private static final Map<String, String> LABELS = Map.of(
            "application/pdf", "PDF",
            "image/jpeg", "JPEG",
            "image/png", "PNG",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "DOCX",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX",
            "application/vnd.oasis.opendocument.text", "ODT",
            "application/vnd.oasis.opendocument.spreadsheet", "ODS");

    private static final byte[] OOXML_MANIFEST = "[Content_Types].xml".getBytes(StandardCharsets.US_ASCII);

    private final Tika tika = new Tika();
    private final MimeTypes types = MimeTypes.getDefaultMimeTypes();
    private final Set<String> allowed;

    FileTypes(List<String> allowed) {
        this.allowed = Set.copyOf(allowed);
    }

    /** The allowed types as people know them: "PDF, JPEG, ...". */
    String allowedLabels() {
        return String.join(
                ", ",
                allowed.stream()
                        .map(type -> LABELS.getOrDefault(type, type))
                        .sorted()
                        .toList());
    }

    /**
     * The media type of a file whose first bytes are {@code head}, named {@code fileName}.
     *
     * @throws ProblemException 415 when the bytes are not of an allowed type or the name says otherwise
     */
    String decide(byte[] head, int length, String fileName) {
        byte[] prefix = length == head.length ? head : Arrays.copyOf(head, length);
        // the magic bytes alone: what the file is
        String byBytes = tika.detect(prefix);
        String byName = tika.detect(fileName);
        String type = byBytes;
        if ("application/x-tika-ooxml".equals(byBytes) || "application/zip".equals(byBytes)) {
            // Tika refines a ZIP container by its name (OOXML); only accept that when the package has OOXML's
            // manifest. Only asked of ZIP files: each detection matches the magic against up to 64 KiB, and two of
            // them were half of an upload's CPU.
            String withName = tika.detect(prefix, fileName);
            if (isOoxml(withName)
                    && indexOf(prefix, OOXML_MANIFEST) >= 0
                    && indexOf(prefix, ooxmlFolder(withName)) >= 0) {
                type = withName;
            }
        }
        if (!allowed.contains(type)) {
            throw ProblemException.unsupportedMedia(
                    "file",
                    "Nội dung tệp \"" + fileName + "\" không phải là " + allowedLabels()
                            + ". Chỉ chấp nhận các loại tệp này.");
        }
        if (!sameOrAlias(type, byName)) {
            throw ProblemException.unsupportedMedia(
                    "file",
                    "Tên tệp \"" + fileName + "\" không khớp với nội dung (" + LABELS.getOrDefault(type, type)
                            + "). Vui lòng đặt đúng phần mở rộng của tệp.");
        }
        return type;
    }

    private boolean sameOrAlias(String type, String byName) {
        if (type.equals(byName)) {
            return true;
        }
        MediaType normalised = types.getMediaTypeRegistry().normalize(MediaType.parse(byName));
        return normalised != null && normalised.toString().equals(type);
    }

    /** The package folder every document of the kind has: word/ for DOCX, xl/ for XLSX. */
    private static byte[] ooxmlFolder(String type) {
        String folder = type.endsWith("wordprocessingml.document")
                ? "word/"
                : type.endsWith("spreadsheetml.sheet") ? "xl/" : "\u0000no-such-folder";
        return folder.getBytes(StandardCharsets.US_ASCII);
    }

    private static boolean isOoxml(String type) {
        return type.startsWith("application/vnd.openxmlformats-officedocument.");
    }

    static String label(String type) {
        return LABELS.getOrDefault(type, type);
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
