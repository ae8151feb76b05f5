package vn.khuyencong.statistics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.khuyencong.dossier.Programme;
import vn.khuyencong.shared.ProblemException;
import vn.khuyencong.statistics.StatisticsReport.PublicReport;

/** What anyone may read without signing in: the statistics and the open data of approved projects. */
@RestController
@Tag(name = "Thống kê công khai", description = "Số liệu khuyến công và dữ liệu mở về các đề án được phê duyệt")
class PublicStatisticsController {

    private static final byte[] CRLF = {'\r', '\n'};

    private final Statistics statistics;
    private final OpenData openData;
    private final TransactionTemplate readOnly;

    PublicStatisticsController(Statistics statistics, OpenData openData, TransactionTemplate transactions) {
        this.statistics = statistics;
        this.openData = openData;
        this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
        this.readOnly.setReadOnly(true);
    }

    @GetMapping("/api/v1/public/statistics")
    @Operation(summary = "Số liệu thống kê công khai, tính trực tiếp từ hồ sơ (không cần đăng nhập)")
    PublicReport report(
            @RequestParam(required = false) Integer fromYear,
            @RequestParam(required = false) Integer toYear,
            @RequestParam(required = false) Programme programme,
            @RequestParam(required = false) String contentCode) {
        return statistics.publicReport(new StatisticsFilter(fromYear, toYear, programme, contentCode, null));
    }

    @GetMapping("/api/v1/public/open-data/approved-projects.json")
    @Operation(
            summary = "Dữ liệu mở: các đề án được phê duyệt (JSON, theo trang, không có dữ liệu cá nhân)",
            description =
                    "Theo số trang (page) hoặc tiếp sau một đề án (after: giá trị next của trang trước, nhanh như "
                            + "nhau ở mọi độ sâu của danh sách).")
    OpenData.Page approvedProjectsJson(
            @RequestParam(required = false) Integer fromYear,
            @RequestParam(required = false) Integer toYear,
            @RequestParam(required = false) Programme programme,
            @RequestParam(required = false) String contentCode,
            @RequestParam(required = false) String communeCode,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "100") int size) {
        if (after != null && page != 0) {
            throw ProblemException.invalidField("after", "Dùng số trang hoặc after, không dùng cả hai.");
        }
        if (page < 0) {
            throw ProblemException.invalidField("page", "Số trang bắt đầu từ 0.");
        }
        if (size < 1 || size > OpenData.MAX_PAGE_SIZE) {
            throw ProblemException.invalidField("size", "Mỗi trang có từ 1 đến " + OpenData.MAX_PAGE_SIZE + " đề án.");
        }
        StatisticsFilter filter = new StatisticsFilter(fromYear, toYear, programme, contentCode, communeCode);
        return readOnly.execute(
                status -> after == null ? openData.page(filter, page, size) : openData.pageAfter(filter, after, size));
    }

    @GetMapping("/api/v1/public/open-data/approved-projects.csv")
    @Operation(summary = "Dữ liệu mở: tất cả các đề án được phê duyệt (CSV UTF-8, không có dữ liệu cá nhân)")
    void approvedProjectsCsv(
            @RequestParam(required = false) Integer fromYear,
            @RequestParam(required = false) Integer toYear,
            @RequestParam(required = false) Programme programme,
            @RequestParam(required = false) String contentCode,
            @RequestParam(required = false) String communeCode,
            HttpServletResponse response)
            throws IOException {
        StatisticsFilter filter = new StatisticsFilter(fromYear, toYear, programme, contentCode, communeCode);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"de-an-khuyen-cong-duoc-phe-duyet.csv\"");
        OutputStream out = response.getOutputStream();
        out.write(("\uFEFF" + String.join(",", OpenData.COLUMNS) + "\r\n").getBytes(StandardCharsets.UTF_8));
        readOnly.executeWithoutResult(status -> openData.lines(filter, line -> {
            try {
                out.write(line);
                out.write(CRLF);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
        out.flush();
    }
}
