package ru.otklik.post;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A text a post had before it was edited. */
@Entity
@Table(name = "post_version")
public class PostVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "post_id")
    public Long postId;

    public int version;
    public String title;
    public String text;

    @Column(name = "content_hash")
    public String contentHash;

    @Column(name = "replaced_at")
    public Instant replacedAt;
}
