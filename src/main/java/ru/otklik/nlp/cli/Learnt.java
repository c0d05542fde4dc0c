package ru.otklik.nlp.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import ru.otklik.nlp.categorize.CategorizerTrainer;
import ru.otklik.nlp.categorize.DocCategorizer;
import ru.otklik.nlp.categorize.TrainingConfig;
import ru.otklik.nlp.data.IncidentRecipe;
import ru.otklik.nlp.data.LabeledText;
import ru.otklik.nlp.data.LabelledTraining;
import ru.otklik.nlp.train.FeatureCache;

/**
 * What a task's model learns in {@code crossval --task incident}: the labelled rows ({@code rowsOf}, repeated
 * {@code weight} times), {@code more} beside them, and hard negatives (real tweets, informal comments) at their
 * weights ({@link IncidentRecipe#weigh}).
 */
record Learnt(Function<LabelledTraining, List<LabeledText>> rowsOf, List<LabeledText> more,
              List<IncidentRecipe.Negatives> negatives, int weight, TrainingConfig config) {

    /**
     * The texts of {@code held} (hard negatives a recipe holds, to be answered out of fold) in {@code fold} of
     * {@code folds}: the labelled rows' fold function ({@link LabelledTraining#fold}) of their ids.
     */
    static List<LabeledText> inFold(List<LabeledText> held, int fold, int folds) {
        return held.stream().filter(t -> LabelledTraining.fold(t.id(), folds) == fold).toList();
    }

    IncidentRecipe.Weighted of(LabelledTraining dev) {
        List<LabeledText> rows = new ArrayList<>(rowsOf.apply(dev.withWeight(weight)));
        rows.addAll(more);
        return IncidentRecipe.weigh(rows, negatives, weight);
    }

    /** The same recipe without the hard negatives of {@code scored} (by id): the real texts a fold's model answers. */
    Learnt without(List<LabeledText> scored) {
        if (scored.isEmpty()) {
            return this;
        }
        Set<String> ids = scored.stream().map(LabeledText::id).collect(Collectors.toSet());
        return new Learnt(rowsOf, more, negatives.stream().map(n -> new IncidentRecipe.Negatives(
                n.texts().stream().filter(t -> !ids.contains(t.id())).toList(), n.weight())).toList(), weight, config);
    }

    DocCategorizer train(CategorizerTrainer trainer, String task, FeatureCache cache, LabelledTraining dev) {
        IncidentRecipe.Weighted train = of(dev);
        return trainer.train(task, cache.features(train.texts()),
                train.texts().stream().map(LabeledText::label).toList(), train.counts(), config, List.of());
    }
}
