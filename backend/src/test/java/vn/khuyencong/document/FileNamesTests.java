package vn.khuyencong.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.khuyencong.shared.ProblemException;

class FileNamesTests {

    @Test
    void namesAreKeptInNfcWithWhatIsUnsafeToShowOrToSaveReplaced() {
        Map<String, String> cleaned = new LinkedHashMap<>();
        cleaned.put("Đơn đề nghị.pdf", "Đơn đề nghị.pdf");
        cleaned.put("Do\u0302\u0300n.pdf", "D\u1ED3n.pdf"); // decomposed marks composed
        cleaned.put("../../etc/don.pdf", "don.pdf");
        cleaned.put("C:\\Users\\lan\\don.pdf", "don.pdf");
        cleaned.put("thu-muc/", "tai-lieu");
        cleaned.put("\"><img src=x onerror=alert(1)>.pdf", "img src=x onerror=alert(1)_.pdf");
        cleaned.put("bao \"gia\" 'moi'.pdf", "bao _gia_ _moi_.pdf");
        cleaned.put("don %22de nghi%22 %0Amoi.pdf", "don _de nghi_ _moi.pdf"); // as a browser's form sends them
        cleaned.put("don\u0000.pdf", "don_.pdf");
        cleaned.put("don\u202Efdp.exe", "don_fdp.exe");
        cleaned.put("don\u200B.pdf", "don_.pdf");
        cleaned.put("a:b*c?d|e.pdf", "a_b_c_d_e.pdf");
        cleaned.put("..don.pdf", "don.pdf");
        cleaned.put(".htaccess", "tai-lieu.htaccess");
        cleaned.put("<<>>.pdf", "tai-lieu.pdf");
        cleaned.put("don.pdf. . ", "don.pdf");
        cleaned.put("CON.pdf", "_CON.pdf");
        cleaned.put("  don.pdf  ", "don.pdf");
        cleaned.forEach((given, expected) ->
                assertThat(FileNames.clean(given)).as(given).isEqualTo(expected));
    }

    @Test
    void aLongNameIsCutInItsBaseSoThatTheExtensionStays() {
        String name = FileNames.clean("đ".repeat(300) + ".docx");
        assertThat(name.codePointCount(0, name.length())).isEqualTo(FileNames.MAX_LENGTH);
        assertThat(name).endsWith("đ.docx");
    }

    @Test
    void aFileWithoutANameIsRefused() {
        for (String none : new String[] {null, "", "   "}) {
            assertThatThrownBy(() -> FileNames.clean(none))
                    .isInstanceOf(ProblemException.class)
                    .hasMessageContaining("phải có tên");
        }
    }
}
