package encore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The expected results of a load, computed straight from the raw files with plain Jackson —
 * independently of the ETL's SQL — for the tests to compare against.
 */
public final class RawModel {

    private static final ObjectMapper JSON = new ObjectMapper();

    public record Play(String userId, long sessionId, int item, long ts, String level, String song, String artist, Double length) {
    }

    public final Set<String> songIds = new HashSet<>();
    public final Set<String> artistIds = new HashSet<>();
    public final Set<List<Object>> catalogKeys = new HashSet<>();
    public final Map<List<Object>, Play> plays = new HashMap<>();
    public final Map<String, String> latestLevel = new HashMap<>();
    private final Map<String, Long> latestTs = new HashMap<>();
    public final Set<Long> playTimes = new HashSet<>();
    public long events;
    public long songRecords;

    public static RawModel of(Path songs, List<Path> logFiles) {
        RawModel m = new RawModel();
        try (Stream<Path> files = Files.walk(songs)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                JsonNode s = JSON.readTree(f.toFile());
                m.songRecords++;
                m.songIds.add(s.get("song_id").asText());
                m.artistIds.add(s.get("artist_id").asText());
                m.catalogKeys.add(List.of(s.get("title").asText(), s.get("artist_name").asText(), s.get("duration").asDouble()));
            }
            for (Path f : logFiles) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode e = JSON.readTree(line);
                    m.event(e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }

    public static RawModel ofRoot(Path root) {
        return of(root.resolve("song_data"), logFiles(root.resolve("log_data")));
    }

    public static List<Path> logFiles(Path logs) {
        try (Stream<Path> files = Files.walk(logs)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void event(JsonNode e) {
        events++;
        String user = e.get("userId").asText();
        long ts = e.get("ts").asLong();
        if (!user.isEmpty()) {
            Long seen = latestTs.get(user);
            if (seen == null || ts >= seen) {
                latestTs.put(user, ts);
                latestLevel.put(user, e.get("level").asText());
            }
        }
        if ("NextSong".equals(e.get("page").asText()) && !user.isEmpty()) {
            List<Object> key = List.of(user, e.get("sessionId").asLong(), e.get("itemInSession").asInt(), ts);
            plays.putIfAbsent(key, new Play(user, e.get("sessionId").asLong(), e.get("itemInSession").asInt(), ts,
                e.get("level").asText(), e.get("song").asText(), e.get("artist").asText(), e.get("length").asDouble()));
            playTimes.add(ts);
        }
    }

    public long matchedPlays() {
        return plays.values().stream()
            .filter(p -> catalogKeys.contains(List.of(p.song(), p.artist(), p.length())))
            .count();
    }

    /** Plays per ISO weekday (1 = Monday), in UTC. */
    public Map<Integer, Long> playsByWeekday() {
        Map<Integer, Long> out = new HashMap<>();
        for (Play p : plays.values()) {
            int wd = ZonedDateTime.ofInstant(Instant.ofEpochMilli(p.ts()), ZoneOffset.UTC).getDayOfWeek().getValue();
            out.merge(wd, 1L, Long::sum);
        }
        return out;
    }

    public List<Play> playsSorted() {
        List<Play> list = new ArrayList<>(plays.values());
        list.sort((a, b) -> {
            int c = Long.compare(a.ts(), b.ts());
            return c != 0 ? c : Objects.compare(a.userId(), b.userId(), String::compareTo);
        });
        return list;
    }
}
