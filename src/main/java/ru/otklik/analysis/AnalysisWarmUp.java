package ru.otklik.analysis;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;
import ru.otklik.incident.grouping.TermVector;

/**
 * Analyses the shipped labelled posts on one thread before the service is ready ({@code
 * otklik.analysis.warm-up-posts} analyses, for no longer than {@code otklik.analysis.warm-up}), so that the JIT
 * compiles the analysis at start rather than during the first drain: in a drain of 5,000 posts right after a
 * start, the compiler threads took as much CPU as the analysis itself (3.2 of 12 ms a post), most of it
 * compiling the rules' Lucene matching and the models' scoring. The texts are the project's own written posts
 * ({@code labelled/}), not users' data.
 */
@ApplicationScoped
public class AnalysisWarmUp {

    private static final Logger LOG = Logger.getLogger(AnalysisWarmUp.class);
    private static final String TEXT_COLUMN = "text";

    private final PostAnalyzer analyzer;
    private final AnalysisConfig config;

    public AnalysisWarmUp(PostAnalyzer analyzer, AnalysisConfig config) {
        this.analyzer = analyzer;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.warmUpPosts() <= 0 || config.warmUp().isZero() || config.warmUp().isNegative()) {
            return;
        }
        Path file = config.warmUpTexts();
        if (!Files.isRegularFile(file)) {
            LOG.infof("No warm-up texts at %s: the analysis is compiled during the first posts instead",
                    file.toAbsolutePath());
            return;
        }
        long start = System.nanoTime();
        int analysed = run(texts(file), config.warmUpPosts(), config.warmUp(), System::nanoTime);
        LOG.infof("Analysis warmed up on %d texts of %s in %d ms", analysed, file,
                (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Analyses the texts in turn, round and round, {@code posts} times or until the budget is spent (by {@code
     * nanoTime}: on a busy machine the compilers get little CPU, and readiness must not wait for long); returns
     * how many analyses ran. The stems grouping compares are computed too: the worker computes them with each
     * analysis.
     */
    int run(List<String> texts, int posts, Duration budget, LongSupplier nanoTime) {
        if (texts.isEmpty()) {
            return 0;
        }
        long end = nanoTime.getAsLong() + budget.toNanos();
        int analysed = 0;
        while (analysed < posts && nanoTime.getAsLong() - end < 0) {
            String text = texts.get(analysed % texts.size());
            analyzer.analyze(text);
            TermVector.of(text);
            analysed++;
        }
        return analysed;
    }

    /** The {@code text} column of a labelled TSV file (header line first). */
    static List<String> texts(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty()) {
                return List.of();
            }
            int column = Arrays.asList(lines.get(0).split("\t", -1)).indexOf(TEXT_COLUMN);
            if (column < 0) {
                throw new IllegalStateException("otklik.analysis.warm-up-texts: " + file
                        + " has no \"" + TEXT_COLUMN + "\" column in its header");
            }
            List<String> texts = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.split("\t", -1);
                if (fields.length > column && !fields[column].isBlank()) {
                    texts.add(fields[column]);
                }
            }
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the warm-up texts " + file, e);
        }
    }
}
