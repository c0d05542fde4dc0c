package ru.otklik.nlp.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ru.otklik.nlp.PostAnalysis;
import ru.otklik.nlp.TextAnalyzer;

/**
 * JSONL in, JSONL out: one output line per input line, in input order, analysed on a small worker pool.
 * A line that is not a JSON object with a {@code text} string yields {@code {"id", "line", "error"}} and
 * the rest go on.
 */
public final class JsonlAnalyzer {

    private static final int BATCH = 256;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TextAnalyzer analyzer;
    private final int threads;

    public JsonlAnalyzer(TextAnalyzer analyzer, int threads) {
        this.analyzer = analyzer;
        this.threads = Math.max(1, threads);
    }

    /** How many lines a run read, and how many of them got an error line instead of an analysis. */
    public record Summary(int lines, int errors) {
    }

    /** Processes every line of {@code in}, writing one line each to {@code out}. */
    public Summary run(BufferedReader in, PrintStream out) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "analyze");
            t.setDaemon(true);
            return t;
        });
        int errors = 0;
        int lineNo = 0;
        try {
            List<Future<Line>> batch = new ArrayList<>(BATCH);
            String line;
            while ((line = in.readLine()) != null) {
                final int n = ++lineNo;
                final String l = line;
                batch.add(pool.submit(() -> process(n, l)));
                if (batch.size() == BATCH) {
                    errors += flush(batch, out);
                }
            }
            errors += flush(batch, out);
        } finally {
            pool.shutdownNow();
        }
        out.flush();
        return new Summary(lineNo, errors);
    }

    private record Line(String json, boolean error) {
    }

    private static int flush(List<Future<Line>> batch, PrintStream out) {
        int errors = 0;
        for (Future<Line> f : batch) {
            Line l;
            try {
                l = f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
            out.println(l.json());
            errors += l.error() ? 1 : 0;
        }
        batch.clear();
        return errors;
    }

    /** One input line to one output line; never throws. */
    Line process(int lineNo, String line) {
        String id = null;
        try {
            JsonNode node = JSON.readTree(line);
            if (node == null || !node.isObject()) {
                return error(null, lineNo, "строка не является JSON-объектом");
            }
            JsonNode idNode = node.get("id");
            id = idNode == null || idNode.isNull() ? null : idNode.asText();
            JsonNode text = node.get("text");
            if (text == null || !text.isTextual()) {
                return error(id, lineNo, "нет строкового поля \"text\"");
            }
            PostAnalysis analysis = analyzer.analyze(id == null ? "line-" + lineNo : id, text.asText());
            return new Line(JSON.writeValueAsString(analyzer.regional(analysis)), false);
        } catch (JsonProcessingException e) {
            return error(id, lineNo, "некорректный JSON: " + e.getOriginalMessage());
        } catch (RuntimeException e) {
            return error(id, lineNo, "ошибка анализа: " + e);
        }
    }

    private static Line error(String id, int lineNo, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("line", lineNo);
        m.put("error", message);
        try {
            return new Line(JSON.writeValueAsString(m), true);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
