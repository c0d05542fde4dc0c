package ru.otklik.incident.grouping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import ru.otklik.incident.workflow.IncidentStatus;

class IncidentMatcherTest {

    private final IncidentMatcher matcher = new IncidentMatcher(Duration.ofHours(72), 0.3);

    record Appeal(long id, Instant at, String district, String expectedGroup, String text) {
    }

    static List<Appeal> fixture() throws IOException {
        try (InputStream in = IncidentMatcherTest.class.getResourceAsStream("/grouping/spb-appeals.tsv")) {
            List<Appeal> appeals = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", 5);
                appeals.add(new Appeal(Long.parseLong(f[0]), LocalDateTime.parse(f[1]).atZone(ZoneId.of("Europe/Moscow")).toInstant(),
                        f[2], f[3], f[4]));
            }
            return appeals;
        }
    }

    @Test
    void groupsARealStreamIntoTheExpectedIncidents() throws IOException {
        List<GroupingCandidate> incidents = new ArrayList<>();
        Map<Long, List<Long>> members = new TreeMap<>();
        for (Appeal appeal : fixture()) {
            Complaint complaint = new Complaint("housing_utilities", appeal.district(), appeal.at(), TermVector.of(appeal.text()));
            Optional<GroupingMatch> match = matcher.match(complaint, incidents);
            if (match.isPresent()) {
                long id = match.get().incidentId();
                GroupingCandidate old = incidents.stream().filter(c -> c.incidentId() == id).findFirst().orElseThrow();
                incidents.set(incidents.indexOf(old), new GroupingCandidate(id, old.topic(), old.municipality(), old.status(),
                        appeal.at(), old.terms().plus(complaint.terms())));
                members.get(id).add(appeal.id());
            } else {
                long id = incidents.size() + 1;
                incidents.add(new GroupingCandidate(id, "housing_utilities", appeal.district(), IncidentStatus.NEW, appeal.at(),
                        complaint.terms()));
                members.put(id, new ArrayList<>(List.of(appeal.id())));
            }
        }
        Map<String, List<Long>> expected = new TreeMap<>();
        for (Appeal appeal : fixture()) {
            expected.computeIfAbsent(appeal.expectedGroup(), g -> new ArrayList<>()).add(appeal.id());
        }
        assertEquals(expected.values().stream().map(List::copyOf).sorted((a, b) -> Long.compare(a.get(0), b.get(0))).toList(),
                members.values().stream().sorted((a, b) -> Long.compare(a.get(0), b.get(0))).toList(),
                "incidents formed from the stream");
    }

    @Test
    void differentTopicMunicipalityWindowOrClosedIncidentDoNotJoin() {
        Instant t = Instant.parse("2025-03-03T10:00:00Z");
        TermVector text = TermVector.of("Яма на дороге у остановки, машины бьют колёса");
        Complaint complaint = new Complaint("roads", "tula", t, TermVector.of("Огромная яма на дороге возле остановки"));
        assertTrue(complaint.terms().cosine(text) >= 0.3);
        assertEquals(Optional.of(new GroupingMatch(1, complaint.terms().cosine(text))),
                matcher.match(complaint, List.of(new GroupingCandidate(1, "roads", "tula", IncidentStatus.IN_PROGRESS, t, text))));
        assertEquals(Optional.empty(), matcher.match(complaint,
                List.of(new GroupingCandidate(1, "transport", "tula", IncidentStatus.NEW, t, text))));
        assertEquals(Optional.empty(), matcher.match(complaint,
                List.of(new GroupingCandidate(1, "roads", "aleksin", IncidentStatus.NEW, t, text))));
        assertEquals(Optional.empty(), matcher.match(complaint,
                List.of(new GroupingCandidate(1, "roads", "tula", IncidentStatus.NEW, t.minus(Duration.ofHours(73)), text))));
        assertEquals(Optional.empty(), matcher.match(complaint,
                List.of(new GroupingCandidate(1, "roads", "tula", IncidentStatus.CLOSED, t, text))));
        assertEquals(Optional.empty(), matcher.match(complaint, List.of(new GroupingCandidate(1, "roads", "tula",
                IncidentStatus.NEW, t, TermVector.of("Не вывозят мусор из контейнеров во дворе")))));
    }

    @Test
    void stemsRussian() {
        assertEquals(1.0, TermVector.of("ямы на дорогах").cosine(TermVector.of("яма на дороге")), 1e-9);
        assertEquals(0.0, TermVector.of("").cosine(TermVector.of("яма")), 1e-9);
        assertEquals(Map.of("стекл", 2), new HashMap<>(TermVector.of("стекло 5, стекло в доме 7 и подъезде").counts()));
    }
}
