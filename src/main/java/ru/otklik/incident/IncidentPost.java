package ru.otklik.incident;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** Membership of a post in an incident; a post belongs to one incident at most. */
@Entity
@Table(name = "incident_post")
@IdClass(IncidentPost.Key.class)
public class IncidentPost extends PanacheEntityBase {

    @Id
    @Column(name = "incident_id")
    public Long incidentId;

    @Id
    @Column(name = "post_id")
    public Long postId;

    @Column(name = "added_at")
    public Instant addedAt;

    /** The composite key. */
    public record Key(Long incidentId, Long postId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
