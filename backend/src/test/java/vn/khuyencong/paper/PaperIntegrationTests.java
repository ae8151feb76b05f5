package vn.khuyencong.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.khuyencong.support.Fixtures.event;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.LuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.khuyencong.identity.CurrentUser;
import vn.khuyencong.identity.Role;
import vn.khuyencong.support.Api;
import vn.khuyencong.support.Fixtures;
import vn.khuyencong.support.IntegrationTest;

/**
 * Papers are issued by the steps that call for them, stored as objects, listed on the dossier, readable as text
 * with their Vietnamese intact, identical when regenerated from the same data, and verifiable by their code.
 */
class PaperIntegrationTests extends IntegrationTest {

    @Autowired
    Papers papers;

    final Fixtures fixtures = new Fixtures(api());

    @Test
    void theReceiptIsIssuedAtSubmissionWithTheDossierCodeAndVietnameseNamesIntact() throws Exception {
        String id = fixtures.submitted();
        String code = fixtures.enterprise
                .get("/api/v1/dossiers/" + id)
                .json()
                .get("code")
                .asString();
        JsonNode receipt = paperOf(fixtures.enterprise, id, "RECEIPT");
        assertThat(receipt.get("form").asString()).isEqualTo("Mẫu số 01");
        assertThat(receipt.get("verificationUrl").asString())
                .endsWith("/xac-thuc/" + receipt.get("code").asString());

        byte[] pdf = download(fixtures.enterprise, id, receipt);
        assertThat(HexFormat.of().formatHex(Api.sha256(pdf)))
                .isEqualTo(receipt.get("sha256").asString());
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains(
                            code,
                            "Hợp tác xã Miến dong Côn Minh",
                            "Đầu tư dây chuyền chế biến miến dong",
                            "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
                            "Sở Công Thương tỉnh Thái Nguyên",
                            "Thời gian trả kết quả giải quyết hồ sơ",
                            receipt.get("code").asString());
            // the QR code on the paper leads to its verification page
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 150);
            String scanned = new QRCodeReader()
                    .decode(new BinaryBitmap(new HybridBinarizer(luminance(page))))
                    .getText();
            assertThat(scanned).isEqualTo(receipt.get("verificationUrl").asString());
        }
    }

    @Test
    void regeneratingFromTheSameDataGivesTheSameBytes() {
        String id = fixtures.submitted();
        JsonNode receipt = paperOf(fixtures.enterprise, id, "RECEIPT");
        UUID paperId = UUID.fromString(receipt.get("id").asString());
        long entry = papers.sourceEntry(paperId).orElseThrow();
        byte[] again =
                papers.render(UUID.fromString(id), PaperKind.RECEIPT, entry).bytes();
        assertThat(again).isEqualTo(papers.storedBytes(paperId));
        assertThat(Papers.sha256(again)).isEqualTo(receipt.get("sha256").asString());

        // issuing again finds the paper already issued
        Paper first = papers.processControl(UUID.fromString(id), officer());
        Paper second = papers.processControl(UUID.fromString(id), officer());
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.sha256()).isEqualTo(first.sha256());
    }

    @Test
    void theVerificationPageShowsCodeDateAndHashAndRejectsAnAlteredHash() {
        String id = fixtures.submitted();
        JsonNode receipt = paperOf(fixtures.enterprise, id, "RECEIPT");
        String paperCode = receipt.get("code").asString();
        String sha = receipt.get("sha256").asString();
        Api anyone = api();

        Api.Response shown = anyone.get("/api/v1/public/papers/" + paperCode);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.json().get("code").asString()).isEqualTo(paperCode);
        assertThat(shown.json().get("sha256").asString()).isEqualTo(sha);
        assertThat(shown.json().get("issuedAt").asString()).isNotBlank();
        assertThat(shown.json().get("dossierCode").asString())
                .isEqualTo(fixtures.enterprise
                        .get("/api/v1/dossiers/" + id)
                        .json()
                        .get("code")
                        .asString());
        assertThat(shown.body()).doesNotContain("Miến dong", "doanhnghiep");

        Api.Response matches = anyone.get("/api/v1/public/papers/" + paperCode + "?sha256=" + sha);
        assertThat(matches.json().get("hashMatches").asBoolean()).isTrue();

        String altered = (sha.charAt(0) == '0' ? "1" : "0") + sha.substring(1);
        Api.Response rejected = anyone.get("/api/v1/public/papers/" + paperCode + "?sha256=" + altered);
        assertThat(rejected.status()).isEqualTo(409);
        assertThat(rejected.contentType()).startsWith("application/problem+json");
        assertThat(rejected.json().get("rule").asString()).isEqualTo("paper-hash-mismatch");

        assertThat(anyone.get("/api/v1/public/papers/TN-00000-00000").status()).isEqualTo(404);
        assertThat(anyone.get("/api/v1/public/papers/not-a-code").status()).isEqualTo(404);
    }

    @Test
    void everyStepThatCallsForAPaperIssuesIt() throws Exception {
        // supplement request (02), then refusal (03) with the process control slip (05)
        String refused = fixtures.supplementRequested();
        JsonNode supplement = paperOf(fixtures.enterprise, refused, "SUPPLEMENT_REQUEST");
        assertThat(text(fixtures.enterprise, refused, supplement))
                .contains(
                        "Báo giá của nhà cung cấp máy sấy",
                        "Thiếu báo giá máy sấy",
                        "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ");
        fixtures.fire(fixtures.enterprise, refused, event("RESUBMIT"));
        assertThat(paperCount(fixtures.enterprise, refused, "RECEIPT")).isEqualTo(2);
        fixtures.fire(fixtures.reviewer, refused, event("REJECT", "comment", "Cơ sở không thuộc địa bàn nông thôn"));
        assertThat(text(fixtures.enterprise, refused, paperOf(fixtures.enterprise, refused, "REFUSAL")))
                .contains("Cơ sở không thuộc địa bàn nông thôn", "PHIẾU TỪ CHỐI GIẢI QUYẾT HỒ SƠ");
        String control = text(fixtures.reviewer, refused, paperOf(fixtures.reviewer, refused, "PROCESS_CONTROL"));
        assertThat(control)
                .contains(
                        "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
                        "Nộp và tiếp nhận",
                        "Yêu cầu bổ sung",
                        "Từ chối giải",
                        "Hoàng Văn Thắng",
                        "Đúng hạn",
                        "Không được hỗ trợ");

        // the decision
        String approved = fixtures.reviewed();
        fixtures.fire(
                fixtures.approver,
                approved,
                event(
                        "APPROVE",
                        "decisionNumber",
                        "123/QĐ-SCT-" + approved.substring(0, 6),
                        "approvedAmount",
                        100_000_000L));
        String decision = text(fixtures.enterprise, approved, paperOf(fixtures.enterprise, approved, "DECISION"));
        assertThat(decision)
                .contains(
                        "123/QĐ-SCT-" + approved.substring(0, 6),
                        "100.000.000 đồng",
                        "Lường Thị Mai",
                        "Hợp tác xã Miến dong Côn Minh",
                        "Điều 1.");
    }

    @Test
    void onlyOfficersDrawUpTheProcessControlSlip() {
        String id = fixtures.underReview();
        assertThat(fixtures.enterprise
                        .post("/api/v1/dossiers/" + id + "/papers/process-control", Map.of())
                        .status())
                .isEqualTo(403);
        Api.Response drawn = fixtures.reviewer.post("/api/v1/dossiers/" + id + "/papers/process-control", Map.of());
        assertThat(drawn.status()).isEqualTo(200);
        assertThat(drawn.json().get("kind").asString()).isEqualTo("PROCESS_CONTROL");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    static CurrentUser officer() {
        return new CurrentUser("thamdinh", "thamdinh", "Hoàng Văn Thắng", Set.of(Role.REVIEWER), null, "000.00.15.H55");
    }

    JsonNode paperOf(Api who, String dossierId, String kind) {
        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < end) {
            JsonNode list = who.get("/api/v1/dossiers/" + dossierId + "/papers").json();
            JsonNode found = null;
            for (JsonNode paper : list) {
                if (kind.equals(paper.get("kind").asString())) {
                    found = paper;
                }
            }
            if (found != null) {
                return found;
            }
            sleep(150);
        }
        throw new AssertionError("No " + kind + " issued for " + dossierId);
    }

    int paperCount(Api who, String dossierId, String kind) {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int count = 0;
        while (System.nanoTime() < end) {
            count = 0;
            for (JsonNode paper :
                    who.get("/api/v1/dossiers/" + dossierId + "/papers").json()) {
                if (kind.equals(paper.get("kind").asString())) {
                    count++;
                }
            }
            if (count >= 2) {
                return count;
            }
            sleep(150);
        }
        return count;
    }

    byte[] download(Api who, String dossierId, JsonNode paper) {
        HttpResponse<byte[]> response = who.download(
                "/api/v1/dossiers/" + dossierId + "/papers/" + paper.get("id").asString() + "/content");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        return response.body();
    }

    String text(Api who, String dossierId, JsonNode paper) throws Exception {
        try (PDDocument document = Loader.loadPDF(download(who, dossierId, paper))) {
            return new PDFTextStripper().getText(document);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The page's grey levels, as the QR reader wants them. */
    static LuminanceSource luminance(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] grey = new byte[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = image.getRGB(x, y);
                int value = (((rgb >> 16) & 0xff) * 299 + ((rgb >> 8) & 0xff) * 587 + (rgb & 0xff) * 114) / 1000;
                grey[y * width + x] = (byte) value;
            }
        }
        return new LuminanceSource(width, height) {
            @Override
            public byte[] getRow(int y, byte[] row) {
                byte[] out = row != null && row.length >= width ? row : new byte[width];
                System.arraycopy(grey, y * width, out, 0, width);
                return out;
            }

            @Override
            public byte[] getMatrix() {
                return grey;
            }
        };
    }
}
