package ru.otklik.source;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import ru.otklik.common.ApiException;

/** Creates and changes sources, from the file at start or over the API. */
@ApplicationScoped
public class SourceService {

    private static final Logger LOG = Logger.getLogger(SourceService.class);

    private final Clock clock;

    public SourceService(Clock clock) {
        this.clock = clock;
    }

    public Uni<List<Source>> list() {
        return Panache.withSession(() -> Source.<Source>find("order by key").list());
    }

    public Uni<Source> get(String key) {
        return Panache.withSession(() -> Source.findByKey(key)).map(s -> {
            if (s == null) {
                throw ApiException.notFound("Нет источника с ключом '" + key + "'");
            }
            return s;
        });
    }

    /** Makes the file-defined sources match the file; file sources no longer listed are disabled, not deleted. */
    public Uni<Void> applyFile(List<SourceDefinition> definitions) {
        Set<String> keys = definitions.stream().map(SourceDefinition::key).collect(Collectors.toSet());
        return Panache.withTransaction(() -> Multi.createFrom().iterable(definitions)
                .onItem().transformToUniAndConcatenate(d -> Source.findByKey(d.key())
                        .chain(existing -> save(existing == null ? null : existing, d, "file")))
                .collect().asList()
                .chain(saved -> Source.<Source>list("origin = 'file' and enabled = true"))
                .invoke(all -> all.stream().filter(s -> !keys.contains(s.key)).forEach(s -> {
                    LOG.infof("Source %s is no longer in the sources file: disabled", s.key);
                    s.enabled = false;
                    s.updatedAt = clock.instant();
                }))
                .replaceWithVoid());
    }

    public Uni<Source> create(SourceDefinition definition) {
        return Panache.withTransaction(() -> Source.findByKey(definition.key()).chain(existing -> {
            if (existing != null) {
                throw ApiException.conflict("Источник с ключом '" + definition.key() + "' уже есть; измените его через PUT");
            }
            return save(null, definition, "api");
        }));
    }

    public Uni<Source> update(String key, SourceDefinition definition) {
        if (!key.equals(definition.key())) {
            throw ApiException.badRequest("поле 'key': '" + definition.key() + "' не совпадает с ключом в адресе '" + key + "'");
        }
        return Panache.withTransaction(() -> Source.findByKey(key).chain(existing -> {
            if (existing == null) {
                throw ApiException.notFound("Нет источника с ключом '" + key + "'");
            }
            return save(existing, definition, existing.origin);
        }));
    }

    public Uni<Source> setEnabled(String key, boolean enabled) {
        return Panache.withTransaction(() -> Source.findByKey(key).map(s -> {
            if (s == null) {
                throw ApiException.notFound("Нет источника с ключом '" + key + "'");
            }
            s.enabled = enabled;
            s.updatedAt = clock.instant();
            if (enabled && s.nextRunAt == null) {
                s.nextRunAt = clock.instant();
            }
            return s;
        }));
    }

    private Uni<Source> save(Source existing, SourceDefinition d, String origin) {
        Instant now = clock.instant();
        Source s = existing == null ? new Source() : existing;
        boolean fresh = existing == null;
        // a new place to read from makes the old cursor and validators meaningless
        boolean moved = fresh || !Objects.equals(s.kind, d.kind()) || !Objects.equals(s.url, d.url())
                || !Objects.equals(s.config, d.config());
        s.key = d.key();
        s.kind = d.kind();
        s.title = d.title();
        s.url = d.url();
        s.config = d.config();
        s.origin = origin;
        s.enabled = d.enabled();
        s.intervalSeconds = d.intervalSeconds();
        s.jitterSeconds = d.jitterSeconds();
        s.updatedAt = now;
        if (moved) {
            s.cursor = null;
            s.etag = null;
            s.lastModified = null;
            s.nextRunAt = now;
            s.healthy = true;
            s.consecutiveFailures = 0;
        }
        if (fresh) {
            s.createdAt = now;
            s.lastSkipped = ru.otklik.source.SkippedItems.none();
            return s.persist();
        }
        return Uni.createFrom().item(s);
    }
}
