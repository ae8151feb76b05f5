package vn.khuyencong.paper;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfRendererTests {

    static PaperContent aReceipt(String organisation) {
        return new PaperContent(
                PaperKind.RECEIPT,
                "TN-ABCDE-FGHJK",
                "000.00.15.H55-261127-0001",
                Instant.parse("2026-11-27T03:15:42Z"),
                "Sở Công Thương tỉnh Thái Nguyên",
                "Thái Nguyên, ngày 27 tháng 11 năm 2026",
                List.of(
                        PaperContent.text("Sở Công Thương tỉnh Thái Nguyên tiếp nhận hồ sơ của:"),
                        PaperContent.bold(organisation),
                        PaperContent.field("Mã hồ sơ", "000.00.15.H55-261127-0001"),
                        new PaperContent.Table(
                                List.of("TT", "Bước xử lý"),
                                List.of(1f, 4f),
                                List.of(List.of("1", "Nộp và tiếp nhận hồ sơ — đúng hạn")))),
                "Người tiếp nhận hồ sơ",
                "Hoàng Văn Thắng");
    }

    @Test
    void theSameContentGivesTheSameBytes() {
        byte[] first = PdfRenderer.render(
                aReceipt("Hợp tác xã Miến dong Côn Minh"), "http://localhost/xac-thuc/TN-ABCDE-FGHJK");
        byte[] second = PdfRenderer.render(
                aReceipt("Hợp tác xã Miến dong Côn Minh"), "http://localhost/xac-thuc/TN-ABCDE-FGHJK");
        assertThat(second).isEqualTo(first);
        assertThat(Papers.sha256(second)).isEqualTo(Papers.sha256(first));
    }

    @Test
    void fontsLentFromOnePaperToTheNextGiveTheSameBytes() throws Exception {
        String url = "http://localhost/xac-thuc/TN-ABCDE-FGHJK";
        // renderings at once take fonts parsed for them; each then lends its fonts to a later one
        List<Callable<byte[]>> atOnce =
                Collections.nCopies(6, () -> PdfRenderer.render(aReceipt("Hợp tác xã Miến dong Côn Minh"), url));
        List<byte[]> rendered = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            for (Future<byte[]> pdf : pool.invokeAll(atOnce)) {
                rendered.add(pdf.get());
            }
        }
        // a paper using other glyphs in between, then the first one again with lent fonts
        PdfRenderer.render(aReceipt("Công ty TNHH Gốm sứ Bát Tràng — ĐẶC SẢN Ứng Hòa"), url);
        rendered.add(PdfRenderer.render(aReceipt("Hợp tác xã Miến dong Côn Minh"), url));

        for (byte[] pdf : rendered) {
            assertThat(pdf).isEqualTo(rendered.get(0));
        }
    }

    @Test
    void otherContentGivesOtherBytes() {
        byte[] first = PdfRenderer.render(
                aReceipt("Hợp tác xã Miến dong Côn Minh"), "http://localhost/xac-thuc/TN-ABCDE-FGHJK");
        byte[] other = PdfRenderer.render(
                aReceipt("Hợp tác xã Miến dong Côn Minh 2"), "http://localhost/xac-thuc/TN-ABCDE-FGHJK");
        assertThat(Papers.sha256(other)).isNotEqualTo(Papers.sha256(first));
    }

    @Test
    void vietnameseTextIsExtractedIntact() throws IOException {
        // decomposed input (e.g. pasted from a Mac) is drawn and extracted as the precomposed letters
        String decomposed =
                java.text.Normalizer.normalize("Hợp tác xã Miến dong Côn Minh", java.text.Normalizer.Form.NFD);
        byte[] pdf = PdfRenderer.render(aReceipt(decomposed), "http://localhost/xac-thuc/TN-ABCDE-FGHJK");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains(
                            "Hợp tác xã Miến dong Côn Minh",
                            "000.00.15.H55-261127-0001",
                            "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
                            "Độc lập - Tự do - Hạnh phúc",
                            "Hoàng Văn Thắng",
                            "TN-ABCDE-FGHJK");
            assertThat(document.getDocumentInformation().getCreationDate().toInstant())
                    .isEqualTo(Instant.parse("2026-11-27T03:15:42Z"));
        }
    }

    @Test
    void charactersWithoutAGlyphDoNotBreakThePaper() {
        byte[] pdf = PdfRenderer.render(aReceipt("Cơ sở 🌾 Miến"), "http://localhost/xac-thuc/TN-ABCDE-FGHJK");
        assertThat(pdf).isNotEmpty();
    }

    @Test
    void codesAreStableAndDistinct() {
        var id = java.util.UUID.fromString("6f1d2a44-6a55-4d1f-9d0e-1b7f0c2a9a01");
        String code = PaperComposer.code(PaperKind.RECEIPT, id, "history:1");
        assertThat(code)
                .matches("TN-[0-9A-Z]{5}-[0-9A-Z]{5}")
                .isEqualTo(PaperComposer.code(PaperKind.RECEIPT, id, "history:1"));
        assertThat(PaperComposer.code(PaperKind.RECEIPT, id, "history:2")).isNotEqualTo(code);
    }

    @Test
    void wrappedLinesAreFullAndNeverWiderThanTheLine() throws IOException {
        PDFont font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        String text = "Ho tro may moc thiet bi, chuyen giao cong nghe va ung dung tien bo khoa hoc ky thuat vao "
                + "san xuat cong nghiep nong thon; xay dung mo hinh trinh dien ky thuat de phuong phap san xuat moi "
                + "duoc ap dung rong rai. http://localhost/xac-thuc/TN-ABCDE-FGHJK-mot-dia-chi-dai-hon-mot-dong\n"
                + "Dong hai.";
        for (float width : new float[] {60, 97.5f, 150, 233.3f, 400}) {
            List<String> lines = PdfRenderer.wrap(text, font, 9, width);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                assertThat(PdfRenderer.textWidth(line, font, 9))
                        .as("%s at %s", line, width)
                        .isLessThanOrEqualTo(width);
                boolean lastOfParagraph =
                        i + 1 == lines.size() || lines.get(i + 1).startsWith("Dong");
                if (!lastOfParagraph && !line.isEmpty()) {
                    // greedy: the next line's first word would not have fitted on this one
                    String next = lines.get(i + 1).split(" ")[0];
                    boolean cutWord = !text.contains(line + " " + next) && !text.contains(line + "\n" + next);
                    if (!cutWord) {
                        assertThat(PdfRenderer.textWidth(line + " " + next, font, 9))
                                .as("%s | %s", line, next)
                                .isGreaterThan(width);
                    }
                }
            }
            // nothing lost or reordered: the words, and the pieces of a cut word, in their order
            assertThat(String.join("", lines).replace(" ", ""))
                    .isEqualTo(text.replace(" ", "").replace("\n", ""));
        }
    }
}
