package ru.otklik.incident.workflow;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import ru.otklik.common.ApiException;
import ru.otklik.incident.Incident;
import ru.otklik.incident.IncidentEvent;
import ru.otklik.incident.IncidentPost;
import ru.otklik.incident.deadline.DeadlineService;
import ru.otklik.nlp.routing.RoutingTable;

/**
 * Applies validated status changes and feedback to incidents, each with its audit event, in one transaction.
 * The actor is the authenticated caller. Agency staff act only on their own agency's incidents and only
 * within its part of the workflow; routing, merging, closing and reopening stay with the centre.
 */
@ApplicationScoped
public class IncidentWorkflow {

    private final DeadlineService deadlines;
    private final RoutingTable routing;
    private final Clock clock;

    public IncidentWorkflow(DeadlineService deadlines, RoutingTable routing, Clock clock) {
        this.deadlines = deadlines;
        this.routing = routing;
        this.clock = clock;
    }

    /** What agency staff may do with their own incidents. */
    static final Set<IncidentStatus> AGENCY_TARGETS = Set.of(IncidentStatus.IN_PROGRESS, IncidentStatus.WAITING_FOR_AUTHOR,
            IncidentStatus.ANSWERED, IncidentStatus.RESOLVED, IncidentStatus.REJECTED_NOT_COMPETENT);

    /** Who acts: the audit name and the agency a bound agency user is limited to. */
    public record Actor(String name, Optional<String> agencyCode) {
    }

    public Uni<Incident> transition(long id, TransitionRequest request, Actor actor) {
        if (request == null || request.to() == null) {
            throw ApiException.badRequest("Нужно поле to — новый статус");
        }
        IncidentStatus to = parse(request.to());
        // the target is checked after the load: another agency's incident answers 404 for every status, so the
        // 403 below never tells an agency user that an incident id exists
        return Panache.withTransaction(() -> load(id, actor)
                .invoke(incident -> requireAgencyTarget(actor, to))
                .chain(incident -> apply(incident, to, request, actor.name())));
    }

    private static void requireAgencyTarget(Actor actor, IncidentStatus to) {
        if (actor.agencyCode().isPresent() && !AGENCY_TARGETS.contains(to)) {
            throw new ApiException(403, "Доступ запрещён", "Сотрудник ведомства не может перевести инцидент в статус «"
                    + to.code() + "»: назначение, объединение, закрытие и переоткрытие выполняет ЦУР");
        }
    }

    public Uni<Incident> feedback(long id, FeedbackRequest request, Actor actor) {
        if (request == null || (request.rating() == null && !Boolean.TRUE.equals(request.notFixed()))) {
            throw ApiException.badRequest("Нужна оценка rating (1–5) и/или notFixed: true");
        }
        if (request.rating() != null && (request.rating() < 1 || request.rating() > 5)) {
            throw ApiException.badRequest("Оценка rating должна быть от 1 до 5, получено " + request.rating());
        }
        return Panache.withTransaction(() -> load(id, actor).chain(incident -> {
            Instant now = clock.instant();
            Uni<Void> rated = Uni.createFrom().voidItem();
            if (request.rating() != null) {
                incident.rating = request.rating();
                incident.updatedAt = now;
                rated = event(incident, "rated", null, null, actor.name(), request.comment(), now,
                        Map.of("rating", request.rating()));
            }
            if (!Boolean.TRUE.equals(request.notFixed())) {
                return rated.replaceWith(incident);
            }
            TransitionRequest reopen = new TransitionRequest(IncidentStatus.REOPENED.code(),
                    request.comment() == null ? "Автор сообщает, что проблема не решена" : request.comment(), null, null, null, null);
            return rated.chain(() -> apply(incident, IncidentStatus.REOPENED, reopen, actor.name()));
        }));
    }

    private Uni<Incident> apply(Incident incident, IncidentStatus to, TransitionRequest request, String actor) {
        IncidentStatus from = IncidentStatus.fromCode(incident.status);
        WorkflowTable.check(from, to);
        requireFields(from, to, request, incident.id);
        Instant now = clock.instant();
        boolean reassigned = WorkflowTable.isReassignment(from, to) && !request.agency().equals(incident.agencyCode);
        Map<String, Object> payload = new LinkedHashMap<>();
        String previousAgency = incident.agencyCode;
        switch (to) {
            case ASSIGNED -> {
                incident.agencyCode = request.agency();
                payload.put("agency", request.agency());
                if (previousAgency != null) {
                    payload.put("previousAgency", previousAgency);
                }
            }
            case ANSWERED -> {
                incident.answerText = request.answerText();
                incident.answerUrl = request.answerUrl();
                if (incident.firstResponseAt == null) {
                    incident.firstResponseAt = now;
                }
                payload.put("answerText", request.answerText());
                if (request.answerUrl() != null) {
                    payload.put("answerUrl", request.answerUrl());
                }
            }
            case RESOLVED -> incident.resolvedAt = now;
            case CLOSED -> incident.closedAt = now;
            case DUPLICATE -> {
                incident.mergedIntoId = request.duplicateOf();
                payload.put("duplicateOf", request.duplicateOf());
            }
            case REOPENED -> {
                incident.reopenCount++;
                incident.resolvedAt = null;
                incident.closedAt = null;
            }
            default -> {
            }
        }
        incident.status = to.code();
        incident.updatedAt = now;
        Uni<Void> check = to == IncidentStatus.DUPLICATE ? merge(incident, request.duplicateOf(), actor, now)
                : Uni.createFrom().voidItem();
        return check.chain(() -> deadlines.onStatusChange(incident, from, to, reassigned, now))
                .chain(() -> event(incident, reassigned ? "reassigned" : "status_changed", from, to, actor,
                        request.reason(), now, payload))
                .replaceWith(incident);
    }

    private void requireFields(IncidentStatus from, IncidentStatus to, TransitionRequest request, long id) {
        List<String> missing = new ArrayList<>();
        Set<Requirement> required = WorkflowTable.requirements(from, to);
        if (required.contains(Requirement.AGENCY) && blank(request.agency())) {
            missing.add("agency");
        }
        if (required.contains(Requirement.REASON) && blank(request.reason())) {
            missing.add("reason");
        }
        if (required.contains(Requirement.DUPLICATE_OF) && request.duplicateOf() == null) {
            missing.add("duplicateOf");
        }
        if (required.contains(Requirement.ANSWER_TEXT) && blank(request.answerText())) {
            missing.add("answerText");
        }
        if (!missing.isEmpty()) {
            throw ApiException.badRequest("Для перехода " + from.code() + " → " + to.code() + " нужны поля: " + String.join(", ", missing));
        }
        if (required.contains(Requirement.AGENCY) && routing.agency(request.agency()).isEmpty()) {
            throw ApiException.badRequest("Неизвестное ведомство: " + request.agency());
        }
        if (request.duplicateOf() != null && request.duplicateOf() == id) {
            throw ApiException.badRequest("Инцидент не может быть дубликатом самого себя");
        }
    }

    /**
     * A duplicate's posts move to the original, which takes over their count, reach and dates, so
     * the complaints keep counting — in the statistics too — under the incident that stays open.
     */
    private static Uni<Void> merge(Incident duplicate, long originalId, String actor, Instant now) {
        return Incident.<Incident>findById(originalId).chain(original -> {
            if (original == null) {
                throw ApiException.badRequest("Нет инцидента " + originalId + ", дубликатом которого объявлен " + duplicate.id);
            }
            if (IncidentStatus.fromCode(original.status) == IncidentStatus.DUPLICATE) {
                throw ApiException.badRequest("Инцидент " + originalId + " сам объявлен дубликатом; укажите исходный инцидент");
            }
            original.postCount += duplicate.postCount;
            original.reach += duplicate.reach;
            original.conflictScore = Math.max(original.conflictScore, duplicate.conflictScore);
            original.firstSeenAt = duplicate.firstSeenAt.isBefore(original.firstSeenAt) ? duplicate.firstSeenAt : original.firstSeenAt;
            original.lastSeenAt = duplicate.lastSeenAt.isAfter(original.lastSeenAt) ? duplicate.lastSeenAt : original.lastSeenAt;
            original.updatedAt = now;
            duplicate.postCount = 0;
            duplicate.reach = 0;
            return IncidentPost.update("incidentId = ?1 where incidentId = ?2", originalId, duplicate.id)
                    .chain(moved -> event(original, "duplicate_merged", null, null, actor,
                            "Присоединён дубликат " + duplicate.id, now, Map.of("duplicate", duplicate.id, "posts", moved)));
        });
    }

    /** The incident, if it exists and the actor may see it; another agency's incident does not exist for them. */
    private static Uni<Incident> load(long id, Actor actor) {
        return Incident.<Incident>findById(id).invoke(incident -> {
            if (incident == null || !actor.agencyCode().map(a -> a.equals(incident.agencyCode)).orElse(true)) {
                throw ApiException.notFound("Нет инцидента " + id);
            }
        });
    }

    private static Uni<Void> event(Incident incident, String type, IncidentStatus from, IncidentStatus to, String actor,
                                   String reason, Instant at, Map<String, Object> payload) {
        IncidentEvent event = IncidentEvent.of(incident.id, type, actor, reason, at);
        event.fromStatus = from == null ? null : from.code();
        event.toStatus = to == null ? null : to.code();
        event.payload = payload;
        return event.persist().replaceWithVoid();
    }

    private static IncidentStatus parse(String code) {
        try {
            return IncidentStatus.fromCode(code);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Неизвестный статус: " + code);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
