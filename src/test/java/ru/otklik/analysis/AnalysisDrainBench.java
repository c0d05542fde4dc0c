package ru.otklik.analysis;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import ru.otklik.nlp.TextAnalyzer;
import ru.otklik.nlp.data.LabeledText;
import ru.otklik.nlp.data.SharedDatasets;

/**
 * The analysis queue's pace next to its limit, measured in one run on the embedded database: the bare
 * analyzer ({@link TextAnalyzer} on 2 threads, what the {@code analyze} command does) over the same texts,
 * then the service draining N queued posts (analysis, storage, incidents, alerts, search), then the latency
 * from a post's commit to its analysis and incident being committed while posts arrive at a steady rate.
 *
 * <p>Not part of the suite (it prints figures, it asserts nothing). Run it with
 * <pre>./mvnw -B -o test -Dtest=AnalysisDrainBench -Dbench=true [-Dbench.posts=5000]
 *     [-Dbench.rate=100] [-Dbench.seconds=30] [-Dbench.shared=../shared]</pre>
 * The texts are the Kursk appeals in {@code ../shared/datasets} (cycled up to N) when present, else the
 * committed sample posts.
 */
@QuarkusTest
@TestProfile(AnalysisDrainBench.Quiet.class)
@Tag("bench")
@EnabledIfSystemProperty(named = "bench", matches = "true")
class AnalysisDrainBench {

    /** The test profile logs every incident at DEBUG; a benchmark should not time its own logging. */
    public static class Quiet implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.log.category.\"ru.otklik\".level", "INFO");
        }
    }

    private static final int POSTS = Integer.getInteger("bench.posts", 5000);
    private static final int RATE = Integer.getInteger("bench.rate", 100);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 30);
    private static final Path SHARED = Path.of(System.getProperty("bench.shared", "../shared"), "datasets");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void drainNextToTheAnalyzer() throws Exception {
        List<String> texts = texts();
        waitForEmptyQueue(600);
        double bare = bareRate(texts);
        double queue = drainRate(texts);
        System.out.printf(Locale.ROOT, "%n=== analysis from the queue: %d posts (%s) ===%n", POSTS, source());
        System.out.printf(Locale.ROOT, "bare analyzer, 2 threads:    %8.1f posts/s%n", bare);
        System.out.printf(Locale.ROOT, "queue drain (service):       %8.1f posts/s   ratio %.3f (goal >= 0.8)%n",
                queue, queue / bare);
        if (SECONDS > 0) {
            long[] latencies = steadyLatencies(texts);
            System.out.printf(Locale.ROOT, "steady %d posts/s for %d s:  p50 %d ms, p99 %d ms, max %d ms (goal p99 <= 2000 ms)%n",
                    RATE, SECONDS, percentile(latencies, 0.5), percentile(latencies, 0.99),
                    latencies.length == 0 ? 0 : latencies[latencies.length - 1]);
        }
        System.out.println();
    }

    private static String source() {
        return Files.isDirectory(SHARED.resolve("kursk-citizen-appeals")) ? "Kursk appeals" : "sample posts";
    }

    private static List<String> texts() throws Exception {
        if (Files.isDirectory(SHARED.resolve("kursk-citizen-appeals"))) {
            return new SharedDatasets(SHARED).kursk("Категория").stream().map(LabeledText::text).toList();
        }
        return Files.readAllLines(Path.of("src/test/resources/nlp/bench-posts.txt"), StandardCharsets.UTF_8)
                .stream().filter(s -> !s.isBlank()).toList();
    }

    /** Posts per second of the bare analyzer on 2 threads over N texts, after a short warm-up. */
    private static double bareRate(List<String> texts) throws Exception {
        TextAnalyzer analyzer = TextAnalyzer.loadDefault();
        for (int i = 0; i < Math.min(200, texts.size()); i++) {
            analyzer.analyze("warm", texts.get(i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            done.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < POSTS; i = next.getAndIncrement()) {
                    analyzer.analyze("b" + i, texts.get(i % texts.size()));
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return POSTS / seconds;
    }

    /** Posts per second from committing N posts in one statement to the queue being empty. */
    private double drainRate(List<String> texts) throws Exception {
        long sourceId = source("drain");
        List<String> batch = new ArrayList<>();
        for (int i = 0; i < POSTS; i++) {
            batch.add(texts.get(i % texts.size()));
        }
        long start = System.nanoTime();
        insert(sourceId, "d", batch, 0);
        waitForEmptyQueue(3600);
        return POSTS / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * Posts arrive {@code RATE} a second, ten times a second; each post's latency is from its insert's commit
     * to the harness seeing it analysed (its incident, if any, is committed in the same transaction).
     */
    private long[] steadyLatencies(List<String> texts) throws Exception {
        long sourceId = source("steady");
        int perTick = Math.max(1, RATE / 10);
        Map<Long, Long> outstanding = new HashMap<>();
        List<Long> latencies = new ArrayList<>();
        long start = System.nanoTime();
        int sent = 0;
        int total = RATE * SECONDS;
        while (sent < total || !outstanding.isEmpty()) {
            long tick = start + (long) (sent / perTick) * 100_000_000L;
            if (sent < total && System.nanoTime() >= tick) {
                List<String> chunk = new ArrayList<>();
                for (int i = 0; i < perTick && sent + i < total; i++) {
                    chunk.add(texts.get((POSTS + sent + i) % texts.size()));
                }
                long committed = System.nanoTime();
                for (long id : insert(sourceId, "s", chunk, sent)) {
                    outstanding.put(id, committed);
                }
                sent += chunk.size();
            }
            if (!outstanding.isEmpty()) {
                long now = System.nanoTime();
                for (long id : analysedOf(outstanding.keySet())) {
                    latencies.add((now - outstanding.remove(id)) / 1_000_000);
                }
            }
            Thread.sleep(10);
        }
        return latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    private static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
    }

    private long source(String kind) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "insert into source (key, kind) values (?, 'rss') returning id")) {
            st.setString(1, "bench-" + kind + "-" + UUID.randomUUID());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Inserts the texts as new posts published over the last 3 days, in one statement; returns their ids. */
    private List<Long> insert(long sourceId, String prefix, List<String> texts, int offset) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                insert into post (source_id, external_id, author_handle, author_pseudonym, text, content_hash,
                                  published_at, fetched_at, views, likes)
                select ?, ? || (n + ?), 'author' || (n % 997), md5('author' || (n % 997)), t, md5(t),
                       now() - make_interval(secs => (n * 7919 % 259200)), now(), n % 500, n % 20
                from unnest(?::text[]) with ordinality as x(t, n)
                returning id""")) {
            Array array = c.createArrayOf("text", texts.toArray());
            st.setLong(1, sourceId);
            st.setString(2, prefix);
            st.setInt(3, offset);
            st.setArray(4, array);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        }
    }

    private List<Long> analysedOf(java.util.Set<Long> ids) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "select id from post where id = any(?) and analysis_state <> 'pending'")) {
            st.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            List<Long> done = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    done.add(rs.getLong(1));
                }
            }
            return done;
        }
    }

    private void waitForEmptyQueue(int maxSeconds) throws Exception {
        long deadline = System.nanoTime() + maxSeconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                    "select count(*) from post where analysis_state = 'pending'");
                 ResultSet rs = st.executeQuery()) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("The analysis queue did not empty in " + maxSeconds + " s");
    }
}
