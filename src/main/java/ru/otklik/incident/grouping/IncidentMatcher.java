package ru.otklik.incident.grouping;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a complaint is about a problem an open incident already tracks: same topic,
 * same municipality (an unknown municipality only matches an unknown one), seen within the
 * window, and text at least {@code minSimilarity} alike. The most similar candidate wins, the
 * most recently seen one on a tie. Pure, so the rule is testable without a database.
 */
public final class IncidentMatcher {

    private final Duration window;
    private final double minSimilarity;

    public IncidentMatcher(Duration window, double minSimilarity) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("otklik.grouping.window must be positive");
        }
        if (minSimilarity < 0 || minSimilarity > 1) {
            throw new IllegalArgumentException("otklik.grouping.min-similarity must be within 0..1");
        }
        this.window = window;
        this.minSimilarity = minSimilarity;
    }

    public Duration window() {
        return window;
    }

    public Optional<GroupingMatch> match(Complaint complaint, List<GroupingCandidate> candidates) {
        return candidates.stream()
                .filter(c -> c.status().isOpen())
                .filter(c -> Objects.equals(c.topic(), complaint.topic()))
                .filter(c -> Objects.equals(c.municipality(), complaint.municipality()))
                .filter(c -> Duration.between(c.lastSeenAt(), complaint.publishedAt()).abs().compareTo(window) <= 0)
                .map(c -> new Scored(c, c.terms().cosine(complaint.terms())))
                .filter(s -> s.similarity >= minSimilarity)
                .max(Comparator.comparingDouble(Scored::similarity)
                        .thenComparing(s -> s.candidate.lastSeenAt()))
                .map(s -> new GroupingMatch(s.candidate.incidentId(), s.similarity));
    }

    private record Scored(GroupingCandidate candidate, double similarity) {
    }
}
