package vn.khuyencong.document;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import vn.khuyencong.shared.ProblemException;

/**
 * Users' file names are kept only as metadata, made safe to show and to save on an officer's computer: in NFC; the
 * folders a client may send before the name dropped (the last segment after {@code /} or {@code \} is the name);
 * control and format characters (bidi overrides, zero-width) and characters that are markup, quotes or reserved on
 * Windows replaced by {@code _}; no leading dot, no trailing dot or space, no Windows device name; at most
 * {@value #MAX_LENGTH} characters, the extension kept. The name's extension is then checked against the bytes.
 */
final class FileNames {

    static final int MAX_LENGTH = 255;

    /** What a name becomes when nothing of it is left once cleaned. */
    static final String FALLBACK = "tai-lieu";

    private static final Pattern REPLACED = Pattern.compile("[<>\"'`:*?|]+");
    private static final Pattern REPEATED = Pattern.compile("_{2,}");
    private static final Set<String> DEVICES = Set.of(
            "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1",
            "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

    private FileNames() {}

    /**
     * The name as it is kept and shown.
     *
     * @throws ProblemException 400 (field {@code file}) when the client sent no name at all
     */
    static String clean(String original) {
        if (original == null || original.isBlank()) {
            throw ProblemException.invalidField("file", "Tệp tải lên phải có tên.");
        }
        // browsers send a quote, CR and LF in a multipart file name as %22, %0D and %0A (HTML's form encoding)
        String name = Normalizer.normalize(
                original.replace("%22", "\"").replace("%0D", "\r").replace("%0A", "\n"), Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder kept = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> kept.appendCodePoint(unsafe(cp) ? '_' : cp));
        name = REPEATED.matcher(REPLACED.matcher(kept).replaceAll("_"))
                .replaceAll("_")
                .strip();
        name = name.replaceFirst("^[\\s_]+", "").replaceFirst("[.\\s]+$", "");
        // ".pdf" is a name of which only the extension is left; "..don.pdf" or ".htaccess" lose their leading dots
        name = name.matches("\\.[^.]+") ? FALLBACK + name : name.replaceFirst("^[.\\s_]+", "");
        if (name.isEmpty()) {
            name = FALLBACK;
        }
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        if (DEVICES.contains(base.toUpperCase(Locale.ROOT))) {
            name = "_" + name;
        }
        return shortened(name);
    }

    /** Control characters, format characters (right-to-left overrides, zero-width) and lone surrogates. */
    private static boolean unsafe(int cp) {
        int type = Character.getType(cp);
        return Character.isISOControl(cp)
                || type == Character.FORMAT
                || type == Character.SURROGATE
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    /** At most {@value #MAX_LENGTH} characters, cut in the base so that the extension stays. */
    private static String shortened(String name) {
        if (name.codePointCount(0, name.length()) <= MAX_LENGTH) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
        String base = name.substring(0, name.length() - extension.length());
        int keep = MAX_LENGTH - extension.codePointCount(0, extension.length());
        return base.substring(0, base.offsetByCodePoints(0, keep)).strip() + extension;
    }
}
