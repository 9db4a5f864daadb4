package encore.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import encore.pipeline.Etl;
import encore.TestData;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's queries: errors in the user's own text, and a drill-down's query as runnable text. */
class PagedQueryTest {

    @TempDir
    static Path tmp;

    static Warehouse warehouse;

    @BeforeAll
    static void load() {
        Path db = tmp.resolve("q.duckdb");
        Etl.load(TestData.sample(), db);
        warehouse = Warehouse.openReadOnly(db, WarehouseSettings.defaults());
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    @Test
    void an_error_points_into_the_users_own_query_not_the_counting_query_around_it() {
        assertThatThrownBy(() -> PagedQuery.of("SELECT levl FROM songplays").count(warehouse))
            .isInstanceOf(PagedQuery.QueryException.class)
            .hasMessageContaining("levl")
            .hasMessageContaining("LINE 1: SELECT levl FROM songplays")
            .hasMessageNotContaining("count(*)");
        assertThatThrownBy(() -> PagedQuery.of("SELECT level FROM songplays WHERE").count(warehouse))
            .hasMessageContaining("syntax error at end of input")
            .hasMessageNotContaining(")");
    }

    @Test
    void a_statement_that_is_not_a_query_and_two_statements_say_so() {
        assertThatThrownBy(() -> PagedQuery.of("DROP TABLE songplays").count(warehouse))
            .hasMessageContaining("read-only");
        assertThatThrownBy(() -> PagedQuery.of("SELECT 1 AS a; SELECT 2 AS b").count(warehouse))
            .hasMessageContaining("holds 2 statements");
        assertThat(PagedQuery.of("SELECT 1 AS a;").count(warehouse)).isEqualTo(1);
    }

    @Test
    void a_query_with_parameters_shows_as_text_that_runs_to_the_same_rows() {
        PagedQuery drill = new PagedQuery(
            "SELECT * FROM songplays WHERE level = ? AND start_time >= ? AND start_time < ? AND user_id <> ? AND '?' = '?'",
            List.of("paid", LocalDate.of(2018, 11, 10), java.time.LocalDateTime.of(2018, 11, 20, 0, 0), "O'Brien"));
        String text = drill.displaySql();
        assertThat(text).isEqualTo("SELECT * FROM songplays WHERE level = 'paid' AND start_time >= DATE '2018-11-10'"
            + " AND start_time < TIMESTAMP '2018-11-20 00:00' AND user_id <> 'O''Brien' AND '?' = '?'");
        long rows = drill.count(warehouse);
        assertThat(rows).isPositive();
        assertThat(PagedQuery.of(text).count(warehouse)).isEqualTo(rows);
        assertThat(PagedQuery.of(text).page(warehouse, 0, 5).rows()).isEqualTo(drill.page(warehouse, 0, 5).rows());
    }
}
