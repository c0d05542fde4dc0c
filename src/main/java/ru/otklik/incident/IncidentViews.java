package ru.otklik.incident;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import ru.otklik.nlp.place.Municipality;
import ru.otklik.nlp.place.TulaGazetteer;
import ru.otklik.nlp.routing.Agency;
import ru.otklik.nlp.routing.RoutingTable;

/** Builds API views of incidents: names from the reference files, post ids in one query per page. */
@ApplicationScoped
public class IncidentViews {

    private final RoutingTable routing;
    private final TulaGazetteer gazetteer;

    public IncidentViews(RoutingTable routing, TulaGazetteer gazetteer) {
        this.routing = routing;
        this.gazetteer = gazetteer;
    }

    public Uni<List<IncidentView>> of(List<Incident> incidents) {
        if (incidents.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Long> ids = incidents.stream().map(i -> i.id).toList();
        return IncidentPost.<IncidentPost>list("incidentId in ?1 order by postId", ids).map(members -> {
            Map<Long, List<Long>> posts = members.stream().collect(Collectors.groupingBy(m -> m.incidentId,
                    Collectors.mapping(m -> m.postId, Collectors.toList())));
            return incidents.stream().map(i -> view(i, posts.getOrDefault(i.id, List.of()))).toList();
        });
    }

    public IncidentView view(Incident i, List<Long> postIds) {
        return new IncidentView(i.id, i.status, i.topic, i.incidentType, i.agencyCode, agencyName(i.agencyCode),
                i.municipalityCode, municipalityName(i.municipalityCode), i.priority, i.title, i.firstResponseDueAt, i.deadlineAt, i.firstResponseDueCalendarAt,
                i.deadlineCalendarAt, i.firstResponseAt, i.firstSeenAt, i.lastSeenAt, i.postCount, i.reach, i.conflictScore,
                i.growth, i.answerText, i.answerUrl, i.rating, i.satisfaction, i.reopenCount, i.createdAt, i.updatedAt, postIds);
    }

    /** The agency's name from the routing table; null for no agency or one the table does not know. */
    String agencyName(String code) {
        return code == null ? null : routing.agency(code).map(Agency::name).orElse(null);
    }

    /** The municipality's name from the gazetteer; null for none or an unknown code. */
    String municipalityName(String code) {
        return code == null ? null : gazetteer.municipality(code).map(Municipality::name).orElse(null);
    }
}
