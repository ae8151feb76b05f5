package vn.khuyencong.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.khuyencong.support.Fixtures.event;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.khuyencong.support.Api;
import vn.khuyencong.support.Fixtures;
import vn.khuyencong.support.IntegrationTest;

/**
 * The summary the statistics read against its definition computed from scratch over the source tables: the row of
 * each dossier ({@code statistics_fact} against {@code statistics_fact_source}) and the sums of each group
 * ({@code statistics_group} added up, against {@code statistics_group_source}), and the open data file's line of each
 * project ({@code open_data_line} against {@code open_data_source}); after a random walk through the
 * workflow and monitoring, when two transactions change dossiers at the same time, and across a compaction.
 */
class StatisticsSummaryIntegrationTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    final Fixtures the = new Fixtures(api());

    /**
     * Dossiers whose kept row differs from the one computed from scratch (or is missing, or is extra), then groups
     * whose kept sums differ from the sums computed from scratch.
     */
    List<String> summaryRowsThatDisagree() {
        List<String> differing =
                new ArrayList<>(jdbc.sql("""
                select 'dossier ' || dossier_id from (
                    (select * from statistics_fact except select * from statistics_fact_source)
                    union all
                    (select * from statistics_fact_source except select * from statistics_fact)
                ) differing""").query(String.class).list());
        differing.addAll(jdbc.sql("""
                select 'group ' || row(differing.*) from (
                    (select * from statistics_group_current except select * from statistics_group_source)
                    union all
                    (select * from statistics_group_source except select * from statistics_group_current)
                ) differing""").query(String.class).list());
        differing.addAll(jdbc.sql("""
                select 'open data line ' || dossier_id from (
                    (select * from open_data_line except select * from open_data_source)
                    union all
                    (select * from open_data_source except select * from open_data_line)
                ) differing""").query(String.class).list());
        return differing;
    }

    long supportPaid(String id) {
        return jdbc.sql("select support_paid from statistics_fact where dossier_id = cast(? as uuid)")
                .param(id)
                .query(Long.class)
                .single();
    }

    /** One step a user can take from a state, with its payload. */
    record Move(String name, Api actor, Map<String, Object> payload) {}

    List<Move> movesFrom(String state, boolean supplementAlreadyRequested) {
        List<Move> moves = new ArrayList<>();
        switch (state) {
            case "DRAFT" -> moves.add(new Move("SUBMIT", the.enterprise, event("SUBMIT")));
            case "SUBMITTED" -> moves.add(new Move("START_REVIEW", the.reviewer, event("START_REVIEW")));
            case "UNDER_REVIEW" -> {
                if (!supplementAlreadyRequested) {
                    moves.add(new Move(
                            "REQUEST_SUPPLEMENT",
                            the.reviewer,
                            event(
                                    "REQUEST_SUPPLEMENT",
                                    "comment",
                                    "Thiếu báo giá",
                                    "items",
                                    List.of("Báo giá của nhà cung cấp"))));
                }
                moves.add(new Move(
                        "RECOMMEND",
                        the.reviewer,
                        event(
                                "RECOMMEND",
                                "scores",
                                Fixtures.aFullScoreSheet(),
                                "recommendedAmount",
                                Fixtures.RECOMMENDED)));
                moves.add(new Move("REJECT", the.reviewer, event("REJECT", "comment", "Không thuộc đối tượng hỗ trợ")));
            }
            case "SUPPLEMENT_REQUESTED" -> moves.add(new Move("RESUBMIT", the.enterprise, event("RESUBMIT")));
            case "REVIEWED" -> {
                moves.add(new Move(
                        "APPROVE",
                        the.approver,
                        event(
                                "APPROVE",
                                "decisionNumber",
                                Fixtures.aDecisionNumber(),
                                "approvedAmount",
                                100_000_000L)));
                moves.add(new Move("RETURN", the.approver, event("RETURN", "comment", "Xem lại dự toán")));
            }
            case "APPROVED" -> moves.add(new Move("START_MONITORING", the.monitor, event("START_MONITORING")));
            case "MONITORED" -> {
                moves.add(new Move("PAY", the.monitor, null));
                moves.add(new Move("ACCEPT", the.monitor, null));
                moves.add(new Move("TERMINATE", the.approver, event("TERMINATE", "comment", "Cơ sở ngừng sản xuất")));
            }
            default -> {}
        }
        if (List.of("SUBMITTED", "UNDER_REVIEW", "SUPPLEMENT_REQUESTED").contains(state)) {
            moves.add(new Move("WITHDRAW", the.enterprise, event("WITHDRAW")));
        }
        return moves;
    }

    String state(String id) {
        return jdbc.sql("select status from dossier where id = cast(? as uuid)")
                .param(id)
                .query(String.class)
                .single();
    }

    @Test
    void theSummaryAgreesWithAComputationFromScratchAfterEveryStepOfARandomWalk() {
        Random random = new Random(20261127);
        List<String> dossiers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            dossiers.add(the.aReadyDraft());
        }
        Set<String> supplemented = new HashSet<>();
        Map<String, Integer> payments = new HashMap<>();
        for (int step = 0; step < 60 && !dossiers.isEmpty(); step++) {
            String id = dossiers.get(random.nextInt(dossiers.size()));
            List<Move> moves = movesFrom(state(id), supplemented.contains(id));
            if (moves.isEmpty()) {
                dossiers.remove(id);
                continue;
            }
            Move move = moves.get(random.nextInt(moves.size()));
            switch (move.name()) {
                case "PAY" -> {
                    if (payments.merge(id, 1, Integer::sum) > 3) {
                        continue;
                    }
                    Api.Response paid = the.monitor.post(
                            "/api/v1/dossiers/" + id + "/monitoring/disbursements",
                            Map.of(
                                    "kind",
                                    "PAYMENT",
                                    "amount",
                                    10_000_000L,
                                    "paidOn",
                                    StatisticsIntegrationTests.TODAY.toString(),
                                    "reference",
                                    "UNC-" + step));
                    assertThat(paid.status()).as(paid.body()).isEqualTo(201);
                }
                case "ACCEPT" -> the.accept(id);
                default -> the.fire(move.actor(), id, move.payload());
            }
            if (move.name().equals("REQUEST_SUPPLEMENT")) {
                supplemented.add(id);
            }
            assertThat(summaryRowsThatDisagree())
                    .as("after %s on %s", move.name(), id)
                    .isEmpty();
        }
    }

    @Test
    void changesToTwoDossiersAtOnceDoNotWaitForEachOther() throws SQLException {
        String first = the.monitored();
        String second = the.monitored();
        try (Connection one = dataSource.getConnection();
                Connection two = dataSource.getConnection()) {
            one.setAutoCommit(false);
            two.setAutoCommit(false);
            pay(one, first, 7_000_000L);
            // the first transaction is still open: the second must neither wait for it nor fail
            two.createStatement().execute("set local lock_timeout = '2s'");
            pay(two, second, 9_000_000L);
            two.commit();
            one.commit();
        }
        assertThat(supportPaid(first)).isEqualTo(7_000_000L);
        assertThat(supportPaid(second)).isEqualTo(9_000_000L);
        assertThat(summaryRowsThatDisagree()).isEmpty();
    }

    @Test
    void twoChangesToOneDossierAtOnceAreBothCounted() throws Exception {
        String id = the.monitored();
        try (Connection one = dataSource.getConnection();
                Connection two = dataSource.getConnection()) {
            one.setAutoCommit(false);
            two.setAutoCommit(false);
            pay(one, id, 7_000_000L);
            // the second payment's refresh waits for the first transaction, then reads what it committed
            CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
                try {
                    pay(two, id, 9_000_000L);
                    two.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(Duration.ofMillis(300));
            assertThat(second)
                    .as("waits for the first transaction's refresh of the same dossier")
                    .isNotDone();
            one.commit();
            second.get(10, TimeUnit.SECONDS);
        }
        assertThat(supportPaid(id)).isEqualTo(16_000_000L);
        assertThat(summaryRowsThatDisagree()).isEmpty();
    }

    @Test
    void compactionChangesNoFigure() {
        String paid = the.monitored();
        jdbc.sql("insert into disbursement (dossier_id, kind, amount, paid_on, reference, recorded_by, recorded_at) "
                        + "values (cast(? as uuid), 'PAYMENT', 5000000, current_date, 'UNC-5', 'test', now())")
                .param(paid)
                .update();
        the.completed();
        String before = api().get("/api/v1/public/statistics").body();
        long rowsBefore = jdbc.sql("select count(*) from statistics_group")
                .query(Long.class)
                .single();

        jdbc.sql("select statistics_group_compact()").query(rs -> {});

        long groups = jdbc.sql("select count(*) from statistics_group_current")
                .query(Long.class)
                .single();
        assertThat(jdbc.sql("select count(*) from statistics_group")
                        .query(Long.class)
                        .single())
                .isEqualTo(groups)
                .isLessThan(rowsBefore);
        assertThat(api().get("/api/v1/public/statistics").body()).isEqualTo(before);
        assertThat(summaryRowsThatDisagree()).isEmpty();
    }

    /** A payment written straight to the table, as a transaction of the monitoring module writes it. */
    static void pay(Connection connection, String dossier, long amount) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into disbursement (dossier_id, kind, amount, paid_on, reference, recorded_by, recorded_at)
                values (?, 'PAYMENT', ?, current_date, ?, 'test', now())""")) {
            insert.setObject(1, UUID.fromString(dossier));
            insert.setLong(2, amount);
            insert.setString(3, "UNC-" + amount);
            insert.executeUpdate();
        }
    }
}
