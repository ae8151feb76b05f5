package vn.khuyencong.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import vn.khuyencong.shared.ProblemException;
import vn.khuyencong.support.Pdfs;

class PdfInspectionTests {

    final PdfInspection inspection = new PdfInspection(new DocumentProperties.Pdf(500_000, DataSize.ofMegabytes(16)));

    @TempDir
    Path folder;

    Path write(byte[] bytes) throws IOException {
        return Files.write(Files.createTempFile(folder, "pdf-", ".pdf"), bytes);
    }

    ProblemException refusal(PdfInspection inspection, byte[] pdf, String name) throws IOException {
        return catchThrowableOfType(
                ProblemException.class, () -> inspection.inspect(write(pdf), PdfInspection.TYPE, name));
    }

    @Test
    void everyPdfWithActiveOrEmbeddedContentOrThatCannotBeOpenedIsRefusedSayingWhy() throws IOException {
        Map<String, String> reasons = Map.of(
                "javascript-open-action",
                "JavaScript",
                "javascript-name-tree",
                "JavaScript",
                "javascript-in-object-stream",
                "JavaScript",
                "launch-in-annotation",
                "Launch",
                "embedded-file",
                "đính kèm",
                "file-attachment-annotation",
                "đính kèm",
                "form-that-submits",
                "SubmitForm",
                "xfa-form",
                "XFA",
                "password-protected",
                "mật khẩu",
                "corrupt",
                "hỏng");
        assertThat(HostilePdfs.all().keySet()).isEqualTo(reasons.keySet());
        for (Map.Entry<String, byte[]> hostile : HostilePdfs.all().entrySet()) {
            String name = hostile.getKey() + ".pdf";
            ProblemException refused = refusal(inspection, hostile.getValue(), name);
            assertThat(refused).as(hostile.getKey()).isNotNull();
            assertThat(refused.status().value()).isEqualTo(422);
            assertThat(refused.getMessage()).as(hostile.getKey()).contains(name, reasons.get(hostile.getKey()));
        }
    }

    @Test
    void ordinaryPdfsAreKept() throws IOException {
        byte[] withLink = Pdfs.withCatalog(
                "",
                "<< /Type /Annot /Subtype /Link /Rect [0 0 100 20]"
                        + " /A << /S /URI /URI (https://dichvucong.gov.vn) >> >>");
        byte[] ownerPasswordOnly = HostilePdfs.encrypted("");
        for (byte[] pdf :
                new byte[][] {Pdfs.onePage("Don de nghi"), withLink, ownerPasswordOnly, Pdfs.large(3_000_000, 7)}) {
            Path file = write(pdf);
            assertThatCode(() -> inspection.inspect(file, PdfInspection.TYPE, "don.pdf"))
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void aPdfListingMoreObjectsThanAllowedIsRefused() throws IOException {
        PdfInspection strict = new PdfInspection(new DocumentProperties.Pdf(4, DataSize.ofMegabytes(16)));
        ProblemException refused = refusal(strict, Pdfs.onePage("Nam doi tuong"), "nhieu.pdf");
        assertThat(refused.getMessage()).contains("5 đối tượng", "(4)");
    }

    @Test
    void theLargeTestPdfIsExactlyTheSizeAskedFor() {
        for (int size : new int[] {2_000, 99_999, 100_000, 1_000_003}) {
            assertThat(Pdfs.large(size, size)).hasSize(size);
        }
    }
}
