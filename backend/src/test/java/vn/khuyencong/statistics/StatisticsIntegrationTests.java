package vn.khuyencong.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.khuyencong.support.Fixtures.event;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.khuyencong.catalog.WorkingDays;
import vn.khuyencong.support.Api;
import vn.khuyencong.support.Fixtures;
import vn.khuyencong.support.IntegrationTest;

/**
 * Each aggregation on a small dataset made by hand, with answers known in advance. Every test works in a year of
 * its own (the period is the year the project starts), so the dossiers of other tests never count.
 */
class StatisticsIntegrationTests extends IntegrationTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WorkingDays workingDays;

    final Fixtures the = new Fixtures(api());
    final Api officer = api().as("thamdinh");
    final Api anyone = api();

    Map<String, Object> formOfYear(int year) {
        Map<String, Object> form = Fixtures.with(Fixtures.aCompleteForm(), "startsOn", year + "-03-01");
        return Fixtures.with(form, "endsOn", year + "-10-31");
    }

    String submittedIn(int year) {
        String id = the.aDraft(formOfYear(year)).get("id").asString();
        the.uploadEveryRequiredDocument(id);
        the.fire(the.enterprise, id, event("SUBMIT"));
        return id;
    }

    String underReviewIn(int year) {
        String id = submittedIn(year);
        the.fire(the.reviewer, id, event("START_REVIEW"));
        return id;
    }

    String monitoredIn(int year) {
        String id = underReviewIn(year);
        the.fire(
                the.reviewer,
                id,
                event("RECOMMEND", "scores", Fixtures.aFullScoreSheet(), "recommendedAmount", Fixtures.RECOMMENDED));
        the.fire(
                the.approver,
                id,
                event("APPROVE", "decisionNumber", Fixtures.aDecisionNumber(), "approvedAmount", 100_000_000L));
        the.fire(the.monitor, id, event("START_MONITORING"));
        return id;
    }

    void pay(String id, long amount) {
        Api.Response paid = the.monitor.post(
                "/api/v1/dossiers/" + id + "/monitoring/disbursements",
                Map.of("kind", "PAYMENT", "amount", amount, "paidOn", TODAY.toString(), "reference", "UNC-" + amount));
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
    }

    JsonNode dashboard(String query) {
        Api.Response response = officer.get("/api/v1/statistics/dashboard?" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    static JsonNode row(JsonNode rows, String key) {
        for (JsonNode row : rows) {
            if (key.equals(row.get("key").asString())) {
                return row;
            }
        }
        throw new AssertionError("no row " + key + " in " + rows);
    }

    static List<String> keys(JsonNode rows) {
        List<String> keys = new ArrayList<>();
        rows.forEach(row -> keys.add(row.get("key").asString()));
        return keys;
    }

    @Test
    void aCompletedProjectARefusalAndASubmissionCountAndTheWithdrawnDossierDoesNot() {
        String completed = monitoredIn(2031);
        pay(completed, 100_000_000L);
        the.accept(completed);
        String refused = underReviewIn(2031);
        the.fire(the.reviewer, refused, event("REJECT", "comment", "Không thuộc đối tượng hỗ trợ"));
        submittedIn(2031);
        String withdrawn = submittedIn(2031);
        the.fire(the.enterprise, withdrawn, event("WITHDRAW"));

        JsonNode report = dashboard("fromYear=2031&toYear=2031");
        JsonNode total = report.get("total");
        assertThat(total.get("dossiers").asLong()).isEqualTo(3);
        assertThat(total.get("projects").asLong()).isEqualTo(1);
        assertThat(total.get("supportRequested").asLong()).isEqualTo(3 * Fixtures.REQUESTED);
        assertThat(total.get("supportApproved").asLong()).isEqualTo(100_000_000L);
        assertThat(total.get("supportPaid").asLong()).isEqualTo(100_000_000L);
        assertThat(total.get("counterpartCommitted").asLong()).isEqualTo(250_000_000L);
        assertThat(total.get("counterpartRealised").asLong()).isEqualTo(250_000_000L);
        assertThat(total.get("settledProjects").asLong()).isEqualTo(1);
        assertThat(total.get("leverage").decimalValue()).isEqualByComparingTo("2.50");

        assertThat(keys(report.get("byState"))).containsExactly("SUBMITTED", "COMPLETED", "REJECTED");
        assertThat(keys(report.get("byProgramme"))).containsExactly("LOCAL");
        assertThat(keys(report.get("byContent"))).containsExactly("TECHNOLOGY_TRANSFER");
        assertThat(keys(report.get("byYear"))).containsExactly("2031");
        assertThat(keys(report.get("byCommune"))).containsExactly("19003");
        assertThat(row(report.get("byCommune"), "19003").get("name").asString()).isEqualTo("Xã Côn Minh");
        assertThat(report.get("headline").get("contentsCarriedOut").asLong()).isEqualTo(1);
        assertThat(report.get("headline").get("contentsInCatalogue").asLong()).isEqualTo(9);

        JsonNode outcomes = report.get("outcomes");
        assertThat(outcomes.size()).isEqualTo(1);
        assertThat(outcomes.get(0).get("supportKind").asString()).isEqualTo("MACHINERY");
        assertThat(outcomes.get(0).get("projects").asLong()).isEqualTo(1);
        assertThat(outcomes.get(0).get("workersTrained").asLong()).isEqualTo(20);
        assertThat(outcomes.get(0).get("machinesInstalled").asLong()).isEqualTo(2);
        assertThat(outcomes.get(0).get("supportPaid").asLong()).isEqualTo(100_000_000L);

        JsonNode processing = report.get("processing");
        assertThat(processing.get("dossiers").asLong()).isEqualTo(3);
        assertThat(processing.get("decided").asLong()).isEqualTo(2);
        assertThat(processing.get("decidedOnTime").asLong()).isEqualTo(2);
        assertThat(processing.get("onTimeRate").decimalValue()).isEqualByComparingTo("100.0");
        assertThat(processing.get("supplementsRequested").asLong()).isZero();
        assertThat(processing.get("averageWorkingDaysToDecision").decimalValue())
                .isEqualByComparingTo(expectedAverageDays(List.of(completed, refused)));
    }

    /** Working days from the start of processing (counted) to the decision day, by the catalogue's calendar. */
    BigDecimal expectedAverageDays(List<String> ids) {
        long sum = 0;
        for (String id : ids) {
            LocalDate start = jdbc.sql("select processing_started_on from dossier where id = ?::uuid")
                    .param(id)
                    .query(LocalDate.class)
                    .single();
            sum += Math.max(0, workingDays.workingDaysBetween(start.minusDays(1), TODAY));
        }
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(ids.size()), 1, RoundingMode.HALF_UP);
    }

    @Test
    void anEmptyPeriodHasZerosAndNoRatios() {
        JsonNode report = dashboard("fromYear=2039&toYear=2039");
        JsonNode total = report.get("total");
        assertThat(total.get("dossiers").asLong()).isZero();
        assertThat(total.get("projects").asLong()).isZero();
        assertThat(total.get("supportPaid").asLong()).isZero();
        assertThat(total.get("leverage").isNull()).isTrue();
        assertThat(report.get("byContent").size()).isZero();
        assertThat(report.get("byState").size()).isZero();
        assertThat(report.get("outcomes").size()).isZero();
        assertThat(report.get("headline").get("contentsCarriedOut").asLong()).isZero();
        JsonNode processing = report.get("processing");
        assertThat(processing.get("dossiers").asLong()).isZero();
        assertThat(processing.get("decided").asLong()).isZero();
        assertThat(processing.get("onTimeRate").isNull()).isTrue();
        assertThat(processing.get("averageWorkingDaysToDecision").isNull()).isTrue();
        assertThat(processing.get("supplementRate").isNull()).isTrue();
    }

    @Test
    void aProjectUnderMonitoringCountsItsPaymentsButNoLeverageUntilSettled() {
        String monitored = monitoredIn(2032);
        pay(monitored, 40_000_000L);
        JsonNode total = dashboard("fromYear=2032&toYear=2032").get("total");
        assertThat(total.get("projects").asLong()).isEqualTo(1);
        assertThat(total.get("supportApproved").asLong()).isEqualTo(100_000_000L);
        assertThat(total.get("supportPaid").asLong()).isEqualTo(40_000_000L);
        assertThat(total.get("settledProjects").asLong()).isZero();
        assertThat(total.get("counterpartRealised").asLong()).isZero();
        assertThat(total.get("leverage").isNull()).isTrue();
    }

    @Test
    void supplementsRequestedAreCountedOncePerDossier() {
        String id = underReviewIn(2033);
        the.fire(
                the.reviewer,
                id,
                event("REQUEST_SUPPLEMENT", "comment", "Thiếu báo giá", "items", List.of("Báo giá máy sấy")));
        the.fire(the.enterprise, id, event("RESUBMIT"));
        underReviewIn(2033);
        JsonNode processing = dashboard("fromYear=2033&toYear=2033").get("processing");
        assertThat(processing.get("dossiers").asLong()).isEqualTo(2);
        assertThat(processing.get("supplementsRequested").asLong()).isEqualTo(1);
        assertThat(processing.get("supplementRate").decimalValue()).isEqualByComparingTo("50.0");
        assertThat(processing.get("decided").asLong()).isZero();
    }

    @Test
    void filtersNarrowEveryFigure() {
        String id = monitoredIn(2034);
        pay(id, 10_000_000L);
        submittedIn(2035);
        assertThat(dashboard("fromYear=2034&toYear=2035")
                        .get("total")
                        .get("dossiers")
                        .asLong())
                .isEqualTo(2);
        assertThat(dashboard("fromYear=2034&toYear=2035&programme=LOCAL")
                        .get("total")
                        .get("dossiers")
                        .asLong())
                .isEqualTo(2);
        assertThat(dashboard("fromYear=2034&toYear=2035&programme=NATIONAL")
                        .get("total")
                        .get("dossiers")
                        .asLong())
                .isZero();
        assertThat(dashboard("fromYear=2034&toYear=2035&contentCode=CONSULTING")
                        .get("total")
                        .get("dossiers")
                        .asLong())
                .isZero();
        assertThat(dashboard("fromYear=2034&toYear=2035&communeCode=19003")
                        .get("total")
                        .get("dossiers")
                        .asLong())
                .isEqualTo(2);
        assertThat(dashboard("fromYear=2034&toYear=2035&communeCode=19004")
                        .get("total")
                        .get("dossiers")
                        .asLong())
                .isZero();
        JsonNode byYear = dashboard("fromYear=2034&toYear=2035").get("byYear");
        assertThat(keys(byYear)).containsExactly("2034", "2035");
        assertThat(row(byYear, "2034").get("projects").asLong()).isEqualTo(1);
        assertThat(row(byYear, "2035").get("projects").asLong()).isZero();
    }

    @Test
    void aPeriodEndingBeforeItStartsIsRefused() {
        Api.Response response = officer.get("/api/v1/statistics/dashboard?fromYear=2020&toYear=2019");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("toYear");
    }

    @Test
    void targetsAreDataAndShowTheProgressOfTheirPeriod() {
        monitoredIn(2020);
        JsonNode targets = anyone.get("/api/v1/public/statistics").json().get("targets");
        assertThat(targets.size()).isEqualTo(7);
        JsonNode machinery = null;
        JsonNode national = null;
        for (JsonNode target : targets) {
            if ("TO_2020".equals(target.get("periodCode").asString())
                    && "MACHINERY".equals(target.get("supportKind").asString())) {
                machinery = target;
            }
            if ("2021_2030".equals(target.get("periodCode").asString())
                    && "NATIONAL".equals(target.get("programme").asString())) {
                national = target;
            }
        }
        assertThat(machinery.get("targetProjects").asInt()).isEqualTo(10);
        assertThat(machinery.get("projects").asLong()).isEqualTo(1);
        assertThat(machinery.get("projectsPercent").decimalValue()).isEqualByComparingTo("10.0");
        assertThat(national.get("targetProjects").asInt()).isEqualTo(20);
        assertThat(national.get("targetAmount").asLong()).isEqualTo(6_000_000_000L);
    }

    @Test
    void openDataListsApprovedProjectsWithoutPersonalData() {
        String approved = monitoredIn(2036);
        pay(approved, 30_000_000L);
        underReviewIn(2036);
        String code = jdbc.sql("select code from dossier where id = ?::uuid")
                .param(approved)
                .query(String.class)
                .single();

        Api.Response json = anyone.get("/api/v1/public/open-data/approved-projects.json?fromYear=2036&toYear=2036");
        assertThat(json.status()).isEqualTo(200);
        JsonNode page = json.json();
        assertThat(page.get("total").asLong()).isEqualTo(1);
        JsonNode project = page.get("projects").get(0);
        assertThat(project.get("code").asString()).isEqualTo(code);
        assertThat(project.get("supportApproved").asLong()).isEqualTo(100_000_000L);
        assertThat(project.get("supportPaid").asLong()).isEqualTo(30_000_000L);
        assertThat(project.get("communeName").asString()).isEqualTo("Xã Côn Minh");
        assertThat(json.body()).doesNotContain("organisation", "Nguyễn", "doanhnghiep", "taxCode");

        Api.Response csv = anyone.get("/api/v1/public/open-data/approved-projects.csv?fromYear=2036&toYear=2036");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.body().replace("\uFEFF", "").split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("code,title,programme");
        assertThat(lines[1]).startsWith(code + ",");

        assertThat(anyone.get("/api/v1/public/open-data/approved-projects.json?size=5000")
                        .status())
                .isEqualTo(400);
    }

    /** The file's lines, as a spreadsheet reads them, against the list's values formatted cell by cell. */
    @Test
    void theOpenDataFileSaysWhatTheListSaysAndFollowsEveryChange() {
        String completed = monitoredIn(2041);
        pay(completed, 100_000_000L);
        the.accept(completed);
        String monitored = monitoredIn(2041);
        pay(monitored, 25_000_000L);
        // a title a spreadsheet would run as a formula, with a comma and quotes
        jdbc.sql("update dossier set title = '=HYPERLINK(\"x\"), máy sấy' where id = ?::uuid")
                .param(monitored)
                .update();
        String commune = jdbc.sql("select commune_code from dossier where id = ?::uuid")
                .param(monitored)
                .query(String.class)
                .single();
        String communeName = jdbc.sql("select name from administrative_unit where code = ?")
                .param(commune)
                .query(String.class)
                .single();
        try {
            String query = "?fromYear=2041&toYear=2041";
            assertThat(openDataFile(query)).isEqualTo(expectedFile(query)).hasSize(2);
            assertThat(String.join("\n", openDataFile(query))).contains("\"'=HYPERLINK(\"\"x\"\"), máy sấy\"");

            pay(monitored, 5_000_000L);
            jdbc.sql("update administrative_unit set name = 'Xã Côn Minh (mới)' where code = ?")
                    .param(commune)
                    .update();
            List<String> changed = openDataFile(query);
            assertThat(changed).isEqualTo(expectedFile(query));
            assertThat(String.join("\n", changed)).contains(",30000000,", "Xã Côn Minh (mới)");

            // every part of the filter narrows the file as it narrows the list
            String[] parts = jdbc.sql("select programme, content_code from dossier where id = ?::uuid")
                    .param(monitored)
                    .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                    .single();
            String narrow = query + "&programme=" + parts[0] + "&contentCode=" + parts[1] + "&communeCode=" + commune;
            assertThat(openDataFile(narrow)).isEqualTo(expectedFile(narrow)).isNotEmpty();
            assertThat(openDataFile(query + "&communeCode=00000")).isEmpty();
        } finally {
            jdbc.sql("update administrative_unit set name = ? where code = ?")
                    .params(communeName, commune)
                    .update();
        }
    }

    List<String> openDataFile(String query) {
        Api.Response csv = anyone.get("/api/v1/public/open-data/approved-projects.csv" + query);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).startsWith("\uFEFF" + String.join(",", OpenData.COLUMNS) + "\r\n");
        List<String> lines = new ArrayList<>(List.of(csv.body().split("\r\n")));
        lines.removeFirst();
        return lines;
    }

    List<String> expectedFile(String query) {
        List<String> lines = new ArrayList<>();
        for (JsonNode project : anyone.get("/api/v1/public/open-data/approved-projects.json" + query + "&size=1000")
                .json()
                .get("projects")) {
            List<String> cells = new ArrayList<>();
            for (String column : OpenData.COLUMNS) {
                JsonNode value = project.get(column);
                cells.add(Exports.cell(
                        value == null || value.isNull()
                                ? null
                                : value.isNumber() ? (Object) value.longValue() : value.asString()));
            }
            lines.add(String.join(",", cells));
        }
        return lines;
    }

    @Test
    void officersExportTheDashboardAsCsvAndXlsx() throws IOException {
        submittedIn(2037);
        Api.Response csv = officer.get("/api/v1/statistics/export.csv?fromYear=2037&toYear=2037");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("attachment");
        assertThat(csv.body()).startsWith("\uFEFFNhóm,Mã,Tên,Số hồ sơ");
        assertThat(csv.body()).contains("Tổng cộng,,Tổng cộng,1,0," + Fixtures.REQUESTED);

        var xlsx = officer.download("/api/v1/statistics/export.xlsx?fromYear=2037&toYear=2037");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type").orElse("")).startsWith(StatisticsController.XLSX);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(4);
            assertThat(book.getSheetAt(0).getSheetName()).isEqualTo("Tổng hợp");
            assertThat(book.getSheetAt(0).getRow(1).getCell(2).getStringCellValue())
                    .isEqualTo("Tổng cộng");
            assertThat(book.getSheetAt(0).getRow(1).getCell(3).getNumericCellValue())
                    .isEqualTo(1.0);
            assertThat(book.getSheetAt(3).getSheetName()).isEqualTo("Mục tiêu");
        }
        assertThat(new String(xlsx.body(), 0, 2, StandardCharsets.US_ASCII)).isEqualTo("PK");
    }

    @Test
    void csvCellsThatASpreadsheetWouldRunAreNeutralised() {
        assertThat(Exports.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(Exports.cell("+84")).isEqualTo("'+84");
        assertThat(Exports.cell("Miến, dong")).isEqualTo("\"Miến, dong\"");
        assertThat(Exports.cell(-5L)).isEqualTo("-5");
    }
}
