package ru.otklik.nlp.cli;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import ru.otklik.nlp.categorize.CategorizerTrainer;
import ru.otklik.nlp.categorize.DocCategorizer;
import ru.otklik.nlp.categorize.TrainingConfig;
import ru.otklik.nlp.data.LabeledText;
import ru.otklik.nlp.data.Split;
import ru.otklik.nlp.train.CrossValidation;
import ru.otklik.nlp.train.FeatureCache;

/**
 * A measurement aid, not a test: cross-validates the agency task on a history file under several settings in
 * one JVM (features extracted once) and writes each setting's held-out predictions as {@code crossval --out}
 * does, for {@code crossval --from … --compare}. Arguments: FILE TEXT_FIELD LABEL_FIELD OUT_DIR then settings
 * {@code l2:power:maxFeatures:minDf}.
 */
public final class AgencyGrid {

    public static void main(String[] args) throws Exception {
        List<LabeledText> rows = UserDataReader.read(Path.of(args[0]), args[1], args[2]);
        Path out = Path.of(args[3]);
        Files.createDirectories(out);
        CrossValidation cv = new CrossValidation(System.err);
        for (int i = 4; i < args.length; i++) {
            String[] p = args[i].split(":");
            TrainingConfig config = TrainingConfig.tuned().withL2(Double.parseDouble(p[0]))
                    .withOversamplePower(Double.parseDouble(p[1])).withMaxFeatures(Integer.parseInt(p[2]))
                    .withMinDf(Integer.parseInt(p[3]));
            long t0 = System.nanoTime();
            // -Dfold=K scores one fold only (a model trained on the other four), for a quick check on a busy machine
            String only = System.getProperty("fold");
            List<CrossValidation.Prediction> predictions = only == null ? cv.run("agency", rows, 5, config)
                    : oneFold(rows, Integer.parseInt(only), config);
            long right = predictions.stream().filter(CrossValidation.Prediction::correct).count();
            System.out.printf(Locale.ROOT, "%s\t%s\t%.4f\t%d\t%.0f s%n", args[0], args[i],
                    (double) right / predictions.size(), predictions.size(), (System.nanoTime() - t0) / 1e9);
            System.out.flush();
            try (BufferedWriter w = Files.newBufferedWriter(out.resolve(args[i].replace(':', '_') + ".jsonl"),
                    StandardCharsets.UTF_8)) {
                for (CrossValidation.Prediction pr : predictions) {
                    w.write(String.format("{\"id\":\"%s\",\"fold\":%d,\"gold\":%s,\"predicted\":%s}%n", pr.id(),
                            pr.fold(), quote(pr.gold()), quote(pr.predicted())));
                }
            }
        }
    }

    private static List<CrossValidation.Prediction> oneFold(List<LabeledText> rows, int fold, TrainingConfig config) {
        FeatureCache cache = new FeatureCache();
        List<LabeledText> train = rows.stream().filter(t -> Split.fold(t.id(), 5) != fold).toList();
        DocCategorizer model = new CategorizerTrainer().train("agency", cache.features(train),
                train.stream().map(LabeledText::label).toList(), config, List.of());
        return rows.stream().filter(t -> Split.fold(t.id(), 5) == fold).map(t -> new CrossValidation.Prediction(t.id(),
                fold, t.label(), model.predict(cache.features(t.text())).label())).toList();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
