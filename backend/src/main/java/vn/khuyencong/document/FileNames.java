package vn.khuyencong.document;

import java.text.Normalizer;

import vn.khuyencong.shared.ProblemException;

/** Users' file names are kept only as metadata, and only when they are plain names. */
final class FileNames {

    static final int MAX_LENGTH = 255;

    private FileNames() {
    }

    static String clean(String original) {
        if (original == null || original.isBlank()) {
            throw ProblemException.invalidField("file", "Tệp tải lên phải có tên.");
        }
        String name = Normalizer.normalize(original.strip(), Normalizer.Form.NFC);
        if (name.contains("/") || name.contains("\\") || name.equals(".") || name.contains("..")) {
            throw ProblemException.invalidField("file", "Tên tệp không được chứa đường dẫn hoặc \"..\".");
        }
        // control characters, format characters (right-to-left overrides, zero-width) and lone surrogates
        boolean unsafe = name.codePoints().anyMatch(cp -> Character.isISOControl(cp)
                || Character.getType(cp) == Character.FORMAT || Character.getType(cp) == Character.SURROGATE);
        if (unsafe) {
            throw ProblemException.invalidField("file", "Tên tệp chứa ký tự điều khiển không được phép.");
        }
        if (name.length() > MAX_LENGTH) {
            throw ProblemException.invalidField("file", "Tên tệp không quá " + MAX_LENGTH + " ký tự.");
        }
        return name;
    }
}
