package ru.otklik.analysis;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The stored analysis of one version of a post, with the set of model versions that produced it. */
@Entity
@Table(name = "post_analysis")
public class PostAnalysisRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "post_id")
    public Long postId;

    @Column(name = "post_version")
    public int postVersion;

    public String lang;
    public String complaint;
    @Column(name = "complaint_score")
    public Double complaintScore;
    /** {@code problem} or {@code question} for an incident, null otherwise. */
    @Column(name = "incident_type")
    public String incidentType;
    public String topic;
    @Column(name = "topic_score")
    public Double topicScore;
    public String conflict;
    @Column(name = "conflict_score")
    public Double conflictScore;
    /** {@code inappropriate} or {@code none}; null for analyses stored before V72. */
    public String inappropriate;
    @Column(name = "inappropriate_score")
    public Double inappropriateScore;
    public String sentiment;
    @Column(name = "sentiment_score")
    public Double sentimentScore;
    public String municipality;
    public String agency;
    @Column(name = "agency_score")
    public Double agencyScore;
    @Column(name = "agency_decided_by")
    public String agencyDecidedBy;

    /** Stored as {@code {"mentions": [...]}}: a JSON column must hold an object. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, List<AnalysisResult.Place>> places;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> explanation;

    /** The model versions that produced it: a row of {@code model_set}, shared by every analysis they made. */
    @Column(name = "model_set_id")
    public Long modelSetId;

    @Column(name = "analysed_at")
    public Instant analysedAt;
}
