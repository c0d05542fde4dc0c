package ru.otklik.post;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Formula;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A stored post: the current version of its text plus counters; older texts live in {@link PostVersion}. */
@Entity
@Table(name = "post")
public class Post extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "source_id")
    public Long sourceId;

    @Column(name = "external_id")
    public String externalId;

    public String url;

    @Column(name = "author_handle")
    public String authorHandle;

    @Column(name = "author_name")
    public String authorName;

    @Column(name = "author_pseudonym")
    public String authorPseudonym;

    public String title;
    public String text;

    @Column(name = "content_hash")
    public String contentHash;

    public int version;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "fetched_at")
    public Instant fetchedAt;

    public Long likes;
    public Long reposts;
    public Long comments;
    public Long views;

    @Column(name = "parent_external_id")
    public String parentExternalId;

    @Column(name = "parent_id")
    public Long parentId;

    /**
     * The post this one copies (the earliest of its near-duplicate group) or reposts, as {@code NearDuplicateLinker}
     * keeps it (V77): the fingerprint row's link, else post's own. Read-only: linking writes it in SQL.
     */
    @Formula("coalesce((select f.original_id from post_fingerprint f where f.post_id = id), original_id)")
    public Long originalId;

    public Long simhash;

    /**
     * The source's own payload as it came, for audit and re-parsing. A payload stored without the text the row keeps
     * in {@link #text} ({@code raw_without_text}, V74: {@link StoredRaw}) gets it back here; read-only, as the
     * upsert writes the stored form.
     */
    @JdbcTypeCode(SqlTypes.JSON)
    @Formula("(case when raw_without_text then raw || jsonb_build_object('text', text) else raw end)")
    public JsonNode raw;

    @Column(name = "analysis_state")
    public String analysisState;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public PostMetrics metrics() {
        return new PostMetrics(likes, reposts, comments, views);
    }
}
