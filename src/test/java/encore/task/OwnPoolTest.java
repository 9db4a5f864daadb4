package encore.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Parallel work of a bulk task runs on threads of the task's own (lowered) priority. */
class OwnPoolTest {

    /** Runs a parallel stream and returns the nice values of the threads that ran its elements. */
    private static Set<Integer> nicesOfAParallelStream() {
        Set<Integer> nices = ConcurrentHashMap.newKeySet();
        IntStream.range(0, 64).parallel().forEach(i -> {
            nices.add(ThreadPriority.currentNice());
            try {
                Thread.sleep(5); // long enough for every worker of the pool to take some elements
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return nices;
    }

    @Test
    void parallel_work_inherits_the_callers_priority_unlike_the_common_pool() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "Linux only");
        Integer normal = ThreadPriority.currentNice();
        assertThat(normal).isNotNull();
        assumeTrue(normal < ThreadPriority.NICE, "this test runs at a normal priority");
        // the JVM-wide pool's workers are started now, from a thread of normal priority
        nicesOfAParallelStream();

        AtomicReference<Set<Integer>> onCommonPool = new AtomicReference<>();
        AtomicReference<Set<Integer>> onOwnPool = new AtomicReference<>();
        Thread bulk = new Thread(() -> {
            ThreadPriority.lowerCurrentThread();
            onCommonPool.set(nicesOfAParallelStream());
            onOwnPool.set(OwnPool.call(2, OwnPoolTest::nicesOfAParallelStream));
        });
        bulk.start();
        bulk.join();

        // what the scan did before: part of a load ran at normal priority
        assertThat(onCommonPool.get()).contains(normal);
        assertThat(onOwnPool.get()).containsExactly(ThreadPriority.NICE);
    }

    @Test
    void failures_and_results_come_back_to_the_caller() {
        assertThat(OwnPool.call(2, () -> IntStream.rangeClosed(1, 100).parallel().sum())).isEqualTo(5050);
        assertThatThrownBy(() -> OwnPool.call(2, () -> {
            throw new EncoreException("Cannot list /data: denied", "check the folder's permissions");
        })).isInstanceOf(EncoreException.class).hasMessageContaining("Cannot list /data");
    }
}
