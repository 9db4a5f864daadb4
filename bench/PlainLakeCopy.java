import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Properties;

/**
 * The plain floor of the lake benchmark: DuckDB's own COPY … PARTITION_BY of the same tables with
 * the same partitioning and codec as {@code encore export --layout compact}, straight into the
 * output folder: no staging, no manifest, no row-count check, no publish, no sort of songs.
 * {@code java -cp 'target/lib/*' bench/PlainLakeCopy.java DB OUT_DIR [MEMORY_LIMIT]}.
 */
public final class PlainLakeCopy {
    public static void main(String[] args) throws Exception {
        Properties props = new Properties();
        props.setProperty("duckdb.read_only", "true");
        props.setProperty("autoinstall_known_extensions", "false");
        props.setProperty("autoload_known_extensions", "false");
        props.setProperty("memory_limit", args.length > 2 ? args[2] : "1GB");
        String out = args[1];
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + args[0], props); Statement st = c.createStatement()) {
            st.execute("SET preserve_insertion_order = false");
            new java.io.File(out + "/users").mkdirs();
            new java.io.File(out + "/artists").mkdirs();
            st.execute("COPY (SELECT *, year(start_time) AS year, month(start_time) AS month FROM songplays) TO '" + out
                + "/songplays' (FORMAT parquet, PARTITION_BY (year, month), COMPRESSION snappy)");
            st.execute("COPY \"time\" TO '" + out + "/time' (FORMAT parquet, PARTITION_BY (year, month), COMPRESSION snappy)");
            st.execute("COPY songs TO '" + out + "/songs' (FORMAT parquet, PARTITION_BY (year), COMPRESSION snappy)");
            st.execute("COPY users TO '" + out + "/users/data_0.parquet' (FORMAT parquet, COMPRESSION snappy)");
            st.execute("COPY artists TO '" + out + "/artists/data_0.parquet' (FORMAT parquet, COMPRESSION snappy)");
        }
    }
}
