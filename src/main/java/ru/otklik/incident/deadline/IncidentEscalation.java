package ru.otklik.incident.deadline;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A threshold that has fired; unique per (incident, clock, cycle, threshold). */
@Entity
@Table(name = "incident_escalation")
public class IncidentEscalation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "incident_id")
    public Long incidentId;

    public String clock;
    public int cycle;
    public int threshold;

    @Column(name = "fired_at")
    public Instant firedAt;
}
