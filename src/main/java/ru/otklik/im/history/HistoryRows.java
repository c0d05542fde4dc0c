package ru.otklik.im.history;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import ru.otklik.im.ImExport;
import ru.otklik.im.ImIncident;
import ru.otklik.im.TopicMap;
import ru.otklik.incident.IncidentService;
import ru.otklik.incident.calendar.WorkingCalendar;
import ru.otklik.incident.priority.Priority;
import ru.otklik.incident.sla.SlaPolicies;
import ru.otklik.incident.sla.SlaTargets;
import ru.otklik.incident.sla.WorkTarget;
import ru.otklik.post.ContentHash;

/**
 * Turns an export's incidents into the rows of closed historical incidents. Pure given its collaborators: the
 * same export gives the same rows, which is what makes a second import a no-op.
 *
 * <p>Dates: the incident is created at «Дата создания»; its first response came after the export's working
 * time, laid on Otklik's working calendar, so the ratings' working time reads back the export's figure; it
 * was resolved and closed at «Дата окончания». Targets are Otklik's own for the topic at normal priority, so
 * on-time shares in the ratings are comparable with live incidents; ИМ's own verdict is kept beside them.
 *
 * @see HistoryWriter
 */
public final class HistoryRows {

    /**
     * What an export gives.
     *
     * @param skipped       reason → incidents not loaded
     * @param newAgencies   slug code → ИМ name of executors the routing table does not know
     */
    public record Built(List<HistoryIncident> incidents, Map<String, Integer> skipped, Map<String, String> newAgencies) {
    }

    private HistoryRows() {
    }

    public static Built of(ImExport export, TopicMap topics, ImReferences references, WorkingCalendar calendar,
                           SlaPolicies policies, UnaryOperator<String> pseudonym) {
        List<HistoryIncident> out = new ArrayList<>();
        Map<String, Integer> skipped = new TreeMap<>();
        Map<String, String> newAgencies = new LinkedHashMap<>();
        Set<String> keys = new HashSet<>();
        for (ImIncident i : export.incidents()) {
            String topic = topics.code(i.topicGroup());
            String problem = i.created().isEmpty() ? "no «Дата создания»"
                    : topic.equals(TopicMap.NONE) ? "topic group mapped to none (map it in topic-map.tsv to load them)"
                    : !keys.add(i.key()) ? "the same «ID» / «Номер инцидента» again" : null;
            if (problem != null) {
                skipped.merge(problem, 1, Integer::sum);
                continue;
            }
            String agency = null;
            if (!i.executor().isEmpty()) {
                agency = references.agencyCode(i.executor());
                if (references.knownAgency(i.executor()).isEmpty()) {
                    newAgencies.putIfAbsent(agency, i.executor());
                }
            }
            out.add(incident(i, topic, agency, references, calendar, policies.targetsFor(topic, Priority.NORMAL),
                    pseudonym));
        }
        return new Built(List.copyOf(out), Map.copyOf(skipped), Map.copyOf(newAgencies));
    }

    private static HistoryIncident incident(ImIncident i, String topic, String agency, ImReferences references,
                                            WorkingCalendar calendar, SlaTargets targets, UnaryOperator<String> pseudonym) {
        Instant created = i.created().orElseThrow();
        WorkTarget fr = targets.firstResponse();
        WorkTarget res = targets.resolution();
        Duration frWorking = fr.workingDuration(calendar, created);
        Duration resWorking = res.workingDuration(calendar, created);
        Instant closed = i.closed().filter(c -> !c.isBefore(created)).orElse(null);
        Instant firstResponse = i.firstResponse().map(d -> calendar.plusWorkingTime(created, d)).orElse(null);
        if (firstResponse != null && closed != null && firstResponse.isAfter(closed)) {
            // an answer at closing time: the export's working time and dates disagree, and the dates win
            firstResponse = closed;
        }
        return new HistoryIncident(i.key(), blankToNull(i.number()), topic, agency, blankToNull(i.executor()),
                references.municipality(i.municipality()).orElse(null), IncidentService.titleOf(null, i.text()),
                created, calendar.plusWorkingTime(created, frWorking), calendar.plusWorkingTime(created, resWorking),
                firstResponse, closed, closed == null ? firstResponse == null ? created : firstResponse : closed,
                i.answers().isEmpty() ? null : i.answers().get(0), i.type().orElse(null), blankToNull(i.outcome()),
                blankToNull(i.executor()), i.firstResponse().orElse(null), i.deadlineMet().orElse(null),
                blankToNull(i.postUrl()), i.text(), ContentHash.of(null, i.text()),
                i.blogUrl().isEmpty() ? null : pseudonym.apply(i.blogUrl()), fr.toString(), frWorking, res.toString(),
                resWorking);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
