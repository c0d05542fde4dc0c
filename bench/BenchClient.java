import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import ru.otklik.nlp.data.Csv;

/**
 * The benchmark's HTTP feeder, run as a single source file with the service's jar on the class path
 * ({@code java -cp target/quarkus-app/app/otklik-*.jar bench/BenchClient.java ...}): turns real appeals into posts
 * and hands them to {@code POST /api/posts}.
 *
 * <pre>
 * ingest --url U --key K --csv F --count N --tag T --out DIR [--batch 1000] [--clients 2]
 *     writes DIR/copy.csv (the same rows for COPY) and DIR/analyze.jsonl (the same texts for `analyze`),
 *     and each batch's body as DIR/batches/NNNNN.json, then posts the batches from the clients (a curl process
 *     each, DIR/batches/NNNNN.json.answer its answers); prints one line of key=value results.
 * steady --url U --key K --csv F --rate R --seconds S --tag T --out FILE
 *     posts R posts a second for S seconds (a batch every 100 ms) and writes "external_id,sent_ms" per post.
 * </pre>
 * Texts are the "Текст Сообщения" column of the Kursk appeals, cycled when more posts than appeals are asked.
 */
public final class BenchClient {

    private static final HttpClient HTTP = client();

    public static void main(String[] argv) throws Exception {
        if (argv.length == 0) {
            throw new IllegalArgumentException("usage: BenchClient ingest|steady --option value ...");
        }
        Map<String, String> o = options(argv);
        switch (argv[0]) {
            case "ingest" -> ingest(o);
            case "steady" -> steady(o);
            default -> throw new IllegalArgumentException("unknown command " + argv[0]);
        }
    }

    private static void ingest(Map<String, String> o) throws Exception {
        List<String> texts = texts(Path.of(need(o, "csv")));
        int count = Integer.parseInt(need(o, "count"));
        int batch = Integer.parseInt(o.getOrDefault("batch", "1000"));
        int clients = Integer.parseInt(o.getOrDefault("clients", "2"));
        String tag = need(o, "tag");
        Path out = Path.of(need(o, "out"));
        Instant published = Instant.now().minusSeconds(3600);
        // Client c sends batches c, c + clients, ... of its own source, as separate feeders would.
        List<Post> posts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            posts.add(new Post("bench-feeder-" + (i / batch % clients + 1), tag + "-" + i, texts.get(i % texts.size()),
                    "id" + (i % 5000), published.plusMillis(i)));
        }
        writeCopyFile(posts, out.resolve("copy.csv"));
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("analyze.jsonl")))) {
            posts.forEach(p -> w.println("{\"id\":" + json(p.externalId) + ",\"text\":" + json(p.text) + "}"));
        }
        // The bodies are written to files before the clock starts, as COPY's file is, and each client is one curl
        // process sending its batches over one kept-alive HTTP/1.1 connection, as psql is COPY's client: the figure
        // is the service's, not a load generator's. Until 2026-12-06 a fresh JVM's HttpClient sent them and took
        // 0.08-0.11 ms of CPU a post from the same two cores (a fifth of a warm ingest's whole cost).
        Path dir = Files.createDirectories(out.resolve("batches"));
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < count; i += batch) {
            Path file = dir.resolve(String.format("%05d.json", i / batch));
            Files.writeString(file, body(posts.subList(i, Math.min(count, i + batch))));
            files.add(file);
        }
        List<Process> running = new ArrayList<>();
        long first = System.currentTimeMillis();
        long t0 = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            List<Path> own = new ArrayList<>();
            for (int b = c; b < files.size(); b += clients) {
                own.add(files.get(b));
            }
            running.add(curl(o, own));
        }
        double clientCpu = 0;
        List<String> codes = new ArrayList<>();
        for (Process p : running) {
            List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            if (p.waitFor() != 0 || lines.size() < 2) {
                throw new IOException("curl failed: " + new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            }
            // the last two lines are bash's times: its own CPU, then its children's
            codes.addAll(lines.subList(0, lines.size() - 2));
            clientCpu += childrenCpuSeconds(lines.get(lines.size() - 1));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        int created = 0;
        List<String> failures = new ArrayList<>();
        for (Path file : files) {
            Path answer = Path.of(file + ".answer");
            created += Files.exists(answer) ? count(Files.readString(answer), "\"status\":\"created\"") : 0;
        }
        for (int i = 0; i < codes.size(); i++) {
            if (!codes.get(i).equals("200")) {
                failures.add(codes.get(i));
            }
        }
        failures.stream().limit(3).forEach(f -> System.err.println("refused batch: HTTP " + abbreviate(f)));
        System.out.printf("posts=%d created=%d failed_batches=%d seconds=%.3f rate=%.1f first_ms=%d client_cpu_s=%.3f%n",
                count, created, failures.size(), seconds, count / seconds, first, clientCpu);
    }

    /**
     * One curl for a client's batches, one after the other on one connection (each answer beside its batch as
     * FILE.answer, each status code a line of output), then bash's {@code times}: the CPU curl took.
     */
    private static Process curl(Map<String, String> o, List<Path> batches) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", "-c", "curl \"$@\"; times", "bash", "-sS", "--http1.1"));
        for (int i = 0; i < batches.size(); i++) {
            if (i > 0) {
                command.add("--next");
            }
            command.addAll(List.of("-H", "Content-Type: application/json", "-H", "X-API-Key: " + need(o, "key"),
                    "--data-binary", "@" + batches.get(i), "-o", batches.get(i) + ".answer", "-w", "%{http_code}\\n",
                    "--max-time", "300", need(o, "url") + "/api/posts"));
        }
        return new ProcessBuilder(command).start();
    }

    /** The children's user + system seconds, the second line of bash's {@code times} ("0m0.012s 0m0.004s"). */
    private static double childrenCpuSeconds(String times) {
        double total = 0;
        for (String part : times.trim().split("\\s+")) {
            String[] ms = part.replace("s", "").split("m");
            total += Integer.parseInt(ms[0]) * 60 + Double.parseDouble(ms[1]);
        }
        return total;
    }

    private static void steady(Map<String, String> o) throws Exception {
        List<String> texts = texts(Path.of(need(o, "csv")));
        int rate = Integer.parseInt(need(o, "rate"));
        int seconds = Integer.parseInt(need(o, "seconds"));
        String tag = need(o, "tag");
        int perTick = Math.max(1, rate / 10);
        int ticks = seconds * 10;
        ConcurrentLinkedQueue<String> sent = new ConcurrentLinkedQueue<>();
        AtomicInteger failed = new AtomicInteger();
        List<CompletableFuture<?>> answers = new ArrayList<>();
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger tick = new AtomicInteger();
        // A fixed schedule with asynchronous requests: a slow answer does not lower the offered rate.
        clock.scheduleAtFixedRate(() -> {
            int t = tick.getAndIncrement();
            if (t >= ticks) {
                return;
            }
            List<Post> batch = new ArrayList<>();
            Instant now = Instant.now();
            for (int k = 0; k < perTick; k++) {
                int i = t * perTick + k;
                batch.add(new Post("bench-steady", tag + "-" + i, texts.get(i % texts.size()), "id" + (i % 5000), now));
            }
            long ms = System.currentTimeMillis();
            synchronized (answers) {
                answers.add(HTTP.sendAsync(request(o, batch), HttpResponse.BodyHandlers.ofString()).thenAccept(r -> {
                    if (r.statusCode() == 200) {
                        batch.forEach(p -> sent.add(p.externalId + "," + ms));
                    } else {
                        failed.incrementAndGet();
                    }
                }));
            }
        }, 0, 100, TimeUnit.MILLISECONDS);
        while (tick.get() < ticks) {
            Thread.sleep(100);
        }
        clock.shutdown();
        synchronized (answers) {
            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        }
        Files.write(Path.of(need(o, "out")), sent);
        System.out.printf("posts=%d failed_batches=%d%n", sent.size(), failed.get());
    }

    private record Post(String source, String externalId, String text, String author, Instant publishedAt) {
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    private static HttpRequest request(Map<String, String> o, List<Post> batch) {
        return request(o, body(batch));
    }

    private static String body(List<Post> batch) {
        StringBuilder body = new StringBuilder("[");
        for (Post p : batch) {
            if (body.length() > 1) {
                body.append(',');
            }
            body.append("{\"source\":").append(json(p.source))
                    .append(",\"externalId\":").append(json(p.externalId))
                    .append(",\"url\":").append(json("https://bench.invalid/" + p.externalId))
                    .append(",\"author\":").append(json(p.author))
                    .append(",\"text\":").append(json(p.text))
                    .append(",\"publishedAt\":").append(json(p.publishedAt.toString())).append('}');
        }
        body.append(']');
        return body.toString();
    }

    private static HttpRequest request(Map<String, String> o, String body) {
        return HttpRequest.newBuilder(URI.create(need(o, "url") + "/api/posts"))
                .timeout(Duration.ofMinutes(5))
                .header("Content-Type", "application/json")
                .header("X-API-Key", need(o, "key"))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
    }

    /** The rows as the post table holds them, for {@code COPY scratch (source_id, external_id, ...) FROM ... CSV}. */
    private static void writeCopyFile(List<Post> posts, Path file) throws IOException, NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file))) {
            for (Post p : posts) {
                String hash = HexFormat.of().formatHex(sha.digest(p.text.getBytes(StandardCharsets.UTF_8)));
                w.println(String.join(",", p.source.substring(p.source.lastIndexOf('-') + 1), csv(p.externalId),
                        csv("https://bench.invalid/" + p.externalId), csv(p.author), csv(p.text), hash,
                        p.publishedAt.toString(), Instant.now().toString()));
            }
        }
    }

    /** The appeal texts of the Kursk file, read with the service's own CSV reader. */
    static List<String> texts(Path csvFile) throws IOException {
        return Csv.read(csvFile, ',').stream().map(row -> row.getOrDefault("Текст Сообщения", "").strip())
                .filter(t -> !t.isEmpty()).toList();
    }

    private static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return b.append('"').toString();
    }

    private static String csv(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    private static int count(String body, String needle) {
        int n = 0;
        for (int i = body.indexOf(needle); i >= 0; i = body.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    private static Map<String, String> options(String[] argv) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 1; i + 1 < argv.length; i += 2) {
            if (!argv[i].startsWith("--")) {
                throw new IllegalArgumentException("expected an --option, got " + argv[i]);
            }
            o.put(argv[i].substring(2), argv[i + 1]);
        }
        return o;
    }

    private static String need(Map<String, String> o, String key) {
        String v = o.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing --" + key);
        }
        return v;
    }
}
