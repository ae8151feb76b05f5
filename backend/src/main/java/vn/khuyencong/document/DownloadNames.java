package vn.khuyencong.document;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * The {@code Content-Disposition} of a download (RFC 6266): the real name, UTF-8 and percent-encoded, in
 * {@code filename*}, and a plain {@code filename} for the old clients that read only that one, kept to printable
 * ASCII: Vietnamese letters without their marks ("Đề án.pdf" → "De an.pdf"), anything else (quotes, backslashes,
 * other scripts) replaced by "_".
 */
final class DownloadNames {

    private DownloadNames() {}

    static String attachment(String fileName) {
        return "attachment; filename=\"" + asciiFallback(fileName) + "\"; filename*=UTF-8''" + percentEncoded(fileName);
    }

    static String asciiFallback(String fileName) {
        String withoutMarks = Normalizer.normalize(fileName.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        StringBuilder ascii = new StringBuilder();
        withoutMarks
                .codePoints()
                .forEach(cp -> ascii.append(cp >= 0x20 && cp < 0x7f && cp != '"' && cp != '\\' ? (char) cp : '_'));
        return ascii.toString();
    }

    private static String percentEncoded(String fileName) {
        // RFC 5987 attr-char: letters, digits and !#$&+-.^_`|~ stay; everything else is %XX of its UTF-8 bytes
        return URLEncoder.encode(fileName, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~")
                .replace("'", "%27")
                .replace("(", "%28")
                .replace(")", "%29");
    }
}
