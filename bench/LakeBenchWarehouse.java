import encore.warehouse.Warehouse;
import encore.warehouse.WarehouseSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds a large warehouse for the lake benchmark directly in SQL (minutes less than generating
 * and loading JSON, and the export only reads the star tables): the project's own schema, then
 * SONGS songs by SONGS/4 artists (about half of unknown year, as in the real data), 5,000 users,
 * PLAYS songplays over November 2018 (a third matched to a song) and their "time" rows.
 * Deterministic: every value is a hash of the row number. Run with the app on the class path:
 * {@code java -cp 'target/encore.jar:target/lib/*' bench/LakeBenchWarehouse.java DB SONGS PLAYS}.
 */
public final class LakeBenchWarehouse {
    public static void main(String[] args) {
        Path db = Path.of(args[0]);
        long songs = Long.parseLong(args[1]);
        long plays = Long.parseLong(args[2]);
        long artists = Math.max(1, songs / 4);
        try {
            Files.deleteIfExists(db);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try (Warehouse w = Warehouse.openForWrite(db, new WarehouseSettings("4GB", 0, null))) {
            w.execute(List.of(
                "SET preserve_insertion_order = false",
                "INSERT INTO artists SELECT 'AR' || upper(lpad(to_hex(hash(i, 'a') % 1000000000000000), 16, '0')), "
                    + "'Artist ' || i, CASE WHEN i % 3 = 0 THEN NULL ELSE 'City ' || (i % 997) END, "
                    + "CASE WHEN i % 2 = 0 THEN NULL ELSE (hash(i, 'lat') % 18000) / 100.0 - 90 END, "
                    + "CASE WHEN i % 2 = 0 THEN NULL ELSE (hash(i, 'lon') % 36000) / 100.0 - 180 END "
                    + "FROM range(" + artists + ") r(i)",
                "CREATE TEMP TABLE artist_ids AS SELECT row_number() OVER (ORDER BY artist_id) - 1 AS n, artist_id FROM artists",
                "INSERT INTO songs SELECT 'SO' || upper(lpad(to_hex(hash(i, 's') % 1000000000000000), 16, '0')), 'Song ' || i, "
                    + "a.artist_id, CASE WHEN hash(i, 'y') % 2 = 0 THEN NULL ELSE 1950 + (hash(i, 'yy') % 61)::INTEGER END, "
                    + "60 + (hash(i, 'd') % 40000) / 100.0 "
                    + "FROM range(" + songs + ") r(i) JOIN artist_ids a ON a.n = hash(i, 'art') % " + artists,
                "INSERT INTO users SELECT (i + 1)::VARCHAR, 'First' || i, 'Last' || i, CASE WHEN i % 2 = 0 THEN 'F' ELSE 'M' END, "
                    + "CASE WHEN i % 5 = 0 THEN 'paid' ELSE 'free' END, TIMESTAMP '2018-11-30 12:00:00' "
                    + "FROM range(5000) r(i)",
                "CREATE TEMP TABLE song_ids AS SELECT row_number() OVER (ORDER BY song_id) - 1 AS n, s.song_id, s.artist_id, s.title, a.name "
                    + "FROM songs s JOIN artists a USING (artist_id)",
                "INSERT INTO songplays SELECT i + 1, TIMESTAMP '2018-11-01' + to_microseconds((hash(i, 't') % 2592000000000)::BIGINT), "
                    + "(hash(i, 'u') % 5000 + 1)::VARCHAR, CASE WHEN hash(i, 'l') % 5 = 0 THEN 'paid' ELSE 'free' END, "
                    + "CASE WHEN i % 3 = 0 THEN s.song_id END, CASE WHEN i % 3 = 0 THEN s.artist_id END, "
                    + "(i // 40)::BIGINT, (i % 40)::INTEGER, 'City ' || (hash(i, 'loc') % 500), "
                    + "'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/' || (hash(i, 'ua') % 30 + 60), s.title, s.name "
                    + "FROM range(" + plays + ") r(i) JOIN song_ids s ON s.n = hash(i, 'song') % " + songs,
                "INSERT INTO \"time\" SELECT start_time, hour(start_time), day(start_time), week(start_time), month(start_time), "
                    + "year(start_time), isodow(start_time) FROM (SELECT DISTINCT start_time FROM songplays)"));
            System.out.println(w.count("SELECT count(*) FROM songs") + " songs, " + w.count("SELECT count(*) FROM songplays")
                + " songplays, " + w.count("SELECT count(*) FROM (SELECT DISTINCT year, artist_id FROM songs)") + " classic partitions");
        }
    }
}
