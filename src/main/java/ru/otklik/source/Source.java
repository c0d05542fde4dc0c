package ru.otklik.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A monitored source: its definition (from the {@code crawler/} file or the API) and its crawl state. */
@Entity
@Table(name = "source")
public class Source extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String key;
    public String kind;
    public String title;
    public String url;

    /** Kind-specific settings (VK owner id, CSS selectors, …) as they appear in the definition. */
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode config;

    /** Where the definition comes from: {@code file} or {@code api}. */
    public String origin;
    public boolean enabled;

    @Column(name = "interval_seconds")
    public int intervalSeconds;

    @Column(name = "jitter_seconds")
    public int jitterSeconds;

    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode cursor;

    public String etag;

    @Column(name = "last_modified")
    public String lastModified;

    @Column(name = "last_success_at")
    public Instant lastSuccessAt;

    @Column(name = "last_error_at")
    public Instant lastErrorAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "consecutive_failures")
    public int consecutiveFailures;

    @Column(name = "next_run_at")
    public Instant nextRunAt;

    public boolean healthy;

    /** When the crawler last started a run of this source (V10). */
    @Column(name = "last_run_at")
    public Instant lastRunAt;

    /** Items the last run left out, with the reason, e.g. a VK post whose comments are closed (V10). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "last_skipped")
    public JsonNode lastSkipped;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Uni<Source> findByKey(String key) {
        return find("key", key).firstResult();
    }
}
