import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;

/**
 * The naive floor for the ETL benchmark: plain DuckDB reading every song file and every log file
 * with its own JSON reader into a fresh database, nothing more (no validation, no line numbers,
 * no star schema). Run as a single source file with DuckDB's jar on the class path:
 * {@code java -cp 'target/lib/*' bench/NaiveFloor.java DATA_ROOT DB_FILE [MEMORY_LIMIT]}.
 * Prints one line: "songs=N events=M".
 */
public final class NaiveFloor {
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: NaiveFloor DATA_ROOT DB_FILE [MEMORY_LIMIT]");
            System.exit(2);
        }
        String root = args[0];
        Properties props = new Properties();
        props.setProperty("autoinstall_known_extensions", "false");
        props.setProperty("autoload_known_extensions", "false");
        if (args.length > 2) {
            props.setProperty("memory_limit", args[2]);
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + args[1], props);
             Statement st = c.createStatement()) {
            st.execute("SET preserve_insertion_order = false");
            st.execute("CREATE TABLE songs AS SELECT * FROM read_json('" + root + "/song_data/**/*.json')");
            st.execute("CREATE TABLE events AS SELECT * FROM read_json('" + root + "/log_data/**/*.json')");
            long songs = count(st, "songs");
            long events = count(st, "events");
            System.out.println("songs=" + songs + " events=" + events);
        }
    }

    private static long count(Statement st, String table) throws Exception {
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
