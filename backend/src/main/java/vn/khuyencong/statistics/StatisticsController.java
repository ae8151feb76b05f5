package vn.khuyencong.statistics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.khuyencong.dossier.Programme;
import vn.khuyencong.identity.CurrentUser;
import vn.khuyencong.identity.Role;
import vn.khuyencong.statistics.StatisticsReport.Dashboard;

@RestController
@Tag(name = "Thống kê", description = "Bảng điều khiển của cán bộ và xuất số liệu")
class StatisticsController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Statistics statistics;

    StatisticsController(Statistics statistics) {
        this.statistics = statistics;
    }

    @GetMapping("/api/v1/statistics/dashboard")
    @Operation(
            summary =
                    "Số liệu thống kê cho cán bộ: theo chương trình, nội dung, năm, xã, trạng thái; kết quả, xử lý, mục tiêu")
    Dashboard dashboard(
            @RequestParam(required = false) Integer fromYear,
            @RequestParam(required = false) Integer toYear,
            @RequestParam(required = false) Programme programme,
            @RequestParam(required = false) String contentCode,
            @RequestParam(required = false) String communeCode,
            CurrentUser user) {
        requireOfficer(user);
        return statistics.dashboard(new StatisticsFilter(fromYear, toYear, programme, contentCode, communeCode));
    }

    @GetMapping("/api/v1/statistics/export.csv")
    @Operation(summary = "Xuất số liệu thống kê ra tệp CSV (UTF-8)")
    void exportCsv(
            @RequestParam(required = false) Integer fromYear,
            @RequestParam(required = false) Integer toYear,
            @RequestParam(required = false) Programme programme,
            @RequestParam(required = false) String contentCode,
            @RequestParam(required = false) String communeCode,
            CurrentUser user,
            HttpServletResponse response)
            throws IOException {
        requireOfficer(user);
        Dashboard d = statistics.dashboard(new StatisticsFilter(fromYear, toYear, programme, contentCode, communeCode));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"thong-ke-khuyen-cong.csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        Exports.csv(d, out);
    }

    @GetMapping("/api/v1/statistics/export.xlsx")
    @Operation(summary = "Xuất số liệu thống kê ra tệp Excel (XLSX), mỗi bảng một trang tính")
    void exportXlsx(
            @RequestParam(required = false) Integer fromYear,
            @RequestParam(required = false) Integer toYear,
            @RequestParam(required = false) Programme programme,
            @RequestParam(required = false) String contentCode,
            @RequestParam(required = false) String communeCode,
            CurrentUser user,
            HttpServletResponse response)
            throws IOException {
        requireOfficer(user);
        Dashboard d = statistics.dashboard(new StatisticsFilter(fromYear, toYear, programme, contentCode, communeCode));
        response.setContentType(XLSX);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"thong-ke-khuyen-cong.xlsx\"");
        Exports.xlsx(d, response.getOutputStream());
    }

    private static void requireOfficer(CurrentUser user) {
        user.requireAny(Role.REVIEWER, Role.APPROVER, Role.MONITOR, Role.ADMIN);
    }
}
