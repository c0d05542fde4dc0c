package ru.otklik.nlp.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import ru.otklik.nlp.ModelsDir;
import ru.otklik.nlp.PostAnalysis;
import ru.otklik.nlp.TextAnalyzer;
import ru.otklik.nlp.data.LabeledText;
import ru.otklik.nlp.data.SharedDatasets;

/**
 * Full analysis of one appeal-length post (normalise, language, features, five categorisers, sentence
 * detection, tokenisation, name finder, gazetteer, Monitor rules, routing) on two threads. Run it with
 * {@code -Xmx300m} to check that the models fit the heap budget; see docs/nlp.md for the command.
 *
 * <p>{@code -p posts=kursk} (the default) cycles through all 2,000 Kursk appeals in {@code ../shared}, so
 * that caches see as many different words and features as in service; {@code -p posts=sample} (and the
 * fallback when {@code ../shared} is absent) repeats the 16 committed posts, which flatters every cache.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx300m", "-XX:+UseParallelGC", "-XX:+UseTransparentHugePages"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class AnalyzeBenchmark {

    private static final Path KURSK = Path.of("../shared/datasets");

    @Param({"kursk"})
    public String posts;

    private TextAnalyzer analyzer;
    private List<String> texts;
    private final AtomicInteger next = new AtomicInteger();

    @Setup
    public void load() throws IOException {
        analyzer = TextAnalyzer.loadDefault();
        texts = read(posts);
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        System.out.printf("%nmodels from %s: heap used after load %d MB (max %d MB), %d posts, mean %d chars%n",
                ModelsDir.resolve().toAbsolutePath(), (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20,
                texts.size(), (int) texts.stream().mapToInt(String::length).average().orElse(0));
    }

    private static List<String> read(String which) throws IOException {
        if ("kursk".equals(which) && Files.isDirectory(KURSK)) {
            return new SharedDatasets(KURSK).kursk("Категория").stream().map(LabeledText::text).toList();
        }
        if (!"sample".equals(which)) {
            System.out.printf("%n%s: no ../shared/datasets here, using the 16 sample posts%n", which);
        }
        return Files.readAllLines(Path.of("src/test/resources/nlp/bench-posts.txt"), StandardCharsets.UTF_8)
                .stream().filter(s -> !s.isBlank()).toList();
    }

    @Benchmark
    public PostAnalysis analyzeOnePost() {
        int i = Math.floorMod(next.getAndIncrement(), texts.size());
        return analyzer.analyze("bench-" + i, texts.get(i));
    }
}
