package ru.otklik.crawler.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import ru.otklik.crawler.Fixtures;
import ru.otklik.crawler.fetch.Bom;
import ru.otklik.crawler.rss.RssParser;
import ru.otklik.crawler.telegram.TelegramParser;
import ru.otklik.crawler.vk.VkParser;
import ru.otklik.crawler.web.WebPageParser;

/**
 * Parse throughput per format on the recorded real responses: bytes as received → PostDrafts.
 * Run: see docs/crawler.md ("Benchmark"); prints operations/s and the posts/s they mean.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ParseBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2024-01-01T00:00:00Z");

    private final byte[] rss = Fixtures.bytes("rss/lenta.xml");
    private final String vkSearch = Fixtures.text("vk/NewsFeed/Search_NextFrom_NotNull.json");
    private final String telegram = Fixtures.text("telegram/full.html");
    private final String web = webPage();
    private final WebPageParser.Selectors selectors =
            new WebPageParser.Selectors("article", "h2", "div.body", "time", null, "h2 a");

    /** Posts one operation yields, to turn operations/s into posts/s. */
    static final Map<String, Integer> POSTS_PER_OP = Map.of("rss", 200, "vk", 3, "telegram", 12, "web", 50);

    @Benchmark
    public int rss() {
        return RssParser.parse(rss, NOW).posts().size();
    }

    @Benchmark
    public int vk() throws Exception {
        JsonNode response = JSON.readTree(Bom.strip(vkSearch)).get("response");
        return VkParser.posts(response).posts().size();
    }

    @Benchmark
    public int telegram() {
        return TelegramParser.parse(telegram, "https://t.me/s/topwar_official").posts().size();
    }

    @Benchmark
    public int web() {
        return WebPageParser.parse(web, "https://tula.example/news", selectors, NOW).posts().size();
    }

    /** A news page of 50 items; there is no recorded feedless page, so it is built in the shape such sites have. */
    static String webPage() {
        StringBuilder b = new StringBuilder("<html><body><main>");
        for (int i = 0; i < 50; i++) {
            b.append("<article><h2><a href=\"/news/").append(i).append("\">Новость номер ").append(i)
                    .append("</a></h2><time datetime=\"2024-03-0").append(1 + i % 9).append("T10:00:00+03:00\"></time>")
                    .append("<div class=\"body\"><p>Администрация сообщает о плановых работах на улице Ленина.</p>")
                    .append("<p>Подробности по телефону горячей линии.</p></div></article>");
        }
        return b.append("</main></body></html>").toString();
    }

    public static void main(String[] args) throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(ParseBenchmark.class.getSimpleName()).build()).run();
        System.out.println();
        System.out.println("Parse throughput (posts/s):");
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark().substring(r.getParams().getBenchmark().lastIndexOf('.') + 1);
            double ops = r.getPrimaryResult().getScore();
            System.out.printf("  %-9s %,12.0f posts/s  (%,.1f ops/s × %d posts)%n", name, ops * POSTS_PER_OP.get(name), ops,
                    POSTS_PER_OP.get(name));
        }
    }
}
