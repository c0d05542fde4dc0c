package ru.otklik.nlp.eval;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ru.otklik.nlp.categorize.CategorizerStore;
import ru.otklik.nlp.categorize.CategorizerTrainer;
import ru.otklik.nlp.categorize.DocCategorizer;
import ru.otklik.nlp.categorize.TrainingConfig;
import ru.otklik.nlp.data.LabeledText;
import ru.otklik.nlp.data.LabelledTraining;
import ru.otklik.nlp.data.TaskCorpora;
import ru.otklik.nlp.data.TaskCorpus;
import ru.otklik.nlp.train.FeatureCache;

/**
 * A measurement aid, not a test: trains the topic task's LR baseline ({@link TrainingConfig#baseline()}, the recipe
 * {@code train --all} scores beside every model but does not keep) and saves it as {@code OUT/topic}, so that
 * {@link TopicViewsCompare} can pair the analysis' topic with the peer's, appeal by appeal, instead of comparing
 * two totals. Arguments: DATASETS LABELLED_DIR WEIGHT OUT — the labelled directory and weight the compared topic
 * model was trained with (its meta.json sources say which).
 */
public final class TopicBaselineSave {

    public static void main(String[] args) throws Exception {
        Path datasets = Path.of(args[0]);
        LabelledTraining labelled = LabelledTraining.read(Path.of(args[1]), Optional.of(datasets),
                Integer.parseInt(args[2]));
        TaskCorpus corpus = TaskCorpora.at(datasets, Optional.of(labelled)).build("topic");
        List<LabeledText> train = corpus.split().train();
        System.out.printf("training the topic LR baseline on %d texts%n", train.size());
        DocCategorizer base = new CategorizerTrainer().train("topic", new FeatureCache().features(train),
                train.stream().map(LabeledText::label).toList(), TrainingConfig.baseline(), corpus.sources());
        new CategorizerStore().save(base, Path.of(args[3]).resolve("topic"), Map.of());
        System.out.println("saved " + Path.of(args[3]).resolve("topic"));
    }
}
