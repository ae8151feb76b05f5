package vn.khuyencong.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.khuyencong.support.Api;
import vn.khuyencong.support.Fixtures;
import vn.khuyencong.support.IntegrationTest;

/** The open data list of approved projects read page by page: by page number, or after the last project read. */
class StatisticsOpenDataPagingIntegrationTests extends IntegrationTest {

    static final String LIST = "/api/v1/public/open-data/approved-projects.json";

    final Fixtures the = new Fixtures(api());
    final Api anyone = api();

    static List<String> codes(JsonNode page) {
        List<String> codes = new ArrayList<>();
        page.get("projects").forEach(project -> codes.add(project.get("code").asString()));
        return codes;
    }

    @Test
    void readingAfterTheLastProjectGivesTheSameListAsPageNumbers() {
        for (int i = 0; i < 3; i++) {
            the.approved();
        }
        long total = anyone.get(LIST + "?size=1").json().get("total").asLong();
        int size = (int) (total / 4 + 1);

        List<String> byNumber = new ArrayList<>();
        for (int page = 0; page * size < total; page++) {
            byNumber.addAll(
                    codes(anyone.get(LIST + "?size=" + size + "&page=" + page).json()));
        }
        List<String> byKey = new ArrayList<>();
        JsonNode page = anyone.get(LIST + "?size=" + size).json();
        byKey.addAll(codes(page));
        while (!page.get("next").isNull()) {
            page = anyone.get(LIST + "?size=" + size + "&after="
                            + page.get("next").asString())
                    .json();
            byKey.addAll(codes(page));
            assertThat(page.get("total").asLong()).isEqualTo(total);
        }

        assertThat(byNumber).hasSize((int) total).doesNotHaveDuplicates();
        assertThat(byKey).isEqualTo(byNumber);
    }

    @Test
    void anUnknownProjectOrBothWaysOfPagingAreRefused() {
        the.approved();
        String code = codes(anyone.get(LIST + "?size=1").json()).getFirst();
        Api.Response unknown = anyone.get(LIST + "?after=000.00.15.H55-000000-0000");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("after");
        assertThat(anyone.get(LIST + "?page=1&after=" + code).status()).isEqualTo(400);
    }
}
