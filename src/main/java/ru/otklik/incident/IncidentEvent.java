package ru.otklik.incident;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One entry of an incident's audit trail: what changed, who did it, when and why. */
@Entity
@Table(name = "incident_event")
public class IncidentEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "incident_id")
    public Long incidentId;

    public String type;

    @Column(name = "from_status")
    public String fromStatus;

    @Column(name = "to_status")
    public String toStatus;

    public String actor;
    public String reason;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> payload;

    public Instant at;

    public static IncidentEvent of(long incidentId, String type, String actor, String reason, Instant at) {
        IncidentEvent e = new IncidentEvent();
        e.incidentId = incidentId;
        e.type = type;
        e.actor = actor;
        e.reason = reason;
        e.payload = Map.of();
        e.at = at;
        return e;
    }
}
