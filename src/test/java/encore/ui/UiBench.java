package encore.ui;

import encore.config.UserSettings;
import encore.generate.DatasetGenerator;
import encore.generate.GeneratorSpec;
import encore.task.Cancellation;
import encore.task.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

/**
 * Measures how responsive the window stays during an ETL: a pulse probe (an animation timer)
 * records the gaps between frames while a load of generated data runs from the Data view. A gap
 * is time the FX thread could not draw; for each gap over 50 ms it prints how much CPU the FX
 * thread, the renderer and the whole process used in it. With {@code -Dencore.bench.stacks=true}
 * a watchdog also prints where the FX thread was during each stall (diagnosis only: sampling
 * stacks stops the JVM for a while). Run by {@code bench/ui-bench.sh} under xvfb-run.
 */
public final class UiBench {

    /** Gaps longer than this are described one by one (default 50 ms; lower it to study shorter ones). */
    private static final long REPORT_MS = Long.getLong("encore.bench.reportMs", 50);

    private UiBench() {
    }

    private static Thread findThread(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name)).findFirst().orElse(null);
    }

    public static void main(String[] args) throws Exception {
        int songs = Integer.parseInt(args.length > 0 ? args[0] : "20000");
        int eventsPerDay = Integer.parseInt(args.length > 1 ? args[1] : "10000");
        Path work = Files.createTempDirectory("encore-uibench");
        System.setProperty("encore.configDir", work.resolve("config").toString());
        Path data = work.resolve("data");
        new DatasetGenerator(new GeneratorSpec(data, songs, 30, 2000, eventsPerDay, 11, LocalDate.of(2018, 11, 1), 0.3))
            .generate(ProgressListener.NONE, new Cancellation());
        // the generator's garbage is this bench's, not the app's: collect it before the app starts
        System.gc();

        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await();
        AtomicLong last = new AtomicLong();
        AtomicLong maxGap = new AtomicLong();
        AtomicLong maxGapAt = new AtomicLong();
        AtomicLong over50 = new AtomicLong();
        AtomicLong frames = new AtomicLong();
        long[] lastCpu = new long[1];
        // the renderer's and the whole process's CPU at the last frame: where a long gap's time went
        long[] lastRendererCpu = new long[1];
        long[] lastProcessCpu = new long[1];
        long[] rendererId = {-1};
        // the scheduler's view of the window's threads and the X server at the last frame (Linux)
        SchedulerView[] sched = new SchedulerView[1];
        SchedulerView.Sched[][] lastSched = new SchedulerView.Sched[1][];
        long[] lastSteal = new long[1];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        java.util.List<String> longGaps = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean measuring = new java.util.concurrent.atomic.AtomicBoolean();
        AtomicLong outcomeGap = new AtomicLong(-1);
        Label[] outcomeLabel = new Label[1];
        AtomicLong afterMax = new AtomicLong();
        MainWindow[] window = new MainWindow[1];
        AppModel[] app = new AppModel[1];
        CountDownLatch shown = new CountDownLatch(1);
        Platform.runLater(() -> {
            AppModel model = new AppModel(UserSettings.load());
            app[0] = model;
            window[0] = new MainWindow(model);
            Stage stage = new Stage();
            // styled as the app is: what the renderer draws depends on the stylesheet
            stage.setScene(Fx.styledScene(window[0], 1280, 820));
            stage.show();
            model.page().set(AppModel.Page.DATA);
            ((TextField) window[0].lookup("#data-root")).setText(data.toString());
            ((TextField) window[0].lookup("#warehouse-file")).setText(work.resolve("w.duckdb").toString());
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    long prev = last.getAndSet(now);
                    long cpuNow = threads.getCurrentThreadCpuTime();
                    long cpuGap = (cpuNow - lastCpu[0]) / 1_000_000;
                    lastCpu[0] = cpuNow;
                    if (rendererId[0] < 0) {
                        Thread renderer = findThread("QuantumRenderer-0");
                        rendererId[0] = renderer == null ? 0 : renderer.getId();
                    }
                    long rendererNow = rendererId[0] > 0 ? threads.getThreadCpuTime(rendererId[0]) : 0;
                    long rendererGap = (rendererNow - lastRendererCpu[0]) / 1_000_000;
                    lastRendererCpu[0] = rendererNow;
                    long processNow = os.getProcessCpuTime();
                    long processGap = (processNow - lastProcessCpu[0]) / 1_000_000;
                    lastProcessCpu[0] = processNow;
                    if (sched[0] == null) {
                        sched[0] = new SchedulerView(List.of("JavaFX Application Thread", "QuantumRenderer-0"));
                    }
                    SchedulerView.Sched[] schedBefore = lastSched[0];
                    SchedulerView.Sched[] schedNow = sched[0].sample();
                    lastSched[0] = schedNow;
                    long stealBefore = lastSteal[0];
                    long stealNow = SchedulerView.stealMillis();
                    lastSteal[0] = stealNow;
                    if (prev != 0) {
                        long gap = (now - prev) / 1_000_000;
                        frames.incrementAndGet();
                        if (outcomeLabel[0] == null) {
                            outcomeLabel[0] = (Label) window[0].lookup("#etl-outcome");
                        }
                        if (measuring.get() && outcomeGap.get() < 0 && !outcomeLabel[0].getText().isEmpty()) {
                            outcomeGap.set(gap); // the frame that shows the load's outcome (and its summary's tab)
                        }
                        if (gap > afterMax.get()) {
                            afterMax.set(gap);
                        }
                        if (gap > maxGap.get()) {
                            maxGap.set(gap);
                            maxGapAt.set(java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
                        }
                        if (gap > 50) {
                            over50.incrementAndGet();
                        }
                        if (gap > REPORT_MS) {
                            if (measuring.get()) {
                                long up = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
                                longGaps.add(gap + " ms (" + (gap > 50 ? "over 50 ms" : "not over 50 ms") + "; CPU in it: FX thread " + cpuGap + " ms, renderer " + rendererGap + " ms, whole process "
                                    + processGap + " ms of at most " + Runtime.getRuntime().availableProcessors() * gap + ") ending at JVM uptime " + up + " ms (nanoTime " + now + ")"
                                    + (schedBefore == null ? "" : "; scheduler: " + sched[0].between(schedBefore, schedNow))
                                    + (stealBefore < 0 || stealNow < 0 ? "" : "; stolen by the host: " + (stealNow - stealBefore) + " ms of the cores' time"));
                            }
                        }
                    }
                }
            }.start();
            shown.countDown();
        });
        shown.await();
        Thread fx = findThread("JavaFX Application Thread");
        Thread watchdog = new Thread(() -> {
            // where the FX thread is while no frame has come for over 40 ms during the load (one stack per gap)
            long reported = 0;
            while (!Thread.currentThread().isInterrupted()) {
                long prev = last.get();
                long stalled = (System.nanoTime() - prev) / 1_000_000;
                if (measuring.get() && prev != 0 && stalled > 40 && prev != reported && fx != null) {
                    reported = prev;
                    StringBuilder b = new StringBuilder("FX thread stalled " + stalled + " ms (JVM uptime " + (java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() - stalled) + " ms at the last frame) at:\n");
                    for (StackTraceElement e : fx.getStackTrace()) {
                        if (b.length() < 12000) {
                            b.append("    ").append(e).append('\n');
                        }
                    }
                    Thread renderer = findThread("QuantumRenderer-0");
                    if (renderer != null) {
                        // the FX thread waits for the renderer to finish the previous frame: what it draws
                        b.append("  the renderer at:\n");
                        for (StackTraceElement e : renderer.getStackTrace()) {
                            if (b.length() < 20000) {
                                b.append("    ").append(e).append('\n');
                            }
                        }
                    }
                    System.out.print(b);
                    if (fx.getStackTrace().length > 0) {
                        // a second sample a little later: a long gap often has more than one cause
                        try {
                            Thread.sleep(10);
                        } catch (InterruptedException e) {
                            return;
                        }
                        StringBuilder again = new StringBuilder("  10 ms later:\n");
                        for (StackTraceElement e : fx.getStackTrace()) {
                            if (again.length() < 1500) {
                                again.append("    ").append(e).append('\n');
                            }
                        }
                        System.out.print(again);
                    }
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "fx-watchdog");
        watchdog.setDaemon(true);
        if (Boolean.getBoolean("encore.bench.stacks")) {
            // off by default: each stack sample stops the JVM (about 10 ms) and so lengthens the gap it reports
            watchdog.start();
        }
        if (Boolean.parseBoolean(System.getProperty("encore.bench.visitAll", "true"))) {
            // as a user who looked around the sample first: every view built (views are built when
            // first shown), so each one the load's new warehouse concerns is there, hidden
            for (AppModel.Page page : List.of(AppModel.Page.DASHBOARD, AppModel.Page.EXPLORE, AppModel.Page.PIPELINE, AppModel.Page.LAKE, AppModel.Page.DATA)) {
                Platform.runLater(() -> app[0].page().set(page));
                Thread.sleep(500);
            }
        }
        // the window idles this long before the load starts (a user reads it first): default 1 s
        Thread.sleep(Long.getLong("encore.bench.idleMs", 1000));
        maxGap.set(0);
        over50.set(0);
        frames.set(0);
        // a second probe, of the FX thread alone: a task posted every 10 ms, and how long it waited to run
        AtomicLong answerMax = new AtomicLong();
        Thread poster = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                long posted = System.nanoTime();
                Platform.runLater(() -> answerMax.accumulateAndGet((System.nanoTime() - posted) / 1_000_000, Math::max));
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "fx-answer-probe");
        poster.setDaemon(true);
        poster.start();
        measuring.set(true);
        long t0 = System.nanoTime();
        long clickedAt = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        Platform.runLater(() -> ((Button) window[0].lookup("#run-etl-button")).fire());
        Label[] outcome = new Label[1];
        while (true) {
            CountDownLatch read = new CountDownLatch(1);
            String[] text = new String[1];
            Platform.runLater(() -> {
                outcome[0] = (Label) window[0].lookup("#etl-outcome");
                text[0] = outcome[0].getText() + "|" + ((Label) window[0].lookup("#data-error")).getText();
                read.countDown();
            });
            read.await(10, TimeUnit.SECONDS);
            if (text[0] != null && (text[0].startsWith("Loaded") || text[0].length() > 1 && !text[0].endsWith("|"))) {
                System.out.println("outcome: " + text[0]);
                break;
            }
            Thread.sleep(100);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long seenAt = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        long longest = maxGap.get();
        long longestAt = maxGapAt.get();
        long over = over50.get();
        int gapsDuringLoad = longGaps.size();
        // the second after: the summary's contents and the other views' refresh from the new warehouse
        long answerDuringLoad = answerMax.getAndSet(0);
        afterMax.set(0);
        Thread.sleep(1000);
        measuring.set(false);
        System.out.printf("ETL in the app: %.1f s, %d frames, longest gap between frames %d ms (ending at JVM uptime %d ms), gaps over 50 ms: %d"
            + " (run clicked at JVM uptime %d ms, outcome seen at %d ms)%n",
            seconds, frames.get(), longest, longestAt, over, clickedAt, seenAt);
        List<String> gaps = List.copyOf(longGaps);
        for (int i = 0; i < gaps.size(); i++) {
            System.out.println((i < gapsDuringLoad ? "gap: " : "gap after the outcome: ") + gaps.get(i));
        }
        System.out.printf("the FX thread's answer to a task posted every 10 ms: longest wait %d ms during the load, %d ms in the second after%n",
            answerDuringLoad, answerMax.get());
        System.out.printf("the frame that showed the outcome: %d ms; longest gap in the second after the outcome was seen: %d ms%n",
            outcomeGap.get(), afterMax.get());
        Platform.exit();
        // the generated data and the warehouse (about 300 MB a run) go with the run
        encore.storage.Folders.deleteRecursively(work);
        System.exit(0);
    }
}
