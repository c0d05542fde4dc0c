package ru.otklik.nlp.categorize;

import java.util.List;
import java.util.Map;

/**
 * The manifest stored beside every categoriser as {@code meta.json}: what it was trained on, how, and how
 * well it did, so that any stored analysis can be traced to its model.
 *
 * @param task        complaint, topic, conflict, sentiment or agency
 * @param version     {@code task-yyyyMMdd-hash}, the hash covering the model and IDF bytes
 * @param labels      the outcomes the model can produce
 * @param trainedAt   ISO date-time (UTC)
 * @param sources     training files with row counts, free text
 * @param trainDocs   number of training documents (before oversampling)
 * @param vocabulary  number of features kept
 * @param params      training parameters
 * @param devScores   metric name → value on the dev split (empty when trained on the user's data only)
 */
public record ModelMeta(String task, String version, List<String> labels, String trainedAt, List<String> sources,
                        int trainDocs, int vocabulary, Map<String, Object> params, Map<String, Double> devScores) {
}
