package vn.khuyencong.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.khuyencong.dossier.Programme;

/** Against the local PostgreSQL: the mapper reads what the query returns, by the columns' own labels. */
class RowsTests {

    record Line(
            UUID id,
            String displayName,
            Programme programme,
            long requestedSupport,
            Long counterpartFunds,
            boolean active,
            LocalDate opensOn,
            int maxPercent) {}

    @Test
    void mapsSnakeCaseColumnsToTheRecordsComponentsWithSpringsConversions() throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                ResultSet rs = c.createStatement().executeQuery("""
                        select 7 as max_percent, '%s'::uuid as id, 'Nguyễn Văn An' as display_name,
                        'NATIONAL' as programme, 120000000::bigint as requested_support,
                        null::bigint as counterpart_funds, true as active, date '2026-05-20' as opens_on,
                        'ignored' as not_a_component""".formatted(id))) {
            assertThat(rs.next()).isTrue();
            Line line = Rows.of(Line.class).mapRow(rs, 0);
            assertThat(line)
                    .isEqualTo(new Line(
                            id,
                            "Nguyễn Văn An",
                            Programme.NATIONAL,
                            120_000_000L,
                            null,
                            true,
                            LocalDate.of(2026, 5, 20),
                            7));
        }
    }

    @Test
    void aMissingNumberIsZeroAndAMissingObjectIsNull() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                ResultSet rs =
                        c.createStatement().executeQuery("select 'An' as display_name, null::int as max_percent")) {
            assertThat(rs.next()).isTrue();
            Line line = Rows.of(Line.class).mapRow(rs, 0);
            assertThat(line.displayName()).isEqualTo("An");
            assertThat(line.maxPercent()).isZero();
            assertThat(line.requestedSupport()).isZero();
            assertThat(line.active()).isFalse();
            assertThat(line.id()).isNull();
        }
    }
}
