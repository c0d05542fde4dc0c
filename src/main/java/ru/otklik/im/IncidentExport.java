package ru.otklik.im;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import ru.otklik.analysis.Rubric;
import ru.otklik.common.ApiException;
import ru.otklik.incident.Incident;
import ru.otklik.incident.IncidentPost;
import ru.otklik.incident.IncidentView;
import ru.otklik.incident.IncidentViews;
import ru.otklik.post.Post;
import ru.otklik.rating.IncidentFact;
import ru.otklik.rating.RatingFacts;

/**
 * Otklik's incidents as rows of an «Инцидент Менеджмент» export: names where ИМ has names (executor, topic group,
 * municipality), the first post's link and text, the answer, and the first response's working time and deadline
 * outcome computed exactly as the ratings compute them. Nothing about authors is exported.
 */
@ApplicationScoped
public class IncidentExport {

    /** A larger export is refused with a request to narrow the period: one response holds every row. */
    static final int MAX_ROWS = 100_000;

    private final IncidentViews views;
    private final RatingFacts facts;
    private final Rubric rubric;
    private final Clock clock;

    public IncidentExport(IncidentViews views, RatingFacts facts, Rubric rubric, Clock clock) {
        this.views = views;
        this.facts = facts;
        this.rubric = rubric;
        this.clock = clock;
    }

    /**
     * The incidents created in [from, to) matching the filter, oldest first.
     *
     * @param agencyScope an agency user's own agency: nothing else is exported to it, whatever it asks for
     */
    public Uni<List<ImExportRow>> rows(Instant from, Instant to, String status, String topic, String agency,
                                       String agencyScope, String municipality) {
        StringBuilder where = new StringBuilder("createdAt >= :from and createdAt < :to");
        Map<String, Object> params = new HashMap<>(Map.of("from", from, "to", to));
        condition(where, params, "status", status);
        condition(where, params, "topic", topic);
        condition(where, params, "agencyCode", agency);
        condition(where, params, "municipalityCode", municipality);
        if (agencyScope != null) {
            where.append(" and agencyCode = :scope");
            params.put("scope", agencyScope);
        }
        return Panache.withSession(() -> Incident.<Incident>find(where + " order by createdAt, id", params)
                .range(0, MAX_ROWS).list()
                .chain(incidents -> {
                    if (incidents.size() > MAX_ROWS) {
                        throw ApiException.badRequest("Больше " + MAX_ROWS + " инцидентов в одной выгрузке: сузьте период (from, to)");
                    }
                    return views.of(incidents).chain(found -> firstPosts(incidents)
                            .chain(posts -> facts.of(incidents, clock.instant())
                                    .map(known -> rows(incidents, found, posts, known))));
                }));
    }

    private static void condition(StringBuilder where, Map<String, Object> params, String field, String value) {
        if (value != null && !value.isBlank()) {
            where.append(" and ").append(field).append(" = :").append(field);
            params.put(field, value);
        }
    }

    /** Each incident's earliest post: ИМ's «Урл поста» and «Текст инцидента» are the message that opened it. */
    private static Uni<Map<Long, Post>> firstPosts(List<Incident> incidents) {
        List<Long> ids = incidents.stream().map(i -> i.id).toList();
        return IncidentPost.<IncidentPost>list("incidentId in ?1", ids).chain(members -> {
            Map<Long, Long> incidentOf = members.stream().collect(Collectors.toMap(m -> m.postId, m -> m.incidentId));
            return Post.<Post>list("id in ?1 order by publishedAt, id", List.copyOf(incidentOf.keySet())).map(posts -> {
                Map<Long, Post> first = new LinkedHashMap<>();
                posts.forEach(p -> first.putIfAbsent(incidentOf.get(p.id), p));
                return first;
            });
        });
    }

    /** {@code views} are the incidents' views in the same order (names of agency and municipality). */
    private List<ImExportRow> rows(List<Incident> incidents, List<IncidentView> views, Map<Long, Post> posts,
                                   List<IncidentFact> known) {
        Map<Long, IncidentFact> factOf = known.stream().collect(Collectors.toMap(IncidentFact::incidentId, f -> f));
        List<ImExportRow> rows = new ArrayList<>(incidents.size());
        for (int n = 0; n < incidents.size(); n++) {
            Incident entity = incidents.get(n);
            IncidentView i = views.get(n);
            Post post = posts.get(i.id());
            IncidentFact fact = factOf.get(i.id());
            Duration working = fact == null ? null : fact.firstResponseWorking();
            rows.add(new ImExportRow(i.id(), ImExportRow.number(i.id()), i.agencyName() != null ? i.agencyName() : i.agency(),
                    i.createdAt(), entity.closedAt != null ? entity.closedAt : entity.resolvedAt, i.topic() == null ? null : rubric.name(i.topic()).orElse(i.topic()),
                    i.title(), i.municipalityName() != null ? i.municipalityName() : i.municipality(),
                    type(entity.incidentType), outcome(i.status()), post == null ? null : post.url, post == null ? i.title() : post.text,
                    i.answerText(), working == null ? null : Math.round(working.toSeconds() / 36.0) / 100.0,
                    fact == null ? null : fact.firstResponseOnTime()));
        }
        return rows;
    }

    /** ИМ's «Тип инцидента»: «Решаемый» for a problem, «Информационный» for a question. */
    static String type(String incidentType) {
        if (incidentType == null) {
            return null;
        }
        return "question".equals(incidentType) ? "Информационный" : "Решаемый";
    }

    /** ИМ's «Итог» for a finished incident; empty while it is being worked on. */
    static String outcome(String status) {
        return switch (status) {
            case "answered" -> "Дан ответ";
            case "resolved" -> "Решено";
            case "closed" -> "Закрыто";
            case "rejected_not_competent" -> "Не в компетенции";
            case "duplicate" -> "Дубликат";
            default -> null;
        };
    }
}
