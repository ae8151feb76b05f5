package vn.khuyencong.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khuyencong.support.IntegrationTest;

/**
 * The summary tables (statistics_fact, open_data_line) are recomputed from their views by triggers that, on an update,
 * look only at the columns they list. A column a view starts to read without being added to that list would leave the
 * figures stale without any error, so every column a view reads must be watched by a trigger that refreshes it. The
 * mapping is read from the catalogue: which views a function recomputes, which triggers call those functions, which
 * columns each view reads and which columns each trigger compares.
 */
class StatisticsTriggerColumnsIntegrationTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    /** An update trigger, and the columns whose change it reacts to (null: a change of any column). */
    record UpdateTrigger(String name, String table, String function, Set<String> watched) {}

    @Test
    void everyColumnTheStatisticsAndOpenDataViewsReadIsWatchedByTheTriggersThatRefreshThem() {
        Map<String, List<UpdateTrigger>> refreshing = triggersRefreshingEachView();
        // the check must not pass for want of anything to check
        assertThat(refreshing).containsKeys("statistics_fact_source", "open_data_source");

        assertThat(unwatchedColumns()).isEmpty();
    }

    @Test
    void aColumnAViewStartsToReadWithoutItsTriggerWatchingItIsReported() {
        // each column is watched by the dossier trigger of the other view only: the check must tell the views apart
        assertThat(reportedOnceTheViewAlsoReads("open_data_source", "appointment_date"))
                .singleElement()
                .asString()
                .contains("open_data_source", "dossier.appointment_date", "open_data_line_update");
        assertThat(reportedOnceTheViewAlsoReads("statistics_fact_source", "title"))
                .singleElement()
                .asString()
                .contains("statistics_fact_source", "dossier.title", "statistics_fact_update");
        // both changes were rolled back
        assertThat(unwatchedColumns()).isEmpty();
    }

    /** What the check reports once the view also reads a column of dossier, in a transaction always rolled back. */
    List<String> reportedOnceTheViewAlsoReads(String view, String column) {
        List<String> reported = new ArrayList<>();
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            status.setRollbackOnly();
            String definition = jdbc.sql("select pg_get_viewdef(cast(? as regclass))")
                    .param(view)
                    .query(String.class)
                    .single()
                    .replaceAll(";\\s*$", "");
            // the same columns in the same order and one more at the end, as create or replace view requires
            jdbc.sql("create or replace view " + view + " as select o.*, d." + column + " as drifted from ("
                            + definition + ") o join dossier d on d.id = o.dossier_id")
                    .update();
            reported.addAll(unwatchedColumns());
        });
        return reported;
    }

    /** One line per column read by a view that no update trigger refreshing the view on its table watches. */
    List<String> unwatchedColumns() {
        Map<String, List<UpdateTrigger>> refreshing = triggersRefreshingEachView();
        List<String> problems = new ArrayList<>();
        refreshing.forEach((view, triggers) -> {
            Map<String, Set<String>> read = columnsRead(view);
            read.forEach((table, columns) -> {
                List<UpdateTrigger> onTable =
                        triggers.stream().filter(t -> t.table().equals(table)).toList();
                if (onTable.isEmpty()) {
                    problems.add("view " + view + " reads table " + table + " (" + columns
                            + "), but no update trigger on " + table + " refreshes it");
                    return;
                }
                // a row is matched old to new by its key, and the summary tables reference that key, so the key is
                // never changed in place and need not be watched
                Set<String> key = primaryKey(table);
                for (String column : columns) {
                    if (key.contains(column)
                            || onTable.stream()
                                    .anyMatch(t ->
                                            t.watched() == null || t.watched().contains(column))) {
                        continue;
                    }
                    problems.add("view " + view + " reads " + table + "." + column + ", but no update trigger on "
                            + table + " refreshing it watches that column: "
                            + String.join(
                                    ", ",
                                    onTable.stream()
                                            .map(t -> t.name() + " (" + t.function() + ") watches " + t.watched())
                                            .toList())
                            + "; an update of " + column + " alone would leave the view's table stale");
                }
            });
        });
        return problems;
    }

    /** Base-table columns a view reads, by table. */
    Map<String, Set<String>> columnsRead(String view) {
        Map<String, Set<String>> read = new LinkedHashMap<>();
        jdbc.sql("""
                select u.table_name, u.column_name
                from information_schema.view_column_usage u
                join information_schema.tables t on t.table_schema = u.table_schema and t.table_name = u.table_name
                where u.view_schema = current_schema() and u.view_name = ? and t.table_type = 'BASE TABLE'
                order by u.table_name, u.column_name""")
                .param(view)
                .query((rs, n) -> read.computeIfAbsent(rs.getString(1), t -> new TreeSet<>())
                        .add(rs.getString(2)))
                .list();
        return read;
    }

    Set<String> primaryKey(String table) {
        return new TreeSet<>(jdbc.sql("""
                select a.attname
                from pg_constraint c
                join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
                where c.contype = 'p' and c.conrelid = to_regclass(?)""").param(table).query(String.class).list());
    }

    /**
     * The update triggers that refresh each statistics or open data view: the view is named in the body of a function
     * (its refresh), and the trigger's function calls that one, directly or through others.
     */
    Map<String, List<UpdateTrigger>> triggersRefreshingEachView() {
        Map<String, String> bodies = new LinkedHashMap<>();
        jdbc.sql("select p.proname, p.prosrc from pg_proc p where p.pronamespace = current_schema()::regnamespace")
                .query((rs, n) -> bodies.put(rs.getString(1), rs.getString(2)))
                .list();
        List<String> views = jdbc.sql("""
                select table_name from information_schema.views
                where table_schema = current_schema() and (table_name like 'statistics%' or table_name like 'open_data%')
                order by table_name""").query(String.class).list();
        List<UpdateTrigger> triggers = updateTriggers(bodies);

        Map<String, List<UpdateTrigger>> refreshing = new LinkedHashMap<>();
        for (String view : views) {
            Set<String> reaching = new TreeSet<>();
            Set<String> names = Set.of(view);
            // the functions naming the view, then those naming one of them, until no new one appears
            while (!names.isEmpty()) {
                Set<String> next = new TreeSet<>();
                for (Map.Entry<String, String> f : bodies.entrySet()) {
                    if (!reaching.contains(f.getKey())
                            && names.stream().anyMatch(name -> mentions(f.getValue(), name))) {
                        next.add(f.getKey());
                    }
                }
                reaching.addAll(next);
                names = next;
            }
            List<UpdateTrigger> kept = triggers.stream()
                    .filter(t -> reaching.contains(t.function()))
                    .toList();
            // a view no function recomputes is read live (a report over a table), nothing to keep fresh
            if (!kept.isEmpty()) {
                refreshing.put(view, kept);
            }
        }
        return refreshing;
    }

    List<UpdateTrigger> updateTriggers(Map<String, String> bodies) {
        return jdbc.sql("""
                select t.tgname, c.relname, p.proname, pg_get_triggerdef(t.oid), t.tgoldtable, t.tgnewtable,
                       array(select a.attname from unnest(t.tgattr) k
                             join pg_attribute a on a.attrelid = t.tgrelid and a.attnum = k)
                from pg_trigger t
                join pg_class c on c.oid = t.tgrelid
                join pg_proc p on p.oid = t.tgfoid
                where not t.tgisinternal and c.relnamespace = current_schema()::regnamespace
                  and (t.tgtype & 16) <> 0""")
                .query((rs, n) -> {
                    String function = rs.getString(3);
                    Set<String> watched = null;
                    // update of col, ...: fires only for those
                    String[] updateOf = (String[]) rs.getArray(7).getArray();
                    if (updateOf.length > 0) {
                        watched = new TreeSet<>(List.of(updateOf));
                    }
                    // when (old.x is distinct from new.x ...) on the trigger, or the same test in its function over
                    // the transition tables: fires only for the columns compared
                    Set<String> aliases = new TreeSet<>(Set.of("old", "new"));
                    String body = bodies.getOrDefault(function, "");
                    for (String transition : new String[] {rs.getString(5), rs.getString(6)}) {
                        if (transition != null) {
                            aliases.add(transition.toLowerCase());
                            aliases.addAll(aliasesOf(body, transition));
                        }
                    }
                    String definition = rs.getString(4);
                    int when = definition.toLowerCase().indexOf(" when (");
                    String tested = (when < 0 ? "" : definition.substring(when)) + "\n" + body;
                    Set<String> compared = comparedColumns(tested, aliases);
                    if (compared != null) {
                        if (watched == null) {
                            watched = compared;
                        } else {
                            watched.retainAll(compared);
                        }
                    }
                    return new UpdateTrigger(rs.getString(1), rs.getString(2), function, watched);
                })
                .list();
    }

    static boolean mentions(String body, String name) {
        return Pattern.compile("\\b" + Pattern.quote(name) + "\\b", Pattern.CASE_INSENSITIVE)
                .matcher(body)
                .find();
    }

    static final Set<String> KEYWORDS = Set.of(
            "join", "left", "right", "inner", "cross", "where", "on", "using", "order", "group", "limit", "union",
            "natural", "full");

    /** The aliases a body gives a transition table: {@code from changed n}, {@code join before_change as o}. */
    static Set<String> aliasesOf(String body, String table) {
        Set<String> aliases = new TreeSet<>();
        Matcher m = Pattern.compile("(?i)\\b(?:from|join)\\s+" + Pattern.quote(table) + "\\s+(?:as\\s+)?(\\w+)")
                .matcher(body);
        while (m.find()) {
            if (!KEYWORDS.contains(m.group(1).toLowerCase())) {
                aliases.add(m.group(1).toLowerCase());
            }
        }
        return aliases;
    }

    /**
     * The columns of old and new rows compared by {@code is distinct from} in the text, or null when it compares none
     * (the trigger then reacts to any update).
     */
    static Set<String> comparedColumns(String text, Set<String> aliases) {
        Set<String> columns = new TreeSet<>();
        boolean comparesRows = false;
        Matcher m = Pattern.compile("(?i)\\bis\\s+distinct\\s+from\\b").matcher(text);
        while (m.find()) {
            String operands = operandBefore(text, m.start()) + " " + operandAfter(text, m.end());
            Matcher column = Pattern.compile("(?i)\\b(\\w+)\\.(\\w+)\\b").matcher(operands);
            while (column.find()) {
                if (aliases.contains(column.group(1).toLowerCase())) {
                    columns.add(column.group(2).toLowerCase());
                    comparesRows = true;
                }
            }
        }
        return comparesRows ? columns : null;
    }

    /** The parenthesised row or the single qualified name just before a position. */
    static String operandBefore(String text, int end) {
        int i = end - 1;
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        if (i >= 0 && text.charAt(i) == ')') {
            int depth = 0;
            for (int j = i; j >= 0; j--) {
                char c = text.charAt(j);
                depth += c == ')' ? 1 : c == '(' ? -1 : 0;
                if (depth == 0) {
                    return text.substring(j, i + 1);
                }
            }
            return text.substring(0, i + 1);
        }
        int j = i;
        while (j >= 0
                && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_' || text.charAt(j) == '.')) {
            j--;
        }
        return text.substring(j + 1, i + 1);
    }

    /** The parenthesised row or the single qualified name just after a position. */
    static String operandAfter(String text, int start) {
        int i = start;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        if (i < text.length() && text.charAt(i) == '(') {
            int depth = 0;
            for (int j = i; j < text.length(); j++) {
                char c = text.charAt(j);
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                if (depth == 0) {
                    return text.substring(i, j + 1);
                }
            }
            return text.substring(i);
        }
        int j = i;
        while (j < text.length()
                && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_' || text.charAt(j) == '.')) {
            j++;
        }
        return text.substring(i, j);
    }
}
