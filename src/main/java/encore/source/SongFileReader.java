package encore.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one song file: a single object, several objects one after another, an array of objects,
 * or pretty-printed JSON. Bad objects are rejected one by one; a syntax error rejects the rest of
 * the file from where it starts, keeping the objects read before it.
 */
public final class SongFileReader {

    private static final JsonFactory JSON = Json.FACTORY;

    public record Result(List<SongRecord> songs, List<Rejection> rejections) {
    }

    public Result read(Path file) {
        String name = file.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return cannotRead(name, e);
        }
        return parse(name, bytes);
    }

    /**
     * Reads one file for staging: its records go to {@code out} as staged lines ({@link SongLines})
     * and its rejections (usually none) are returned. A file that is one plain object
     * ({@link FastSongObject}, the usual case) is staged from its own bytes, with no record built;
     * any other is parsed as by {@link #read}.
     */
    public List<Rejection> readInto(Path file, ByteArrayOutputStream out) {
        String name = file.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return cannotRead(name, e).rejections();
        }
        if (writeIfPlain(name, bytes, out)) {
            return List.of();
        }
        Result result = parse(name, bytes);
        out.writeBytes(SongLines.of(result.songs()));
        return result.rejections();
    }

    /** Writes the file's staged line from its own bytes if it is one plain object; false if not. */
    static boolean writeIfPlain(String name, byte[] bytes, ByteArrayOutputStream out) {
        int open = FastSongObject.plainObjectStart(bytes, 0, bytes.length);
        if (open < 0) {
            return false;
        }
        int close = bytes.length - 1;
        while (bytes[close] != '}') {
            close--;
        }
        SongLines.writePlain(out, name, bytes, open, close);
        return true;
    }

    Result parse(String name, byte[] bytes) {
        int start = Utf8.bomLength(bytes);
        if (Utf8.isBlank(bytes, start)) {
            return reject(name, null, "empty file", "");
        }
        List<SongRecord> songs = new ArrayList<>(1);
        List<Rejection> rejections = new ArrayList<>(0);
        long objectStart = start;
        int objectLine = 1;
        try (JsonParser p = JSON.createParser(bytes, start, bytes.length - start)) {
            JsonToken t = p.nextToken();
            boolean inArray = false;
            if (t == JsonToken.START_ARRAY) {
                inArray = true;
                t = p.nextToken();
            }
            while (t != null && !(inArray && t == JsonToken.END_ARRAY)) {
                objectStart = start + p.currentTokenLocation().getByteOffset();
                objectLine = p.currentTokenLocation().getLineNr();
                if (t != JsonToken.START_OBJECT) {
                    rejections.add(new Rejection(Rejection.Kind.SONG, name, objectLine,
                        "expected a JSON object, got " + JsonFields.describe(t), Utf8.text(bytes, (int) objectStart, bytes.length)));
                    return new Result(songs, rejections);
                }
                SongOrReason parsed = parseSong(p, name, objectLine);
                if (parsed.reason != null) {
                    long end = start + p.currentLocation().getByteOffset();
                    rejections.add(new Rejection(Rejection.Kind.SONG, name, objectLine, parsed.reason,
                        Rejection.clip(Utf8.text(bytes, (int) objectStart, (int) end))));
                } else {
                    songs.add(parsed.song);
                }
                t = p.nextToken();
            }
        } catch (JsonProcessingException e) {
            rejections.add(new Rejection(Rejection.Kind.SONG, name, objectLine, Utf8.reason(e),
                Rejection.clip(Utf8.text(bytes, (int) objectStart, bytes.length))));
        } catch (IOException e) {
            rejections.add(new Rejection(Rejection.Kind.SONG, name, objectLine, "cannot read file: " + e.getMessage(), null));
        }
        return new Result(songs, rejections);
    }

    private record SongOrReason(SongRecord song, String reason) {
    }

    private static SongOrReason parseSong(JsonParser p, String file, int line) throws IOException {
        JsonFields f = JsonFields.create();
        Long numSongs = null;
        Long year = null;
        Double lat = null, lon = null, duration = null;
        String artistId = null, location = null, artistName = null, songId = null, title = null;
        String firstError = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "num_songs" -> numSongs = f.integer(p, field, Integer.MIN_VALUE, Integer.MAX_VALUE);
                case "artist_id" -> artistId = f.text(p, field);
                case "artist_latitude" -> lat = f.decimal(p, field);
                case "artist_longitude" -> lon = f.decimal(p, field);
                case "artist_location" -> location = f.text(p, field);
                case "artist_name" -> artistName = f.text(p, field);
                case "song_id" -> songId = f.text(p, field);
                case "title" -> title = f.text(p, field);
                case "duration" -> duration = f.decimal(p, field);
                case "year" -> year = f.integer(p, field, Integer.MIN_VALUE, Integer.MAX_VALUE);
                default -> p.skipChildren();
            }
            if (f.error != null && firstError == null) {
                firstError = f.error;
            }
        }
        if (firstError != null) {
            return new SongOrReason(null, firstError);
        }
        String missing = songId == null || songId.isBlank() ? "song_id"
            : title == null ? "title"
            : artistId == null || artistId.isBlank() ? "artist_id"
            : artistName == null ? "artist_name" : null;
        if (missing != null) {
            return new SongOrReason(null, "missing required field " + missing);
        }
        return new SongOrReason(new SongRecord(numSongs == null ? null : numSongs.intValue(), artistId, lat, lon,
            location, artistName, songId, title, duration, year == null ? null : year.intValue(), file, line), null);
    }

    private static Result cannotRead(String file, IOException e) {
        return reject(file, null, "cannot read file: " + e.getMessage(), null);
    }

    private static Result reject(String file, Integer line, String reason, String raw) {
        return new Result(List.of(), List.of(new Rejection(Rejection.Kind.SONG, file, line, reason, raw)));
    }
}
