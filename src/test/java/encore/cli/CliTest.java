package encore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import encore.TestData;
import encore.pipeline.Etl;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line, run in-process with captured stdout and stderr. */
class CliTest {

    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cl = EncoreCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void etl_prints_progress_on_stderr_and_a_json_summary_on_stdout() throws Exception {
        Path db = tmp.resolve("w.duckdb");
        Run r = run("etl", "--data", TestData.sample().toString(), "--db", db.toString(), "--json");

        assertThat(r.exit()).isZero();
        assertThat(r.err()).contains("[scan]").contains("[songs]").contains("[events]").contains("[star]");
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("tables").get("songs").asLong()).isEqualTo(400);
        assertThat(json.get("tables").get("songplays").asLong()).isPositive();
        assertThat(json.get("rejectedEvents").asLong()).isZero();
        assertThat(json.get("checks")).hasSize(18);
        assertThat(json.get("elapsedMillis").asLong()).isPositive();
    }

    @Test
    void marts_after_an_etl_without_them_and_a_memory_limit_as_a_share_of_memory() throws Exception {
        Path db = tmp.resolve("m.duckdb");
        Run load = run("etl", "--data", TestData.sample().toString(), "--db", db.toString(), "--no-marts",
            "--memory-limit", "25%", "--quiet");
        assertThat(load.exit()).as(load.err()).isZero();
        assertThat(Etl.count(db, "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'dashboard_marts_state'")).isZero();

        Run marts = run("marts", "--db", db.toString(), "--json", "--quiet");

        assertThat(marts.exit()).as(marts.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(marts.out());
        assertThat(json.get("database").asText()).isEqualTo(db.toString());
        assertThat(json.get("seconds").asDouble()).isPositive();
        assertThat(Etl.count(db, "SELECT count(*) FROM dashboard_marts_state")).isPositive();
    }

    @Test
    void a_db_that_is_not_a_warehouse_fails_before_the_scan_and_is_left_alone() throws Exception {
        Path notes = tmp.resolve("notes.duckdb");
        java.nio.file.Files.writeString(notes, "my notes, not a database");

        Run r = run("etl", "--data", TestData.sample().toString(), "--db", notes.toString());

        assertThat(r.exit()).isEqualTo(EncoreCli.FAILED);
        assertThat(r.err()).contains("is not a DuckDB database").contains("give the name of a new file")
            .doesNotContain("[scan]");
        assertThat(java.nio.file.Files.readString(notes)).isEqualTo("my notes, not a database");
        Run folder = run("etl", "--data", TestData.sample().toString(), "--db", tmp.toString());
        assertThat(folder.exit()).isEqualTo(EncoreCli.FAILED);
        assertThat(folder.err()).contains("is a folder");
    }

    @Test
    void etl_prints_a_text_summary_by_default() {
        Run r = run("etl", "--songs", TestData.sample().resolve("song_data").toString(),
            "--logs", TestData.sample().resolve("log_data").toString(), "--db", tmp.resolve("w.duckdb").toString(), "--quiet");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Tables:").contains("songplays").contains("Checks:   18 passed, 0 failed");
        assertThat(r.err()).doesNotContain("[songs]");
    }

    @Test
    void a_folder_without_data_fails_with_one_line_naming_what_was_expected() {
        Run r = run("etl", "--data", tmp.toString(), "--db", tmp.resolve("w.duckdb").toString());
        assertThat(r.exit()).isEqualTo(EncoreCli.FAILED);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).startsWith("encore: No song or log data in").contains("song_data").contains("log_data");
    }

    @Test
    void query_prints_table_csv_and_json() throws Exception {
        Path db = tmp.resolve("w.duckdb");
        assertThat(run("etl", "--data", TestData.sample().toString(), "--db", db.toString(), "--quiet").exit()).isZero();

        Run table = run("query", "--db", db.toString(), "SELECT level, count(*) AS n FROM users GROUP BY 1 ORDER BY 1");
        assertThat(table.exit()).isZero();
        assertThat(table.out()).contains("level | n").contains("free").contains("paid").contains("(2 rows)");

        Run csv = run("query", "--db", db.toString(), "--format", "csv", "SELECT 'a,b' AS x, 'say \"hi\"' AS y, NULL AS z");
        assertThat(csv.out()).isEqualTo("x,y,z\r\n\"a,b\",\"say \"\"hi\"\"\",\r\n");

        Run json = run("query", "--db", db.toString(), "--format", "json", "SELECT count(*) AS plays FROM songplays");
        long plays = new ObjectMapper().readTree(json.out()).get(0).get("plays").asLong();
        assertThat(plays).isPositive();
    }

    @Test
    void query_is_read_only() throws Exception {
        Path db = tmp.resolve("w.duckdb");
        Path other = java.nio.file.Files.writeString(tmp.resolve("other.csv"), "a,b\n1,2\n");
        assertThat(run("etl", "--data", TestData.sample().toString(), "--db", db.toString(), "--quiet").exit()).isZero();
        Run r = run("query", "--db", db.toString(), "DELETE FROM songplays");
        assertThat(r.exit()).isEqualTo(EncoreCli.FAILED);
        assertThat(r.err()).contains("tried to change the warehouse");
        for (String sql : new String[] {
            "COPY (SELECT 1) TO '" + db + "' (FORMAT csv)",
            "SELECT * FROM read_csv('" + other + "')",
            "INSTALL httpfs",
            "SET enable_external_access = true"}) {
            Run escape = run("query", "--db", db.toString(), sql);
            assertThat(escape.exit()).as(sql).isEqualTo(EncoreCli.FAILED);
            assertThat(escape.err()).as(sql).contains("reach outside it");
        }
        assertThat(run("query", "--db", db.toString(), "--format", "csv", "SELECT count(*) > 0 FROM songplays").out()).contains("true");
    }

    @Test
    void query_errors_name_the_problem() {
        Run r = run("query", "--db", tmp.resolve("missing.duckdb").toString(), "SELECT 1");
        assertThat(r.exit()).isEqualTo(EncoreCli.FAILED);
        assertThat(r.err()).contains("Warehouse not found");
    }

    @Test
    void generate_writes_the_source_layout() {
        Path out = tmp.resolve("gen");
        Run r = run("generate", "--out", out.toString(), "--songs", "50", "--days", "3", "--users", "5",
            "--events-per-day", "40", "--seed", "3", "--quiet");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Wrote 50 song files and 3 log files");
        assertThat(out.resolve("log_data/2018/11/2018-11-03-events.json")).exists();
    }

    @Test
    void export_writes_a_lake_that_query_reads_back_read_only() throws Exception {
        Path db = tmp.resolve("w.duckdb");
        assertThat(run("etl", "--data", TestData.sample().toString(), "--db", db.toString(), "--quiet").exit()).isZero();
        Path lake = tmp.resolve("lake");
        Run r = run("export", "--db", db.toString(), "--to", lake.toString(), "--layout", "classic", "--compression", "zstd", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("[lake]").contains("[songs]").contains("[publish]");
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("options").get("layout").asText()).isEqualTo("CLASSIC");
        long songs = Long.parseLong(run("query", "--db", db.toString(), "--format", "csv", "SELECT count(*) FROM songs").out().lines().toList().get(1));
        JsonNode songsTable = json.get("tables").get(2);
        assertThat(songsTable.get("name").asText()).isEqualTo("songs");
        assertThat(songsTable.get("rows").asLong()).isEqualTo(songs);
        assertThat(songsTable.get("partitionBy")).extracting(JsonNode::asText).containsExactly("year", "artist_id");
        assertThat(json.get("files").asLong()).isEqualTo(json.get("partitions").asLong());

        Run text = run("export", "--db", db.toString(), "--to", lake.toString(), "--quiet");
        assertThat(text.exit()).isZero();
        assertThat(text.out()).contains("compact songs, snappy, overwrite").contains("songplays").contains("total");
        assertThat(text.err()).isEmpty();

        Run back = run("query", "--db", lake.toString(), "--format", "csv", "SELECT count(*) FROM songs");
        assertThat(back.out().lines().toList().get(1)).isEqualTo(Long.toString(songs));
        for (String sql : new String[] {
            "COPY songs TO '" + lake.resolve("x.csv") + "'",
            "SELECT 1; COPY songs TO '" + lake.resolve("x.csv") + "'",
            "CREATE TABLE t AS SELECT 1",
            "SELECT * FROM read_csv('" + db + "')"}) {
            Run escape = run("query", "--db", lake.toString(), sql);
            assertThat(escape.exit()).as(sql).isEqualTo(EncoreCli.FAILED);
        }
        assertThat(lake.resolve("x.csv")).doesNotExist();
    }

    @Test
    void a_bad_s3_destination_fails_naming_it_and_bad_options_are_usage_errors() {
        Path db = tmp.resolve("w.duckdb");
        assertThat(run("etl", "--data", TestData.sample().toString(), "--db", db.toString(), "--quiet").exit()).isZero();
        Run s3 = run("export", "--db", db.toString(), "--to", "s3://Not_A_Bucket/lake");
        assertThat(s3.exit()).isEqualTo(EncoreCli.FAILED);
        assertThat(s3.err()).startsWith("encore: Not a valid S3 bucket name").contains("Not_A_Bucket");
        assertThat(run("export", "--db", db.toString(), "--to", tmp.resolve("l").toString(), "--layout", "tiny").exit())
            .isEqualTo(EncoreCli.USAGE);
        Run missing = run("export", "--db", tmp.resolve("none.duckdb").toString(), "--to", tmp.resolve("l").toString());
        assertThat(missing.exit()).isEqualTo(EncoreCli.FAILED);
        assertThat(missing.err()).contains("Warehouse not found");
        assertThat(tmp.resolve("l")).doesNotExist();
    }

    @Test
    void usage_errors_exit_2() {
        Run noInput = run("etl", "--db", "x.duckdb");
        assertThat(noInput.exit()).isEqualTo(EncoreCli.USAGE);
        assertThat(noInput.err()).startsWith("encore: ").contains("Run `encore etl --help`")
            .doesNotContain("Usage:");
        assertThat(run("nonsense").exit()).isEqualTo(EncoreCli.USAGE);
        Path data = tmp.resolve("data");
        assertThat(run("generate", "--out", data.toString(), "--songs", "5", "--users", "2", "--events-per-day", "5",
            "--days", "1", "--quiet").exit()).isZero();
        Run again = run("generate", "--out", data.toString(), "--quiet");
        assertThat(again.exit()).isEqualTo(EncoreCli.USAGE);
        assertThat(again.err()).contains("already holds song_data/ or log_data/").contains("--force");
    }
}
