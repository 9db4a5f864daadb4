package encore.lake;

import java.util.List;
import java.util.Map;

/** The lake's tables, in export order, with the columns each is partitioned by. */
final class LakeTables {

    static final List<String> ORDER = List.of("users", "artists", "songs", "time", "songplays");

    private LakeTables() {
    }

    static List<String> partitionBy(String table, LakeLayout layout) {
        return switch (table) {
            case "songplays", "time" -> List.of("year", "month");
            case "songs" -> layout == LakeLayout.CLASSIC ? List.of("year", "artist_id") : List.of("year");
            default -> List.of();
        };
    }

    static Map<String, String> identifiers(String table) {
        return Map.of("table", "time".equals(table) ? "\"time\"" : table);
    }
}
