package ru.otklik.incident;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A tracked problem: one or more posts, the agency that must react, and its deadlines. */
@Entity
@Table(name = "incident")
public class Incident extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String status;
    public String topic;

    /** ИМ's «Тип инцидента»: {@code problem} («Решаемый») or {@code question} («Информационный»). */
    @Column(name = "incident_type")
    public String incidentType;

    @Column(name = "agency_code")
    public String agencyCode;

    @Column(name = "municipality_code")
    public String municipalityCode;

    public String priority;
    public String title;

    @Column(name = "first_seen_at")
    public Instant firstSeenAt;

    @Column(name = "last_seen_at")
    public Instant lastSeenAt;

    @Column(name = "first_response_due_at")
    public Instant firstResponseDueAt;

    @Column(name = "deadline_at")
    public Instant deadlineAt;

    @Column(name = "first_response_at")
    public Instant firstResponseAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "post_count")
    public int postCount;

    public long reach;

    @Column(name = "conflict_score")
    public double conflictScore;

    @Column(name = "merged_into_id")
    public Long mergedIntoId;

    @Column(name = "first_response_due_calendar_at")
    public Instant firstResponseDueCalendarAt;

    @Column(name = "deadline_calendar_at")
    public Instant deadlineCalendarAt;

    public int growth;

    @Column(name = "reopen_count")
    public int reopenCount;

    @Column(name = "answer_text")
    public String answerText;

    @Column(name = "answer_url")
    public String answerUrl;

    public Integer rating;
    public Double satisfaction;

    @Column(name = "satisfaction_samples")
    public int satisfactionSamples;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
