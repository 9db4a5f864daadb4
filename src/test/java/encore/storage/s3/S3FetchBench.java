package encore.storage.s3;

import encore.task.Cancellation;
import encore.task.ProgressListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Benchmark (not a test): fills a bucket of the in-process S3 server with N small song files and
 * times the fetch cache mirroring them at several concurrencies, then a re-run with everything
 * cached. Prints objects/s. Run by {@code bench/s3-fetch-bench.sh}.
 *
 * <p>Arguments: objects (default 100000), then the concurrencies to try (default 16 64 256).
 */
public final class S3FetchBench {

    private S3FetchBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        List<Integer> concurrencies = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            concurrencies.add(Integer.parseInt(args[i]));
        }
        if (concurrencies.isEmpty()) {
            concurrencies = List.of(16, S3Settings.DEFAULT_CONCURRENCY, 256);
        }
        long t0 = System.nanoTime();
        S3TestServer server = S3TestServer.get();
        String bucket = server.newBucket("bench");
        System.out.printf("server started in %.1f s at %s%n", (System.nanoTime() - t0) / 1e9, server.endpoint());
        t0 = System.nanoTime();
        long bytes = 0;
        for (int i = 0; i < n; i++) {
            String id = String.format("TR%016d", i);
            byte[] body = ("{\"num_songs\": 1, \"artist_id\": \"AR" + (i % 9973) + "\", \"artist_latitude\": null, "
                + "\"artist_longitude\": null, \"artist_location\": \"\", \"artist_name\": \"Artist " + (i % 9973)
                + "\", \"song_id\": \"SO" + i + "\", \"title\": \"Song number " + i + "\", \"duration\": 218.93179, "
                + "\"year\": 0}").getBytes(StandardCharsets.UTF_8);
            bytes += body.length;
            server.putDirect(bucket, "bench/song_data/" + id.charAt(17) + "/" + id.charAt(16) + "/" + id + ".json", body);
        }
        System.out.printf("put %,d objects (%,d bytes, %,d bytes each on average) in %.1f s%n", n, bytes, bytes / n,
            (System.nanoTime() - t0) / 1e9);
        S3Location location = S3Location.parse("s3://" + bucket + "/bench");
        Path work = Files.createTempDirectory("encore-s3-bench");
        try {
            System.out.println("uptime: " + uptime());
            System.out.println("concurrency  objects  seconds  objects/s  MiB/s");
            // one short warm-up, so the first measured run does not pay for class loading and JIT
            try (S3Clients clients = server.clients(server.settings().withConcurrency(concurrencies.get(0)))) {
                S3Location warm = S3Location.parse("s3://" + bucket + "/bench/song_data/0/0");
                new S3FetchCache(clients, work.resolve("warmup")).mirror(warm, ProgressListener.NONE, new Cancellation());
            }
            for (int c : concurrencies) {
                Path cache = work.resolve("c" + c);
                try (S3Clients clients = server.clients(server.settings().withConcurrency(c))) {
                    long start = System.nanoTime();
                    S3FetchCache.Result r = new S3FetchCache(clients, cache).mirror(location, ProgressListener.NONE, new Cancellation());
                    double s = (System.nanoTime() - start) / 1e9;
                    if (r.fetched() != n) {
                        throw new IllegalStateException("fetched " + r.fetched() + " of " + n);
                    }
                    System.out.printf("%11d  %,7d  %7.1f  %,9.0f  %5.2f%n", c, r.fetched(), s, r.fetched() / s,
                        r.fetchedBytes() / s / (1 << 20));
                }
                if (c != concurrencies.get(concurrencies.size() - 1)) {
                    delete(cache);
                }
            }
            int last = concurrencies.get(concurrencies.size() - 1);
            try (S3Clients clients = server.clients(server.settings().withConcurrency(last))) {
                long start = System.nanoTime();
                S3FetchCache.Result r = new S3FetchCache(clients, work.resolve("c" + last))
                    .mirror(location, ProgressListener.NONE, new Cancellation());
                double s = (System.nanoTime() - start) / 1e9;
                System.out.printf("re-run with everything cached (concurrency %d): %,d objects listed and checked, %,d fetched, in %.1f s (%,.0f objects/s)%n",
                    last, r.cached(), r.fetched(), s, r.cached() / s);
            }
            System.out.println("uptime: " + uptime());
        } finally {
            delete(work);
            server.stop();
        }
        System.exit(0);
    }

    private static String uptime() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "?";
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
