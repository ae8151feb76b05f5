package vn.khuyencong.statistics;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import vn.khuyencong.statistics.StatisticsReport.Dashboard;
import vn.khuyencong.statistics.StatisticsReport.Figures;
import vn.khuyencong.statistics.StatisticsReport.Outcome;
import vn.khuyencong.statistics.StatisticsReport.Processing;
import vn.khuyencong.statistics.StatisticsReport.TargetProgress;

/** The dashboard as CSV (one table of every breakdown) and as an XLSX workbook (one sheet per table). */
final class Exports {

    static final List<String> FIGURE_HEADERS = List.of(
            "Nhóm",
            "Mã",
            "Tên",
            "Số hồ sơ",
            "Số đề án được duyệt",
            "Kinh phí đề nghị (đồng)",
            "Kinh phí được duyệt (đồng)",
            "Kinh phí đã chi (đồng)",
            "Vốn đối ứng cam kết (đồng)",
            "Vốn đối ứng thực hiện (đồng)",
            "Đề án đã quyết toán",
            "Tỷ lệ vốn đối ứng / kinh phí hỗ trợ");

    private Exports() {}

    static List<List<Object>> figureRows(Dashboard d) {
        List<List<Object>> rows = new ArrayList<>();
        add(rows, "Tổng cộng", List.of(d.total()));
        add(rows, "Chương trình", d.byProgramme());
        add(rows, "Nội dung", d.byContent());
        add(rows, "Năm", d.byYear());
        add(rows, "Xã, phường", d.byCommune());
        add(rows, "Trạng thái", d.byState());
        return rows;
    }

    private static void add(List<List<Object>> rows, String group, List<Figures> figures) {
        for (Figures f : figures) {
            rows.add(Arrays.asList(
                    group,
                    f.key(),
                    f.name(),
                    f.dossiers(),
                    f.projects(),
                    f.supportRequested(),
                    f.supportApproved(),
                    f.supportPaid(),
                    f.counterpartCommitted(),
                    f.counterpartRealised(),
                    f.settledProjects(),
                    f.leverage()));
        }
    }

    static void csv(Dashboard d, Writer out) {
        try {
            out.write('\uFEFF'); // lets spreadsheet programs read the Vietnamese text as UTF-8
            line(out, new ArrayList<>(FIGURE_HEADERS));
            for (List<Object> row : figureRows(d)) {
                line(out, row);
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void line(Writer out, List<?> values) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(values.get(i)));
        }
        out.write(line.append("\r\n").toString());
    }

    /** RFC 4180 quoting; text that a spreadsheet would run as a formula is prefixed with an apostrophe. */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number || value instanceof LocalDate) {
            return value.toString();
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    static void xlsx(Dashboard d, OutputStream out) throws IOException {
        try (SXSSFWorkbook book = new SXSSFWorkbook(100)) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle money = book.createCellStyle();
            money.setDataFormat(book.createDataFormat().getFormat("#,##0"));

            sheet(book, "Tổng hợp", bold, money, FIGURE_HEADERS, figureRows(d));

            List<List<Object>> outcomes = new ArrayList<>();
            for (Outcome o : d.outcomes()) {
                outcomes.add(Arrays.asList(
                        o.contentCode(),
                        o.supportKind(),
                        o.supportKindName(),
                        o.projects(),
                        o.supportPaid(),
                        o.counterpartRealised(),
                        o.workersTrained(),
                        o.machinesInstalled(),
                        o.machinesWorking(),
                        o.products(),
                        o.fairsAttended()));
            }
            sheet(
                    book,
                    "Kết quả nghiệm thu",
                    bold,
                    money,
                    List.of(
                            "Nội dung",
                            "Loại hỗ trợ",
                            "Tên loại hỗ trợ",
                            "Đề án hoàn thành",
                            "Kinh phí đã chi (đồng)",
                            "Vốn đối ứng thực hiện (đồng)",
                            "Lao động được đào tạo",
                            "Máy móc lắp đặt",
                            "Máy móc hoạt động",
                            "Sản phẩm",
                            "Hội chợ, triển lãm"),
                    outcomes);

            Processing p = d.processing();
            sheet(
                    book,
                    "Xử lý hồ sơ",
                    bold,
                    money,
                    List.of("Chỉ tiêu", "Giá trị"),
                    List.of(
                            List.of("Số hồ sơ", p.dossiers()),
                            List.of("Hồ sơ đã có quyết định", p.decided()),
                            List.of("Quyết định đúng hạn", p.decidedOnTime()),
                            java.util.Arrays.asList("Tỷ lệ đúng hạn (%)", p.onTimeRate()),
                            Arrays.asList(
                                    "Số ngày làm việc trung bình đến khi quyết định", p.averageWorkingDaysToDecision()),
                            List.of("Hồ sơ được yêu cầu bổ sung", p.supplementsRequested()),
                            java.util.Arrays.asList("Tỷ lệ yêu cầu bổ sung (%)", p.supplementRate())));

            List<List<Object>> targets = new ArrayList<>();
            for (TargetProgress t : d.targets()) {
                targets.add(Arrays.asList(
                        t.periodName(),
                        t.indicator(),
                        t.targetProjects(),
                        t.projects(),
                        t.projectsPercent(),
                        t.targetAmount(),
                        t.amountApproved(),
                        t.amountPercent()));
            }
            sheet(
                    book,
                    "Mục tiêu",
                    bold,
                    money,
                    List.of(
                            "Giai đoạn",
                            "Chỉ tiêu",
                            "Mục tiêu (đề án)",
                            "Đã duyệt (đề án)",
                            "Đạt (%)",
                            "Mục tiêu kinh phí (đồng)",
                            "Kinh phí đã duyệt (đồng)",
                            "Đạt (%)"),
                    targets);
            book.write(out);
            book.dispose();
        }
    }

    private static void sheet(
            SXSSFWorkbook book,
            String name,
            CellStyle bold,
            CellStyle money,
            List<String> headers,
            List<List<Object>> rows) {
        Sheet sheet = book.createSheet(name);
        Row header = sheet.createRow(0);
        for (int i = 0; i < headers.size(); i++) {
            Cell cell = header.createCell(i);
            cell.setCellValue(headers.get(i));
            cell.setCellStyle(bold);
        }
        int r = 1;
        for (List<Object> values : rows) {
            Row row = sheet.createRow(r++);
            for (int i = 0; i < values.size(); i++) {
                Object value = values.get(i);
                if (value == null) {
                    continue;
                }
                Cell cell = row.createCell(i);
                if (value instanceof BigDecimal decimal) {
                    cell.setCellValue(decimal.doubleValue());
                } else if (value instanceof Number number) {
                    cell.setCellValue(number.doubleValue());
                    cell.setCellStyle(money);
                } else {
                    cell.setCellValue(value.toString());
                }
            }
        }
    }
}
