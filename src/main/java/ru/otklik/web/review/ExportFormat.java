package ru.otklik.web.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ru.otklik.common.ApiException;

/** Writes training examples as RFC 4180 CSV or JSON Lines, the two formats {@code train} reads. */
public enum ExportFormat {

    CSV("text/csv; charset=UTF-8", "csv"),
    JSONL("application/x-ndjson; charset=UTF-8", "jsonl");

    private final String mediaType;
    private final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public static ExportFormat of(String name) {
        if (name == null || name.isBlank() || name.equalsIgnoreCase("csv")) {
            return CSV;
        }
        if (name.equalsIgnoreCase("jsonl")) {
            return JSONL;
        }
        throw ApiException.badRequest("format должен быть csv или jsonl, получено «" + name + "»");
    }

    public String mediaType() {
        return mediaType;
    }

    public String fileName(String task) {
        return "reviews-" + task + "." + extension;
    }

    public String write(List<TrainingExport.Example> examples, ObjectMapper json) {
        StringBuilder out = new StringBuilder();
        if (this == CSV) {
            out.append("text,label,post_id,decision\r\n");
            for (TrainingExport.Example e : examples) {
                out.append(csv(e.text())).append(',').append(csv(e.label())).append(',').append(e.postId())
                        .append(',').append(e.decision()).append("\r\n");
            }
            return out.toString();
        }
        for (TrainingExport.Example e : examples) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("text", e.text());
            line.put("label", e.label());
            line.put("post_id", e.postId());
            line.put("decision", e.decision());
            try {
                out.append(json.writeValueAsString(line)).append('\n');
            } catch (JsonProcessingException ex) {
                throw new IllegalStateException(ex);
            }
        }
        return out.toString();
    }

    private static String csv(String value) {
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
