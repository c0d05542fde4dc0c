package ru.otklik.im.history;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import ru.otklik.analysis.Rubric;
import ru.otklik.im.ImExport;
import ru.otklik.im.Progress;
import ru.otklik.im.TopicMap;
import ru.otklik.incident.calendar.WorkingCalendar;
import ru.otklik.incident.sla.SlaPolicies;
import ru.otklik.nlp.place.Municipality;
import ru.otklik.nlp.place.TulaGazetteer;
import ru.otklik.nlp.routing.RoutingTable;

/**
 * {@code import-im --history}: loads an export's incidents as closed historical incidents, {@value #BATCH} per
 * statement and transaction; closing it closes its connection. A crash loses at most the batch in flight and a re-run completes the rest:
 * incidents already loaded are left untouched.
 */
public final class HistoryImport implements AutoCloseable {

    public static final int BATCH = 1000;

    /** What one run did. */
    public record Result(int loaded, int alreadyThere, Map<String, Integer> skipped, Map<String, String> newAgencies) {
        @Override
        public String toString() {
            return loaded + " incidents loaded, " + alreadyThere + " already there"
                    + (skipped.isEmpty() ? "" : ", not loaded: " + skipped)
                    + (newAgencies.isEmpty() ? "" : ", " + newAgencies.size() + " executors not in the routing table, "
                    + "as agencies " + newAgencies);
        }
    }

    private final Connection connection;
    private final WorkingCalendar calendar;
    private final SlaPolicies policies;
    private final UnaryOperator<String> pseudonym;
    private final Path modelsDir;
    private final Progress progress;

    /**
     * @param modelsDir where the rubric, gazetteer and routing table are ({@code rules/}, {@code gazetteer/},
     *                  {@code routing/})
     */
    public HistoryImport(Connection connection, WorkingCalendar calendar, SlaPolicies policies,
                         UnaryOperator<String> pseudonym, Path modelsDir, Progress progress) {
        this.connection = connection;
        this.calendar = calendar;
        this.policies = policies;
        this.pseudonym = pseudonym;
        this.modelsDir = modelsDir;
        this.progress = progress;
    }

    /** The import against the configured datasource, or the embedded database in the data directory. */
    public static HistoryImport fromEnvironment(Progress progress) {
        return CliEnvironment.load().historyImport(progress);
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    public Result load(ImExport export, TopicMap topics) throws SQLException {
        Map<String, String> rubric = Rubric.load(modelsDir.resolve("rules/rubric.tsv")).topics();
        TulaGazetteer gazetteer = TulaGazetteer.load(modelsDir.resolve("gazetteer/municipalities.tsv"));
        RoutingTable routing = RoutingTable.load(modelsDir.resolve("routing/agencies.tsv"),
                modelsDir.resolve("routing/routing.tsv"));
        HistoryRows.Built built = HistoryRows.of(export, topics, new ImReferences(routing, gazetteer), calendar,
                policies, pseudonym);
        List<String[]> municipalities = new ArrayList<>();
        for (Municipality m : gazetteer.municipalities()) {
            municipalities.add(new String[] {m.code(), m.name(), m.kind(), m.center()});
        }
        // the routing table's own agencies too: the service copies them at start, a fresh database lacks them
        List<String[]> agencies = new ArrayList<>();
        routing.agencies().forEach(a -> agencies.add(new String[] {a.code(), a.name(), a.kind(), a.municipality()}));
        built.newAgencies().forEach((code, name) -> agencies.add(new String[] {code, name, "other", null}));
        HistoryWriter writer = new HistoryWriter(connection);
        writer.prepare(rubric, municipalities, agencies);
        List<HistoryIncident> rows = built.incidents();
        int loaded = 0;
        int batches = (rows.size() + BATCH - 1) / BATCH;
        for (int b = 0; b < batches; b++) {
            List<HistoryIncident> batch = new ArrayList<>(rows.subList(b * BATCH, Math.min(rows.size(), (b + 1) * BATCH)));
            loaded += writer.write(batch);
            progress.step(b + 1, batches, "history: " + Math.min(rows.size(), (b + 1) * BATCH) + " of " + rows.size() + " incidents done");
        }
        return new Result(loaded, rows.size() - loaded, built.skipped(), built.newAgencies());
    }
}
