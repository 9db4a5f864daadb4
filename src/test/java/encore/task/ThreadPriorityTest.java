package encore.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Bulk-work threads run at a lower OS priority; other threads of the process keep theirs. */
class ThreadPriorityTest {

    @Test
    void lowers_only_the_calling_thread() throws Exception {
        Integer before = ThreadPriority.currentNice();
        // Encore's desktop builds run on Linux here; the priority is per thread only there
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "Linux only");
        assertThat(before).as("nice value of this thread").isNotNull();

        AtomicReference<Integer> inBulkThread = new AtomicReference<>();
        AtomicReference<Boolean> lowered = new AtomicReference<>();
        AtomicReference<Integer> inItsChild = new AtomicReference<>();
        Thread bulk = new Thread(() -> {
            lowered.set(ThreadPriority.lowerCurrentThread());
            inBulkThread.set(ThreadPriority.currentNice());
            // a load's readers are started by the bulk thread: they inherit its priority
            Thread child = new Thread(() -> inItsChild.set(ThreadPriority.currentNice()));
            child.start();
            try {
                child.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        bulk.start();
        bulk.join();

        assertThat(lowered.get()).isTrue();
        assertThat(inBulkThread.get()).isEqualTo(Math.max(before, ThreadPriority.NICE));
        assertThat(inItsChild.get()).isEqualTo(inBulkThread.get());
        assertThat(ThreadPriority.currentNice()).as("the calling thread is untouched").isEqualTo(before);
    }
}
