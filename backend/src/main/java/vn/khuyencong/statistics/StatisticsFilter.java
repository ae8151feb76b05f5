package vn.khuyencong.statistics;

import static vn.khuyencong.shared.Texts.blankToNull;

import vn.khuyencong.dossier.Programme;
import vn.khuyencong.shared.ProblemException;

/**
 * What a statistic is restricted to; every part is optional. The period is the year the project starts (the
 * "năm thực hiện" of the reports), so a dossier submitted late in one year for the next year counts in the next.
 *
 * @param fromYear first year of the period, inclusive
 * @param toYear last year of the period, inclusive
 * @param programme national or local programme
 * @param contentCode one of the nine contents
 * @param communeCode the commune where the project is carried out
 */
public record StatisticsFilter(
        Integer fromYear, Integer toYear, Programme programme, String contentCode, String communeCode) {

    public StatisticsFilter {
        if (fromYear != null && (fromYear < 1990 || fromYear > 2200)) {
            throw ProblemException.invalidField("fromYear", "Năm không hợp lệ.");
        }
        if (toYear != null && (toYear < 1990 || toYear > 2200)) {
            throw ProblemException.invalidField("toYear", "Năm không hợp lệ.");
        }
        if (fromYear != null && toYear != null && toYear < fromYear) {
            throw ProblemException.invalidField("toYear", "Năm kết thúc phải từ năm bắt đầu trở đi.");
        }
        contentCode = blankToNull(contentCode);
        communeCode = blankToNull(communeCode);
    }

    public static StatisticsFilter all() {
        return new StatisticsFilter(null, null, null, null, null);
    }

    public static StatisticsFilter years(Integer from, Integer to) {
        return new StatisticsFilter(from, to, null, null, null);
    }
}
