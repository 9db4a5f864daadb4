package encore.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import encore.TestData;
import encore.pipeline.Etl;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** New warehouses are written in DuckDB 1.3's storage format; existing ones keep theirs and still load. */
class WarehouseFormatTest {

    @TempDir
    Path tmp;

    @Test
    void a_new_warehouse_uses_the_chosen_storage_format() {
        Path db = tmp.resolve("new.duckdb");
        Etl.load(TestData.sample(), db);
        assertThat(storageVersion(db)).isEqualTo(Warehouse.STORAGE_VERSION + "+");
    }

    @Test
    void a_warehouse_in_the_older_default_format_keeps_it_and_loads() throws Exception {
        Path db = tmp.resolve("old.duckdb");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE made_elsewhere (x INTEGER)");
        }
        String before = storageVersion(db);
        assertThat(before).isNotEqualTo(Warehouse.STORAGE_VERSION + "+");

        Etl.load(TestData.sample(), db);

        assertThat(storageVersion(db)).isEqualTo(before);
        assertThat(Etl.count(db, "SELECT count(*) FROM songplays")).isPositive();
    }

    private static String storageVersion(Path db) {
        String tags = Etl.rows(db, "SELECT tags FROM duckdb_databases() WHERE NOT internal AND database_name <> 'memory'")
            .get(0).get(0);
        // e.g. {storage_version=v1.3.0+}
        return tags.replaceAll(".*storage_version=([^,}]+).*", "$1");
    }
}
