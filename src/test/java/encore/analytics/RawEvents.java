package encore.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import encore.RawModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The raw plays with every field the dashboard filters or groups by, read from the log files
 * with plain Jackson and java.time — independently of the warehouse SQL — for expected values.
 */
final class RawEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Play(String userId, long sessionId, int item, long ts, String level, String song, String artist,
                String location, String userAgent, String gender) {

        ZonedDateTime utc() {
            return ZonedDateTime.ofInstant(Instant.ofEpochMilli(ts), ZoneOffset.UTC);
        }

        LocalDate day() {
            return utc().toLocalDate();
        }
    }

    final List<Play> plays;

    private RawEvents(List<Play> plays) {
        this.plays = plays;
    }

    /** Every NextSong event of a logged-in user, once per natural key (first in file order), with the user's latest gender. */
    static RawEvents of(Path root) {
        Map<List<Object>, JsonNode> byKey = new LinkedHashMap<>();
        Map<String, Long> latestTs = new HashMap<>();
        Map<String, String> latestGender = new HashMap<>();
        try {
            for (Path f : RawModel.logFiles(root.resolve("log_data"))) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode e = JSON.readTree(line);
                    String user = e.get("userId").asText();
                    if (user.isEmpty()) {
                        continue;
                    }
                    long ts = e.get("ts").asLong();
                    Long seen = latestTs.get(user);
                    if (seen == null || ts >= seen) {
                        latestTs.put(user, ts);
                        latestGender.put(user, text(e, "gender"));
                    }
                    if ("NextSong".equals(e.get("page").asText())) {
                        byKey.putIfAbsent(List.of(user, e.get("sessionId").asLong(), e.get("itemInSession").asInt(), ts), e);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Play> plays = new ArrayList<>();
        for (JsonNode e : byKey.values()) {
            String user = e.get("userId").asText();
            plays.add(new Play(user, e.get("sessionId").asLong(), e.get("itemInSession").asInt(), e.get("ts").asLong(),
                text(e, "level"), text(e, "song"), text(e, "artist"), text(e, "location"), text(e, "userAgent"),
                latestGender.get(user)));
        }
        return new RawEvents(List.copyOf(plays));
    }

    private static String text(JsonNode e, String field) {
        JsonNode v = e.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** The plays a dashboard filter selects, by the filter's documented meaning. */
    List<Play> select(DashboardFilter f) {
        Predicate<Play> p = x -> (f.from() == null || !x.day().isBefore(f.from()))
            && (f.to() == null || !x.day().isAfter(f.to()))
            && (f.level() == null || f.level().equals(x.level()))
            && (f.gender() == null || f.gender().equals(x.gender()));
        return plays.stream().filter(p).toList();
    }

    static <K> Map<K, Long> count(Collection<Play> plays, Function<Play, K> key) {
        return plays.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }

    /** The n most played keys, ties broken by key. */
    static List<Ranked> top(Collection<Play> plays, Function<Play, String> key, int n) {
        return count(plays.stream().filter(p -> key.apply(p) != null).toList(), key).entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
            .limit(n)
            .map(e -> new Ranked(e.getKey(), e.getValue()))
            .toList();
    }
}
