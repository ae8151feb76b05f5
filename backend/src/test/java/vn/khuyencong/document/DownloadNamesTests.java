package vn.khuyencong.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DownloadNamesTests {

    static String realName(String header) {
        String encoded = header.substring(header.indexOf("filename*=UTF-8''") + "filename*=UTF-8''".length());
        return URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Test
    void theRealNameTravelsInFilenameStarAndThePlainFallbackIsAscii() {
        String header = DownloadNames.attachment("Đề án khuyến công (bản 2).pdf");
        assertThat(header).startsWith("attachment; filename=\"De an khuyen cong (ban 2).pdf\"; filename*=UTF-8''");
        assertThat(header.chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
        assertThat(realName(header)).isEqualTo("Đề án khuyến công (bản 2).pdf");
    }

    @Test
    void quotesBackslashesAndOtherScriptsCannotBreakTheHeader() {
        String header = DownloadNames.attachment("a\"; filename=evil.html\\x 文件.pdf");
        assertThat(header).startsWith("attachment; filename=\"a_; filename=evil.html_x __.pdf\"; filename*=");
        assertThat(header.chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
        assertThat(realName(header)).isEqualTo("a\"; filename=evil.html\\x 文件.pdf");
        assertThat(header.substring(header.indexOf("filename*="))).doesNotContain("\"", ";", " ");
    }
}
