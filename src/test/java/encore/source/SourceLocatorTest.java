package encore.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import encore.task.Cancellation;
import encore.task.EncoreException;
import encore.task.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceLocatorTest {

    @TempDir
    Path root;

    @Test
    void finds_underscore_and_dash_spellings() throws IOException {
        Files.createDirectories(root.resolve("song-data"));
        Files.createDirectories(root.resolve("log_data"));
        SourceLocation loc = SourceLocator.fromRoot(root);
        assertThat(loc.songs().getFileName().toString()).isEqualTo("song-data");
        assertThat(loc.logs().getFileName().toString()).isEqualTo("log_data");
    }

    @Test
    void a_folder_with_neither_names_what_was_expected() {
        assertThatThrownBy(() -> SourceLocator.fromRoot(root))
            .isInstanceOf(EncoreException.class)
            .hasMessageContaining("expected a folder named song_data (or song-data) and/or log_data (or log-data)");
    }

    @Test
    void a_missing_folder_is_named() {
        assertThatThrownBy(() -> SourceLocator.fromFolders(root.resolve("nope"), null))
            .isInstanceOf(EncoreException.class).hasMessageContaining("Song folder not found").hasMessageContaining("nope");
    }

    @Test
    void nested_and_flat_log_layouts_and_deep_song_files_are_found() throws IOException {
        Files.createDirectories(root.resolve("song_data/A/B/C"));
        Files.writeString(root.resolve("song_data/A/B/C/TR1.json"), "{}");
        Files.writeString(root.resolve("song_data/A/B/C/notes.txt"), "ignored");
        Files.createDirectories(root.resolve("log_data/2018/11"));
        Files.writeString(root.resolve("log_data/2018/11/2018-11-02-events.json"), "{}\n");
        Files.writeString(root.resolve("log_data/2018-11-01-events.json"), "{}");

        SourceInventory inv = new SourceScanner(ProgressListener.NONE, new Cancellation()).scan(SourceLocator.fromRoot(root));

        assertThat(inv.songFiles()).hasSize(1);
        assertThat(inv.logFiles()).hasSize(2);
        assertThat(inv.days()).containsExactly(LocalDate.of(2018, 11, 1), LocalDate.of(2018, 11, 2));
        assertThat(inv.songBytes()).isEqualTo(2);
        assertThat(inv.logBytes()).isEqualTo(5);
        assertThat(inv.describe()).doesNotContain("1 song files");
        assertThat(inv.describe()).contains("1 song file (").contains("2 log files").contains("2 days (2018-11-01 to 2018-11-02)");
    }
}
