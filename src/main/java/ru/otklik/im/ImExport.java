package ru.otklik.im;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An export read whole: its usable incidents, which columns it has and the rows left out with the reason.
 *
 * @param bad reason → number of rows
 */
public record ImExport(Path file, Set<ImColumn> columns, List<ImIncident> incidents, Map<String, Integer> bad) {

    /** Reads and parses every row; bad rows are counted, never fatal. */
    public static ImExport read(Path file, Progress progress) throws IOException {
        Set<ImColumn> columns = EnumSet.noneOf(ImColumn.class);
        List<ImIncident> incidents = new ArrayList<>();
        Map<String, Integer> bad = new TreeMap<>();
        int[] read = {0};
        ImExportReader.forFile(file).read(file, columns::addAll, row -> {
            ImIncident.Parsed p = ImIncident.parse(row);
            p.incident().ifPresentOrElse(incidents::add, () -> bad.merge(p.problem(), 1, Integer::sum));
            read[0]++;
            progress.rows(read[0]);
        });
        return new ImExport(file, Set.copyOf(columns), List.copyOf(incidents), Map.copyOf(bad));
    }

    public int badRows() {
        return bad.values().stream().mapToInt(Integer::intValue).sum();
    }

    public boolean has(ImColumn column) {
        return columns.contains(column);
    }
}
