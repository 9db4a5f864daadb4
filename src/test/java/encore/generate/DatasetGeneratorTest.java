package encore.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import encore.TestData;
import encore.task.Cancellation;
import encore.task.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetGeneratorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    static GeneratorSpec spec(Path out, long seed) {
        return new GeneratorSpec(out, 300, 4, 30, 400, seed, LocalDate.of(2018, 11, 1), 0.3);
    }

    static String digest(Path root) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                md.update(root.relativize(f).toString().getBytes());
                md.update(Files.readAllBytes(f));
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    @Test
    void the_same_seed_gives_the_same_bytes_and_another_seed_does_not() throws Exception {
        new DatasetGenerator(spec(tmp.resolve("a"), 42)).generate(ProgressListener.NONE, new Cancellation());
        new DatasetGenerator(spec(tmp.resolve("b"), 42)).generate(ProgressListener.NONE, new Cancellation());
        new DatasetGenerator(spec(tmp.resolve("c"), 43)).generate(ProgressListener.NONE, new Cancellation());
        assertThat(digest(tmp.resolve("a"))).isEqualTo(digest(tmp.resolve("b"))).isNotEqualTo(digest(tmp.resolve("c")));
    }

    @Test
    void the_bundled_sample_is_what_its_readme_command_generates() throws Exception {
        Path out = tmp.resolve("sample");
        new DatasetGenerator(new GeneratorSpec(out, 400, 30, 60, 250, 2018, LocalDate.of(2018, 11, 1), 0.3))
            .generate(ProgressListener.NONE, new Cancellation());
        Path sample = TestData.sample();
        assertThat(digest(out.resolve("song_data"))).isEqualTo(digest(sample.resolve("song_data")));
        assertThat(digest(out.resolve("log_data"))).isEqualTo(digest(sample.resolve("log_data")));
    }

    @Test
    void the_data_has_the_structure_of_the_real_dataset() throws Exception {
        Path out = tmp.resolve("d");
        DatasetGenerator.Result r = new DatasetGenerator(spec(out, 7)).generate(ProgressListener.NONE, new Cancellation());
        assertThat(r.songFiles()).isEqualTo(300);
        assertThat(r.events()).isEqualTo(4 * 400);

        List<JsonNode> songs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(out.resolve("song_data"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path rel = out.resolve("song_data").relativize(f);
                assertThat(rel.getNameCount()).isEqualTo(4);
                String name = rel.getFileName().toString();
                assertThat(name).matches("TR[A-Z]{3}[A-Z0-9]{13}\\.json");
                assertThat(rel.getName(0) + "" + rel.getName(1) + rel.getName(2)).isEqualTo(name.substring(2, 5));
                songs.add(JSON.readTree(f.toFile()));
            }
        }
        Map<String, Integer> songsPerArtist = new HashMap<>();
        Map<String, Set<String>> locationsPerArtist = new HashMap<>();
        for (JsonNode s : songs) {
            assertThat(s.fieldNames()).toIterable().containsExactly("num_songs", "artist_id", "artist_latitude",
                "artist_longitude", "artist_location", "artist_name", "song_id", "title", "duration", "year");
            songsPerArtist.merge(s.get("artist_id").asText(), 1, Integer::sum);
            locationsPerArtist.computeIfAbsent(s.get("artist_id").asText(), k -> new HashSet<>()).add(s.get("artist_location").asText());
        }
        assertThat(songsPerArtist.values()).anyMatch(n -> n >= 3);
        assertThat(locationsPerArtist.values()).anyMatch(l -> l.size() > 1);
        assertThat(songs).anyMatch(s -> s.get("artist_latitude").isNull());
        assertThat(songs).anyMatch(s -> s.get("year").asInt() == 0);
        assertThat(songs).anyMatch(s -> !s.get("artist_name").asText().matches("\\p{ASCII}*"));
        assertThat(songs).anyMatch(s -> s.get("artist_name").asText().contains("\""));

        Set<List<Object>> catalog = new HashSet<>();
        for (JsonNode s : songs) {
            catalog.add(List.of(s.get("title").asText(), s.get("artist_name").asText(), s.get("duration").asDouble()));
        }
        List<JsonNode> events = new ArrayList<>();
        for (Path f : encore.RawModel.logFiles(out.resolve("log_data"))) {
            String text = Files.readString(f);
            assertThat(text).doesNotEndWith("\n");
            for (String line : text.split("\n")) {
                events.add(JSON.readTree(line));
            }
        }
        Map<Long, Integer> lastItem = new HashMap<>();
        Map<String, Set<String>> levels = new HashMap<>();
        long plays = 0;
        long matched = 0;
        long previousTs = Long.MIN_VALUE;
        for (JsonNode e : events) {
            long session = e.get("sessionId").asLong();
            int item = e.get("itemInSession").asInt();
            Integer last = lastItem.put(session, item);
            if (last != null) {
                assertThat(item).as("itemInSession increases within session " + session).isGreaterThan(last);
            }
            if (e.get("userId").asText().isEmpty()) {
                assertThat(e.get("auth").asText()).isEqualTo("Logged Out");
                assertThat(e.get("firstName").isNull()).isTrue();
            } else {
                levels.computeIfAbsent(e.get("userId").asText(), k -> new HashSet<>()).add(e.get("level").asText());
            }
            if (e.get("page").asText().equals("NextSong")) {
                plays++;
                if (catalog.contains(List.of(e.get("song").asText(), e.get("artist").asText(), e.get("length").asDouble()))) {
                    matched++;
                }
            }
            assertThat(e.get("registration").isNull() || e.get("registration").isDouble()).isTrue();
            assertThat(e.get("userId").isTextual()).isTrue();
            previousTs = Math.max(previousTs, e.get("ts").asLong());
        }
        assertThat(events).anyMatch(e -> e.get("userId").asText().isEmpty());
        assertThat(levels.values()).anyMatch(l -> l.size() == 2);
        assertThat((double) matched / plays).isBetween(0.15, 0.45);
        assertThat(plays).isGreaterThan(events.size() / 2);
    }

    @Test
    void writes_no_file_outside_the_two_folders() throws IOException {
        Path out = tmp.resolve("d");
        new DatasetGenerator(spec(out, 1)).generate(ProgressListener.NONE, new Cancellation());
        try (Stream<Path> top = Files.list(out)) {
            assertThat(top.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("song_data", "log_data");
        }
    }
}
