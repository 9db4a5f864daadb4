package encore.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A killed load's temporary folder is removed by the next load; a running load's is left alone. */
class WorkFolderTest {

    @TempDir
    Path tmp;

    @Test
    void folders_of_dead_loads_go_and_those_of_running_loads_stay() throws Exception {
        // a load killed mid-way: its lock file is there, nobody holds its lock
        Path dead = Files.createDirectory(tmp.resolve(WorkFolder.PREFIX + "dead"));
        Files.createFile(dead.resolve(WorkFolder.LOCK));
        Files.write(dead.resolve("log-1.json"), new byte[1000]);
        // a load killed as it began, before its lock file
        Path unlocked = Files.createDirectory(tmp.resolve(WorkFolder.PREFIX + "nolock"));
        // something else that is not a load's
        Path other = Files.createDirectory(tmp.resolve("other-folder"));
        try (WorkFolder running = WorkFolder.create(tmp)) {
            assertThat(dead).doesNotExist();
            assertThat(unlocked).doesNotExist();
            assertThat(other).exists();
            assertThat(running.path()).exists().hasParent(tmp);
            // a second load while the first runs leaves the first one's folder alone
            try (WorkFolder second = WorkFolder.create(tmp)) {
                assertThat(running.path()).exists();
                assertThat(second.path()).exists();
            }
            assertThat(running.path()).exists();
        }
        // closed: removed with everything in it
        try (var left = Files.list(tmp)) {
            assertThat(left).containsExactly(other);
        }
    }

    @Test
    void a_folder_locked_by_another_channel_of_this_process_is_in_use() throws Exception {
        Path busy = Files.createDirectory(tmp.resolve(WorkFolder.PREFIX + "busy"));
        try (FileChannel ch = FileChannel.open(busy.resolve(WorkFolder.LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             var lock = ch.lock()) {
            assertThat(WorkFolder.removeAbandoned(tmp)).isEmpty();
            assertThat(busy).exists();
        }
        assertThat(WorkFolder.removeAbandoned(tmp)).containsExactly(busy);
        assertThat(busy).doesNotExist();
    }
}
