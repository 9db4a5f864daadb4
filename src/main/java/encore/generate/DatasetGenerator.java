package encore.generate;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import encore.task.Cancellation;
import encore.task.EncoreException;
import encore.task.Progress;
import encore.task.ProgressListener;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Writes a synthetic Sparkify dataset in exactly the source layout and schema: one song per file
 * under {@code song_data/A/B/C/}, one newline-delimited event file per day under
 * {@code log_data/YYYY/MM/}. Every value is a pure function of the seed and the item's index, so
 * the output is the same for a seed whatever the thread count.
 *
 * <p>Structure on purpose: artists with several songs (a few with two spellings of their
 * location), null coordinates, unicode and quotes in names, sessions with increasing
 * itemInSession, popular songs, free users who upgrade and paid users who downgrade, logged-out
 * events, and a share of plays that match the song catalog exactly.
 */
public final class DatasetGenerator {

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final String[] OTHER_PAGES = {"Home", "Thumbs Up", "Add to Playlist", "Add Friend", "Thumbs Down",
        "Settings", "Help", "About", "Error", "Save Settings"};
    private static final double[] OTHER_WEIGHTS = {0.30, 0.25, 0.15, 0.10, 0.06, 0.05, 0.04, 0.02, 0.015, 0.015};
    private static final double[] HOUR_WEIGHTS = {2, 1.5, 1, 1, 1, 1.5, 2, 3, 4, 4.5, 5, 5.5, 6, 6, 6, 6.5, 7, 7.5, 7,
        6.5, 5.5, 4.5, 3.5, 2.5};

    public record Result(long songFiles, long logFiles, long events, long bytes) {
    }

    private final GeneratorSpec spec;
    private final int artists;

    public DatasetGenerator(GeneratorSpec spec) {
        this.spec = spec;
        this.artists = Math.max(1, spec.songs() / 4);
    }

    public Result generate(ProgressListener progress, Cancellation cancel) {
        AtomicLong bytes = new AtomicLong();
        Path songRoot = spec.out().resolve("song_data");
        Path logRoot = spec.out().resolve("log_data");
        try {
            Files.createDirectories(songRoot);
            Files.createDirectories(logRoot);
        } catch (IOException e) {
            throw new EncoreException("Cannot create " + spec.out() + ": " + e.getMessage(), "choose a folder you can write to", e);
        }
        Set<Path> madeDirs = ConcurrentHashMap.newKeySet();
        AtomicLong songsDone = new AtomicLong();
        int chunk = 2_000;
        IntStream.range(0, (spec.songs() + chunk - 1) / chunk).parallel().forEach(c -> {
            cancel.check();
            for (int j = c * chunk; j < Math.min(spec.songs(), (c + 1) * chunk); j++) {
                bytes.addAndGet(writeSong(songRoot, j, madeDirs));
            }
            long done = songsDone.addAndGet(Math.min(chunk, spec.songs() - c * chunk));
            progress.onProgress(Progress.info("songs", done, spec.songs(), "files", String.format("Wrote %,d song files", done)));
        });
        AtomicLong events = new AtomicLong();
        AtomicLong daysDone = new AtomicLong();
        IntStream.range(0, spec.days()).parallel().forEach(d -> {
            cancel.check();
            long[] written = writeDay(logRoot, d);
            events.addAndGet(written[0]);
            bytes.addAndGet(written[1]);
            long done = daysDone.incrementAndGet();
            progress.onProgress(Progress.info("logs", done, spec.days(), "days", String.format("Wrote %,d day files", done)));
        });
        return new Result(spec.songs(), spec.days(), events.get(), bytes.get());
    }

    // ---- the catalog: pure functions of (seed, index) ----

    private SplittableRandom rng(int stream, long index) {
        long x = spec.seed() * 0x9E3779B97F4A7C15L + stream * 0xC2B2AE3D27D4EB4FL + index * 0x165667B19E3779F9L;
        return new SplittableRandom(x ^ (x >>> 29));
    }

    record Artist(String id, String name, String location, String altLocation, Double latitude, Double longitude) {
    }

    record Song(String trackId, String songId, String title, int artist, double duration, int year) {
    }

    Artist artist(int k) {
        SplittableRandom r = rng(1, k);
        String id = Names.id(r, "AR", 16);
        String name = switch (r.nextInt(10)) {
            case 0 -> "The " + Names.pick(r, Names.ARTIST_WORDS) + " " + Names.pick(r, Names.ARTIST_NOUNS);
            case 1 -> Names.pick(r, Names.ARTIST_WORDS) + " \"" + Names.pick(r, Names.ARTIST_NOUNS) + "\" " + Names.pick(r, Names.LAST_NAMES);
            case 2 -> Names.pick(r, Names.FIRST_NAMES) + " " + Names.pick(r, Names.LAST_NAMES) + " & " + Names.pick(r, Names.ARTIST_NOUNS);
            default -> Names.pick(r, Names.ARTIST_WORDS) + " " + Names.pick(r, Names.ARTIST_NOUNS);
        } + (r.nextInt(4) == 0 ? " " + (k % 97) : "");
        String[] place = Names.pick(r, Names.PLACES);
        boolean hasLocation = r.nextDouble() < 0.6;
        boolean hasCoordinates = hasLocation && r.nextDouble() < 0.5;
        String location = hasLocation ? place[0] : "";
        String alt = hasLocation && r.nextDouble() < 0.1 ? place[0].split(",")[0] : location;
        return new Artist(id, name, location, alt, hasCoordinates ? Double.valueOf(place[1]) : null,
            hasCoordinates ? Double.valueOf(place[2]) : null);
    }

    Song song(int j) {
        SplittableRandom r = rng(2, j);
        StringBuilder track = new StringBuilder("TR");
        for (int i = 0; i < 3; i++) {
            track.append((char) ('A' + r.nextInt(26)));
        }
        track.append(Names.id(r, "", 13));
        String songId = Names.id(r, "SO", 16);
        int words = 1 + r.nextInt(4);
        StringBuilder title = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                title.append(' ');
            }
            title.append(Names.pick(r, Names.SONG_WORDS));
        }
        if (r.nextInt(8) == 0) {
            title.append(" (Live)");
        }
        title.append(' ').append(j % 1000);
        double u = r.nextDouble();
        int artist = (int) Math.min(artists - 1, Math.floor(artists * u * u));
        double duration = Math.round((60 + r.nextDouble() * 480) * 100_000) / 100_000.0;
        int year = r.nextDouble() < 0.5 ? 0 : 1960 + r.nextInt(51);
        return new Song(track.toString(), songId, title.toString(), artist, duration, year);
    }

    private long writeSong(Path root, int j, Set<Path> madeDirs) {
        Song s = song(j);
        Artist a = artist(s.artist());
        String location = (j & 1) == 0 ? a.location() : a.altLocation();
        Path dir = root.resolve(s.trackId().substring(2, 3)).resolve(s.trackId().substring(3, 4)).resolve(s.trackId().substring(4, 5));
        ByteArrayOutputStream buf = new ByteArrayOutputStream(320);
        try {
            if (!madeDirs.contains(dir)) {
                // remembered only once it exists: another thread may be about to write into it
                Files.createDirectories(dir);
                madeDirs.add(dir);
            }
            try (JsonGenerator g = JSON.createGenerator(buf, JsonEncoding.UTF8)) {
                g.writeStartObject();
                g.writeNumberField("num_songs", 1);
                g.writeStringField("artist_id", a.id());
                writeNullable(g, "artist_latitude", a.latitude());
                writeNullable(g, "artist_longitude", a.longitude());
                g.writeStringField("artist_location", location);
                g.writeStringField("artist_name", a.name());
                g.writeStringField("song_id", s.songId());
                g.writeStringField("title", s.title());
                g.writeNumberField("duration", s.duration());
                g.writeNumberField("year", s.year());
                g.writeEndObject();
            }
            Files.write(dir.resolve(s.trackId() + ".json"), buf.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buf.size();
    }

    private static void writeNullable(JsonGenerator g, String field, Double v) throws IOException {
        if (v == null) {
            g.writeNullField(field);
        } else {
            g.writeNumberField(field, v);
        }
    }

    // ---- users ----

    record User(String id, String firstName, String lastName, String gender, String location, String userAgent,
                long registration, boolean startsPaid, int changeDay) {
    }

    User user(int u) {
        SplittableRandom r = rng(5, u);
        String gender = r.nextBoolean() ? "F" : "M";
        long firstDayMs = spec.firstDay().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        long registration = firstDayMs - (long) (r.nextDouble() * 120 * 86_400_000L);
        boolean paid = r.nextDouble() < 0.3;
        // free users upgrade on changeDay (30% of them), paid users downgrade (10%); -1: never
        int changeDay = r.nextDouble() < (paid ? 0.1 : 0.3) && spec.days() > 0 ? r.nextInt(Math.max(1, spec.days())) : -1;
        return new User(Integer.toString(u + 1), Names.pick(r, Names.FIRST_NAMES), Names.pick(r, Names.LAST_NAMES), gender,
            Names.pick(r, Names.PLACES)[0], Names.pick(r, Names.USER_AGENTS), registration, paid, changeDay);
    }

    static String levelOn(User u, int day) {
        boolean changed = u.changeDay() >= 0 && day >= u.changeDay();
        return u.startsPaid() != changed ? "paid" : "free";
    }

    // ---- one day of events ----

    record Event(long ts, long sessionId, int item, User user, String page, boolean loggedIn, String level,
                 String song, String artist, Double length) {
    }

    private long[] writeDay(Path root, int d) {
        LocalDate day = spec.firstDay().plusDays(d);
        SplittableRandom r = rng(4, d);
        long dayStart = day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        List<Event> events = new ArrayList<>(spec.eventsPerDay() + 64);
        long session = (long) d * 100_000;
        while (events.size() < spec.eventsPerDay()) {
            double pu = r.nextDouble();
            User user = user((int) Math.min(spec.users() - 1, Math.floor(spec.users() * pu * pu)));
            String level = levelOn(user, d);
            session++;
            int length = 1 + (int) Math.min(200, Math.floor(-Math.log(1 - r.nextDouble()) * 14));
            long ts = dayStart + hourOfDay(r) * 3_600_000L + r.nextInt(3_600_000);
            int item = 0;
            if (r.nextDouble() < 0.08) {
                events.add(new Event(ts, session, item++, user, "Home", false, level, null, null, null));
                ts += 5_000 + r.nextInt(30_000);
                events.add(new Event(ts, session, item++, user, "Login", false, level, null, null, null));
                ts += 1_000 + r.nextInt(5_000);
            }
            for (int i = 0; i < length && events.size() < spec.eventsPerDay(); i++) {
                if (r.nextDouble() < 0.8) {
                    Event play = play(r, ts, session, item++, user, level);
                    events.add(play);
                    ts += (long) (play.length() * 1000);
                } else {
                    events.add(new Event(ts, session, item++, user, otherPage(r), true, level, null, null, null));
                    ts += 2_000 + r.nextInt(60_000);
                }
            }
            if (r.nextDouble() < 0.15 && events.size() < spec.eventsPerDay()) {
                events.add(new Event(ts, session, item++, user, "Logout", true, level, null, null, null));
                ts += 1_000 + r.nextInt(5_000);
                if (events.size() < spec.eventsPerDay()) {
                    events.add(new Event(ts, session, item, user, "Home", false, level, null, null, null));
                }
            }
        }
        events.sort(Comparator.comparingLong(Event::ts).thenComparingLong(Event::sessionId).thenComparingInt(Event::item));
        Path file = root.resolve(String.format("%04d", day.getYear())).resolve(String.format("%02d", day.getMonthValue()))
            .resolve(day + "-events.json");
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                for (int i = 0; i < events.size(); i++) {
                    if (i > 0) {
                        out.write('\n');
                    }
                    writeEvent(out, events.get(i));
                }
            }
            return new long[] {events.size(), Files.size(file)};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Event play(SplittableRandom r, long ts, long session, int item, User user, String level) {
        double u = r.nextDouble();
        if (r.nextDouble() < spec.matchShare()) {
            Song s = song((int) Math.min(spec.songs() - 1, Math.floor(spec.songs() * u * u * u)));
            return new Event(ts, session, item, user, "NextSong", true, level, s.title(), artist(s.artist()).name(), s.duration());
        }
        // a song outside the catalog: popular ones recur, as in real logs
        int v = (int) Math.floor(20_000 * u * u * u);
        SplittableRandom o = rng(6, v);
        String title = Names.pick(o, Names.SONG_WORDS) + " " + Names.pick(o, Names.SONG_WORDS) + " " + v;
        String artist = Names.pick(o, Names.ARTIST_WORDS) + " " + Names.pick(o, Names.ARTIST_NOUNS) + " " + (v % 503);
        double length = Math.round((90 + o.nextDouble() * 300) * 100_000) / 100_000.0;
        return new Event(ts, session, item, user, "NextSong", true, level, title, artist, length);
    }

    private static int hourOfDay(SplittableRandom r) {
        double total = 0;
        for (double w : HOUR_WEIGHTS) {
            total += w;
        }
        double x = r.nextDouble() * total;
        for (int h = 0; h < 24; h++) {
            x -= HOUR_WEIGHTS[h];
            if (x < 0) {
                return h;
            }
        }
        return 23;
    }

    private static String otherPage(SplittableRandom r) {
        double x = r.nextDouble();
        for (int i = 0; i < OTHER_PAGES.length; i++) {
            x -= OTHER_WEIGHTS[i];
            if (x < 0) {
                return OTHER_PAGES[i];
            }
        }
        return "Home";
    }

    private static void writeEvent(OutputStream out, Event e) throws IOException {
        User u = e.user();
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeStringField("artist", e.artist());
            g.writeStringField("auth", e.loggedIn() ? "Logged In" : "Logged Out");
            g.writeStringField("firstName", e.loggedIn() ? u.firstName() : null);
            g.writeStringField("gender", e.loggedIn() ? u.gender() : null);
            g.writeNumberField("itemInSession", e.item());
            g.writeStringField("lastName", e.loggedIn() ? u.lastName() : null);
            if (e.length() == null) {
                g.writeNullField("length");
            } else {
                g.writeNumberField("length", e.length());
            }
            g.writeStringField("level", e.level());
            g.writeStringField("location", e.loggedIn() ? u.location() : null);
            boolean put = e.page().equals("NextSong") || e.page().equals("Login") || e.page().equals("Logout")
                || e.page().startsWith("Thumbs") || e.page().startsWith("Add") || e.page().equals("Save Settings");
            g.writeStringField("method", put ? "PUT" : "GET");
            g.writeStringField("page", e.page());
            g.writeFieldName("registration");
            if (e.loggedIn()) {
                g.writeNumber(u.registration() + ".0");
            } else {
                g.writeNull();
            }
            g.writeNumberField("sessionId", e.sessionId());
            g.writeStringField("song", e.song());
            g.writeNumberField("status", e.page().equals("Login") || e.page().equals("Logout") ? 307 : 200);
            g.writeNumberField("ts", e.ts());
            g.writeStringField("userAgent", e.loggedIn() ? u.userAgent() : null);
            g.writeStringField("userId", e.loggedIn() ? u.id() : "");
            g.writeEndObject();
        }
    }
}
