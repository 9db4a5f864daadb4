package encore.source;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Song records as newline-delimited JSON, one object per record with the staged field names
 * (and the record's file and line), for DuckDB's JSON reader: writing a chunk of records here,
 * on a reader thread, and loading them all with one statement is many times cheaper than
 * appending them value by value. Numbers are written exactly (shortest round-trip form).
 */
public final class SongLines {

    private static final JsonFactory JSON = Json.FACTORY;

    private SongLines() {
    }

    public static byte[] of(List<SongRecord> songs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(256, songs.size() * 400));
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.setRootValueSeparator(null);
            for (SongRecord s : songs) {
                g.writeStartObject();
                number(g, "num_songs", s.numSongs());
                g.writeStringField("artist_id", s.artistId());
                number(g, "artist_latitude", s.artistLatitude());
                number(g, "artist_longitude", s.artistLongitude());
                g.writeStringField("artist_location", s.artistLocation());
                g.writeStringField("artist_name", s.artistName());
                g.writeStringField("song_id", s.songId());
                g.writeStringField("title", s.title());
                number(g, "duration", s.duration());
                number(g, "year", s.year());
                g.writeStringField("source_file", s.sourceFile());
                g.writeNumberField("source_line", s.sourceLine());
                g.writeEndObject();
                g.writeRaw('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory does not fail
        }
        return out.toByteArray();
    }

    private static void number(JsonGenerator g, String name, Number n) throws IOException {
        g.writeFieldName(name);
        if (n == null) {
            g.writeNull();
        } else if (n instanceof Double d) {
            g.writeNumber(d);
        } else {
            g.writeNumber(n.intValue());
        }
    }
}
