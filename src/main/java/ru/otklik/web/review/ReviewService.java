package ru.otklik.web.review;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jboss.logging.Logger;
import ru.otklik.common.ApiException;

/**
 * Stores analysts' verdicts. A confirmed or corrected complaint also corrects the incident its post belongs
 * to, in the same transaction, with a {@code corrected} event naming the reviewer: the agency should not
 * keep working on a wrongly routed problem while the correction waits for the next training run.
 */
@ApplicationScoped
public class ReviewService {

    private static final Logger LOG = Logger.getLogger(ReviewService.class);
    private static final Set<String> ACTIONS = Set.of("confirm", "reject", "correct");

    private static final String CURRENT = """
            select p.version, a.id as analysis_id, a.topic, a.agency, a.municipality,
                   coalesce(ms.versions, '{}')::text as model_versions, ip.incident_id
            from post p
            left join post_analysis a on a.post_id = p.id and a.post_version = p.version
            left join model_set ms on ms.id = a.model_set_id
            left join incident_post ip on ip.post_id = p.id
            where p.id = $1
            for update of p""";

    private static final String INSERT = """
            insert into review (post_id, post_version, analysis_id, model_versions, decision, model_topic,
                                model_agency, model_municipality, topic, agency, municipality, comment, reviewer,
                                reviewed_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
            returning id""";

    private final Pool pool;
    private final ReferenceNames references;
    private final Clock clock;

    public ReviewService(Pool pool, ReferenceNames references, Clock clock) {
        this.pool = pool;
        this.references = references;
        this.clock = clock;
    }

    public Uni<ReviewResult> review(ReviewRequest request, String reviewer) {
        if (request == null || request.postId() == null) {
            throw ApiException.badRequest("Укажите postId — идентификатор поста");
        }
        String action = request.action() == null ? "" : request.action().strip().toLowerCase();
        if (!ACTIONS.contains(action)) {
            throw ApiException.badRequest("action должен быть confirm, reject или correct, получено «"
                    + request.action() + "»");
        }
        return references.catalog().chain(catalog -> {
            check(catalog.topics().keySet(), request.topic(), "тема");
            check(catalog.agencies().keySet(), request.agency(), "ведомство");
            check(catalog.municipalities().keySet(), request.municipality(), "муниципалитет");
            return pool.withTransaction(c -> c.preparedQuery(CURRENT).execute(Tuple.of(request.postId()))
                    .chain(rows -> {
                        if (rows.size() == 0) {
                            throw ApiException.notFound("Нет поста " + request.postId());
                        }
                        Row current = rows.iterator().next();
                        if (current.getLong("analysis_id") == null) {
                            throw ApiException.conflict("Пост " + request.postId()
                                    + " ещё не проанализирован: проверять нечего");
                        }
                        return store(c, request, action, current, reviewer);
                    }));
        });
    }

    private Uni<ReviewResult> store(SqlConnection c, ReviewRequest request, String action, Row current,
                                    String reviewer) {
        Instant now = clock.instant();
        String modelTopic = current.getString("topic");
        String modelAgency = current.getString("agency");
        String modelMunicipality = current.getString("municipality");
        boolean rejected = "reject".equals(action);
        String topic = rejected ? null : known(firstNonBlank(request.topic(), modelTopic));
        String agency = rejected ? null : firstNonBlank(request.agency(), modelAgency);
        String municipality = rejected ? null : firstNonBlank(request.municipality(), modelMunicipality);
        String decision = rejected ? "rejected"
                : Objects.equals(topic, known(modelTopic)) && Objects.equals(agency, modelAgency)
                && Objects.equals(municipality, modelMunicipality) ? "confirmed" : "corrected";
        int version = current.getInteger("version");
        Long incident = current.getLong("incident_id");
        Tuple row = Tuple.tuple()
                .addLong(request.postId()).addInteger(version).addLong(current.getLong("analysis_id"))
                .addJsonObject(new JsonObject(Objects.requireNonNullElse(current.getString("model_versions"), "{}"))).addString(decision)
                .addString(modelTopic).addString(modelAgency).addString(modelMunicipality)
                .addString(topic).addString(agency).addString(municipality)
                .addString(blankToNull(request.comment())).addString(reviewer)
                .addOffsetDateTime(now.atOffset(ZoneOffset.UTC));
        return c.preparedQuery(INSERT).execute(row).map(rows -> rows.iterator().next().getLong("id"))
                .chain(id -> (incident == null || rejected ? Uni.createFrom().item(false)
                        : correctIncident(c, incident, request.postId(), id, topic, agency, municipality, reviewer, now))
                        .map(changed -> new ReviewResult(id, request.postId(), version, decision, topic, agency,
                                municipality, modelTopic, modelAgency, modelMunicipality, reviewer, now, incident,
                                changed)));
    }

    /** Brings the incident in line with the verdict; no event when nothing differs. */
    private Uni<Boolean> correctIncident(SqlConnection c, long incident, long postId, long reviewId, String topic,
                                         String agency, String municipality, String reviewer, Instant now) {
        return c.preparedQuery("select topic, agency_code, municipality_code from incident where id = $1 for update")
                .execute(Tuple.of(incident)).chain(rows -> {
                    Row row = rows.iterator().next();
                    Map<String, Object> from = new LinkedHashMap<>();
                    Map<String, Object> to = new LinkedHashMap<>();
                    diff("topic", row.getString("topic"), topic, from, to);
                    diff("agency", row.getString("agency_code"), agency, from, to);
                    diff("municipality", row.getString("municipality_code"), municipality, from, to);
                    if (to.isEmpty()) {
                        return Uni.createFrom().item(false);
                    }
                    JsonObject payload = new JsonObject().put("postId", postId).put("reviewId", reviewId)
                            .put("from", new JsonObject(from)).put("to", new JsonObject(to));
                    return c.preparedQuery("""
                                    update incident set topic = coalesce($2, topic),
                                           agency_code = coalesce($3, agency_code),
                                           municipality_code = coalesce($4, municipality_code), updated_at = $5
                                    where id = $1""")
                            .execute(Tuple.of(incident, to.get("topic"), to.get("agency"), to.get("municipality"),
                                    now.atOffset(ZoneOffset.UTC)))
                            .chain(() -> c.preparedQuery("""
                                    insert into incident_event (incident_id, type, actor, reason, payload, at)
                                    values ($1, 'corrected', $2, $3, $4, $5)""")
                                    .execute(Tuple.of(incident, reviewer,
                                            "Аналитик исправил разметку поста " + postId, payload,
                                            now.atOffset(ZoneOffset.UTC))))
                            .invoke(() -> LOG.debugf("Incident %s corrected by %s after review %s", (Object) incident,
                                    reviewer, reviewId))
                            .replaceWith(true);
                });
    }

    /** Records a field the verdict changes; a verdict without a value (no place found) changes nothing. */
    private static void diff(String field, String was, String now, Map<String, Object> from, Map<String, Object> to) {
        if (now != null && !now.equals(was)) {
            from.put(field, was);
            to.put(field, now);
        }
    }

    private static void check(Set<String> known, String code, String what) {
        if (code != null && !code.isBlank() && !known.contains(code.strip())) {
            throw ApiException.badRequest("Неизвестный код (" + what + "): " + code);
        }
    }

    /** "none" is the categoriser's "no topic", not a rubric code. */
    private static String known(String topic) {
        return topic == null || "none".equals(topic) ? null : topic;
    }

    private static String firstNonBlank(String given, String model) {
        return given != null && !given.isBlank() ? given.strip() : model;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
