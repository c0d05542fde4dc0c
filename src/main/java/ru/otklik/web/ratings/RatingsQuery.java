package ru.otklik.web.ratings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import ru.otklik.web.console.Formats;
import ru.otklik.web.review.ReferenceNames;

/**
 * SQL aggregates over incidents for the ratings page. Days and weeks are Moscow calendar days, since that is
 * how the centre reports.
 */
@ApplicationScoped
public class RatingsQuery {

    private static final String AGENCIES = """
            select i.agency_code, count(*) as total,
                   count(*) filter (where i.status not in ('resolved', 'closed', 'duplicate')) as open,
                   count(*) filter (where i.status not in ('resolved', 'closed', 'duplicate') and i.deadline_at < $2) as overdue,
                   count(*) filter (where i.resolved_at is not null) as resolved,
                   count(*) filter (where i.resolved_at is not null and i.resolved_at <= i.deadline_at) as in_time,
                   avg(extract(epoch from i.first_response_at - i.created_at) / 3600)
                       filter (where i.first_response_at is not null) as first_response_hours
            from incident i
            where i.created_at >= $1 and i.agency_code is not null
            group by i.agency_code
            order by overdue desc, open desc, total desc""";

    private static final String DAILY = """
            select topic, municipality_code, (created_at at time zone 'Europe/Moscow')::date as day, count(*) as n
            from incident where created_at >= $1 group by 1, 2, 3""";

    private static final int SPIKE_WINDOW = 28;

    private final Pool pool;
    private final Clock clock;
    private final ObjectMapper json;

    public RatingsQuery(Pool pool, Clock clock, ObjectMapper json) {
        this.pool = pool;
        this.clock = clock;
        this.json = json;
    }

    public Uni<RatingsView> load(int days, ReferenceNames.Catalog names) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, Formats.MOSCOW);
        LocalDate from = today.minusDays(days - 1L);
        Instant since = from.atStartOfDay(Formats.MOSCOW).toInstant();
        // the spike baseline needs the weeks before the period too
        Instant baselineSince = from.minusDays(SPIKE_WINDOW).atStartOfDay(Formats.MOSCOW).toInstant();
        return pool.preparedQuery(AGENCIES).execute(Tuple.of(since.atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC)))
                .chain(agencies -> pool.preparedQuery(DAILY).execute(Tuple.of(baselineSince.atOffset(ZoneOffset.UTC)))
                        .map(daily -> build(days, from, today, agencies, daily, names)));
    }

    private RatingsView build(int days, LocalDate from, LocalDate today, RowSet<Row> agencyRows, RowSet<Row> dailyRows,
                              ReferenceNames.Catalog names) {
        List<RatingsView.AgencyLine> agencies = new ArrayList<>();
        for (Row r : agencyRows) {
            long resolved = r.getLong("resolved");
            Double hours = r.getValue("first_response_hours") == null ? null
                    : Math.round(((Number) r.getValue("first_response_hours")).doubleValue() * 10) / 10.0;
            agencies.add(new RatingsView.AgencyLine(r.getString("agency_code"), names.agency(r.getString("agency_code")),
                    r.getLong("total"), r.getLong("open"), r.getLong("overdue"), resolved,
                    resolved == 0 ? null : (int) Math.round(100.0 * r.getLong("in_time") / resolved), hours));
        }

        Map<String, Map<LocalDate, Long>> dailyByTopic = new TreeMap<>();
        Map<String, Map<String, Long>> heat = new TreeMap<>();
        for (Row r : dailyRows) {
            String topic = r.getString("topic");
            LocalDate day = r.getLocalDate("day");
            long n = r.getLong("n");
            dailyByTopic.computeIfAbsent(topic, t -> new HashMap<>()).merge(day, n, Long::sum);
            if (!day.isBefore(from)) {
                String municipality = r.getString("municipality_code") == null ? "" : r.getString("municipality_code");
                heat.computeIfAbsent(topic, t -> new HashMap<>()).merge(municipality, n, Long::sum);
            }
        }
        List<Spikes.Spike> spikes = Spikes.find(dailyByTopic, from, today, SPIKE_WINDOW, 3, 2.0);
        return new RatingsView(days, agencies, heatTable(heat, names), spikes,
                chartJson(from, today, dailyByTopic, spikes, names));
    }

    private static RatingsView.HeatTable heatTable(Map<String, Map<String, Long>> heat, ReferenceNames.Catalog names) {
        List<String> topics = new ArrayList<>(heat.keySet());
        List<String> municipalities = heat.values().stream().flatMap(m -> m.keySet().stream()).distinct()
                .sorted((a, b) -> names.municipality(a).compareTo(names.municipality(b))).toList();
        long[][] counts = new long[topics.size()][municipalities.size()];
        long max = 0;
        for (int t = 0; t < topics.size(); t++) {
            for (int m = 0; m < municipalities.size(); m++) {
                counts[t][m] = heat.get(topics.get(t)).getOrDefault(municipalities.get(m), 0L);
                max = Math.max(max, counts[t][m]);
            }
        }
        return new RatingsView.HeatTable(topics, topics.stream().map(names::topic).toList(), municipalities,
                municipalities.stream().map(m -> m.isEmpty() ? "не указан" : names.municipality(m)).toList(), counts, max);
    }

    /** Weekly counts per topic (weeks start on Monday) and the daily total with the spike days marked. */
    private String chartJson(LocalDate from, LocalDate today, Map<String, Map<LocalDate, Long>> dailyByTopic,
                             List<Spikes.Spike> spikes, ReferenceNames.Catalog names) {
        List<LocalDate> weeks = new ArrayList<>();
        for (LocalDate w = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)); !w.isAfter(today); w = w.plusWeeks(1)) {
            weeks.add(w);
        }
        List<Map<String, Object>> series = new ArrayList<>();
        dailyByTopic.forEach((topic, daily) -> {
            long[] perWeek = new long[weeks.size()];
            daily.forEach((day, n) -> {
                if (!day.isBefore(from) && !day.isAfter(today)) {
                    LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                    perWeek[weeks.indexOf(monday)] += n;
                }
            });
            series.add(Map.of("name", names.topic(topic), "data", perWeek));
        });
        List<String> dayLabels = new ArrayList<>();
        List<Long> totals = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(today); d = d.plusDays(1)) {
            LocalDate day = d;
            dayLabels.add(day.toString());
            totals.add(dailyByTopic.values().stream().mapToLong(m -> m.getOrDefault(day, 0L)).sum());
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("weeks", weeks.stream().map(LocalDate::toString).toList());
        chart.put("trend", series);
        chart.put("days", dayLabels);
        chart.put("daily", totals);
        chart.put("spikes", spikes.stream().filter(s -> !s.day().isBefore(from))
                .map(s -> Map.of("day", s.day().toString(), "topic", names.topic(s.topic()), "count", s.count())).toList());
        try {
            // embedded in a <script> element: "</" must not end it early
            return json.writeValueAsString(chart).replace("</", "<\\/");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
