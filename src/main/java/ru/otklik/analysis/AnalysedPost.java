package ru.otklik.analysis;

import ru.otklik.incident.grouping.TermVector;

/**
 * A post whose analysis is stored in this transaction, handed to the incident and alert stages.
 *
 * @param terms the text's stems for grouping, computed with the analysis; null when the post is no complaint
 */
public record AnalysedPost(StoredPost post, AnalysisResult result, TermVector terms) {

    /** A complaint with a topic: what grouping places into an incident. */
    public boolean isGroupable() {
        return result.isComplaint() && result.hasTopic();
    }
}
