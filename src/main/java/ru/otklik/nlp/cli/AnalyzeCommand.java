package ru.otklik.nlp.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import ru.otklik.nlp.ModelsDir;
import ru.otklik.nlp.TextAnalyzer;

/**
 * {@code analyze [--models DIR] [--threads N]}: JSONL on stdin → JSONL analyses on stdout. On stderr, the models'
 * loading time and, at the end, the analysis' own time and rate (from the first line read to the last written):
 * the service benchmark's {@code analyze} limit reads that rate rather than subtracting an empty run's time, whose
 * JVM start and loading vary by more than a second between runs (docs/performance.md, 2026-12-06).
 */
final class AnalyzeCommand {

    private final PrintStream out;
    private final PrintStream err;

    AnalyzeCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(CliArgs args, InputStream in) throws IOException {
        Optional<Path> user = args.option("models").map(Path::of);
        long t0 = System.nanoTime();
        TextAnalyzer analyzer = TextAnalyzer.load(ModelsDir.resolve(), user);
        err.printf("models loaded in %.1f s: %s%n", (System.nanoTime() - t0) / 1e9, analyzer.models().versions());
        int threads = args.option("threads").map(Integer::parseInt)
                .orElse(Math.max(1, Runtime.getRuntime().availableProcessors()));
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        long t1 = System.nanoTime();
        JsonlAnalyzer.Summary summary = new JsonlAnalyzer(analyzer, threads).run(reader, out);
        double seconds = (System.nanoTime() - t1) / 1e9;
        if (summary.errors() > 0) {
            err.printf("%d line(s) could not be analysed; see their \"error\" field%n", summary.errors());
        }
        err.printf(Locale.ROOT, "analysed %d lines in %.3f s on %d threads: %.1f lines/s%n", summary.lines(), seconds,
                threads, summary.lines() / Math.max(seconds, 1e-9));
        return 0;
    }
}
