package vn.khuyencong.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.khuyencong.shared.ProblemException;

class FileTypesTests {

    final FileTypes types = new FileTypes(new DocumentProperties(
                    null,
                    List.of(
                            "application/pdf",
                            "image/jpeg",
                            "image/png",
                            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            "application/vnd.oasis.opendocument.text",
                            "application/vnd.oasis.opendocument.spreadsheet"),
                    4,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    1,
                    null,
                    null)
            .allowedTypes());

    String decide(byte[] bytes, String name) {
        return types.decide(bytes, bytes.length, name);
    }

    @Test
    void theBytesDecideAndTheNameMustAgree() {
        assertThat(decide(DocumentFiles.PDF, "Đơn.PDF")).isEqualTo("application/pdf");
        assertThat(decide(DocumentFiles.JPEG, "anh.jpeg")).isEqualTo("image/jpeg");
        assertThat(decide(DocumentFiles.JPEG, "anh.jpg")).isEqualTo("image/jpeg");
        assertThat(decide(DocumentFiles.docx(), "a.docx")).endsWith("wordprocessingml.document");
        assertThat(decide(DocumentFiles.xlsx(), "a.xlsx")).endsWith("spreadsheetml.sheet");
        assertThat(decide(DocumentFiles.odt(), "a.odt")).isEqualTo("application/vnd.oasis.opendocument.text");
        assertThat(decide(DocumentFiles.ods(), "a.ods")).isEqualTo("application/vnd.oasis.opendocument.spreadsheet");
    }

    @Test
    void disguisesAreSeenThrough() {
        for (Object[] disguise : new Object[][] {
            {DocumentFiles.HTML, "a.pdf"},
            {DocumentFiles.SVG, "a.pdf"},
            {DocumentFiles.PNG, "a.pdf"},
            {DocumentFiles.PDF, "a.png"},
            {DocumentFiles.plainZip(), "a.docx"},
            {DocumentFiles.docx(), "a.xlsx"},
            {DocumentFiles.EXE, "a.pdf"},
            {DocumentFiles.PDF, "a"}
        }) {
            assertThatThrownBy(() -> decide((byte[]) disguise[0], (String) disguise[1]))
                    .as((String) disguise[1])
                    .isInstanceOfSatisfying(
                            ProblemException.class,
                            e -> assertThat(e.status().value()).isEqualTo(415));
        }
    }
}
