package ru.otklik.nlp.data;

import java.util.List;
import java.util.Map;

/**
 * Everything needed to train and evaluate one task.
 *
 * @param task     task name
 * @param split    training and (merged) dev examples
 * @param sources  human-readable description of the files and how they were labelled, for the manifest
 * @param devViews named dev subsets reported separately, e.g. "kursk" for numbers comparable to the
 *                 published baseline
 * @param counts   how many times each training example is given to the trainer, in the order of
 *                 {@code split().train()}; empty: once each (the incident model's weighed tweets,
 *                 {@link IncidentRecipe#weigh})
 */
public record TaskCorpus(String task, Split split, List<String> sources, Map<String, List<LabeledText>> devViews,
                         List<Integer> counts) {

    public TaskCorpus(String task, Split split, List<String> sources, Map<String, List<LabeledText>> devViews) {
        this(task, split, sources, devViews, List.of());
    }
}
