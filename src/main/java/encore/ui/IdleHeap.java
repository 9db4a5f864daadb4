package encore.ui;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives unused heap back to the operating system without stopping the UI: instead of full
 * collections between load steps (which pause every thread), the G1 collector runs a concurrent
 * cycle when the app has been idle for a while and uncommits what it does not need.
 */
final class IdleHeap {

    private static final Logger LOG = LoggerFactory.getLogger(IdleHeap.class);
    private static final String INTERVAL_MS = "15000";

    private IdleHeap() {
    }

    static void returnPeriodically() {
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            if (vm != null && "0".equals(vm.getVMOption("G1PeriodicGCInterval").getValue())) {
                vm.setVMOption("G1PeriodicGCInterval", INTERVAL_MS);
            }
        } catch (RuntimeException e) {
            // another collector, or a JVM without the option: the heap is simply kept
            LOG.debug("Periodic heap return not available: {}", e.toString());
        }
    }
}
