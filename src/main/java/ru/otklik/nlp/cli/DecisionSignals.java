package ru.otklik.nlp.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import ru.otklik.nlp.IncidentDecider;
import ru.otklik.nlp.PostAnalysis.LabelScore;
import ru.otklik.nlp.TextAnalyzer;
import ru.otklik.nlp.categorize.DocCategorizer;
import ru.otklik.nlp.categorize.Prediction;
import ru.otklik.nlp.data.LabeledText;
import ru.otklik.nlp.data.LabelledPosts;
import ru.otklik.nlp.data.LabelledTraining;
import ru.otklik.nlp.eval.DecisionGrid.Row;
import ru.otklik.nlp.lang.LanguageIdentifier;
import ru.otklik.nlp.rules.RuleMatch;
import ru.otklik.nlp.rules.TopicRules;
import ru.otklik.nlp.text.NormalizedText;
import ru.otklik.nlp.text.TextNormalizer;
import ru.otklik.nlp.train.FeatureCache;

/**
 * The incident decision's inputs that do not change from fold to fold or from setting to setting of {@code crossval
 * --task incident}: each text's language, the shipped complaint model's answer and the rules' matches, for the
 * labelled dev rows and for the real texts no model trains on. The incident model's answer is added per setting.
 */
final class DecisionSignals {

    /** What does not change from fold to fold: language, the complaint model's answer, the rule matches. */
    record Fixed(boolean russian, LabelScore complaint, List<RuleMatch> matches, String clean) {
    }

    private final TextNormalizer normalizer = new TextNormalizer();
    private final LanguageIdentifier language = new LanguageIdentifier();
    private final TopicRules rules;
    private final DocCategorizer complaint;
    private final FeatureCache cache;

    DecisionSignals(Path models, DocCategorizer complaint, FeatureCache cache) {
        this.rules = TopicRules.load(models.resolve(TextAnalyzer.RULES), models.resolve(TextAnalyzer.INCIDENT_RULES));
        this.complaint = complaint;
        this.cache = cache;
    }

    /** Every labelled dev row's fixed signals, by id. */
    Map<String, Fixed> of(LabelledTraining dev) {
        Map<String, Fixed> out = new HashMap<>();
        for (LabelledPosts.Post p : dev.rows()) {
            out.put(p.id(), fixed(p.text()));
        }
        return out;
    }

    /**
     * The real texts no model trains on as decision rows, with the complaint model's answer and the rules, without
     * the incident model's (each setting adds its own, {@link #withIncident}): the dev appeals (gold: problem) and
     * the check half's tweets (gold: none; only the Russian ones, as only they reach the decision).
     */
    Map<String, List<Row>> real(Map<String, List<LabeledText>> texts) {
        Map<String, List<Row>> out = new LinkedHashMap<>();
        texts.forEach((name, list) -> {
            boolean tweets = name.equals(AppealColumns.CHECK_TWEETS) || name.equals(StackRealRows.TRAINING_TWEETS);
            List<Row> rows = new ArrayList<>();
            for (LabeledText t : list) {
                Fixed f = fixed(t.text());
                if (tweets && !f.russian()) {
                    continue;
                }
                rows.add(new Row(new LabelledPosts.Post(t.id(), "dev", name, "", t.text(),
                        tweets ? "none" : IncidentDecider.PROBLEM, ""), f.russian(), f.complaint(), null, null,
                        f.matches(), f.clean()));
            }
            out.put(name, rows);
        });
        return out;
    }

    private Fixed fixed(String text) {
        NormalizedText norm = normalizer.normalize(text);
        return new Fixed("ru".equals(language.detect(norm.clean())), score(complaint.predict(cache.features(text))),
                rules.match(norm.clean()), norm.clean());
    }

    /** The same rows with the given incident model's answer. */
    static Map<String, List<Row>> withIncident(Map<String, List<Row>> real, DocCategorizer model, FeatureCache cache) {
        return map(real, r -> new Row(r.post(), r.russian(), r.complaint(),
                IncidentDecider.incidentAnswer(model.labels(), model.probabilities(cache.features(r.post().text()))),
                r.type(), r.matches(), r.clean()));
    }

    /** The same rows with answers given by id (out of fold: the training half's tweets). */
    static List<Row> withIncident(List<Row> rows, Map<String, LabelScore> incident) {
        return rows.stream().map(r -> new Row(r.post(), r.russian(), r.complaint(), incident.get(r.post().id()),
                r.type(), r.matches(), r.clean())).toList();
    }

    /**
     * The same rows with the incident-type model's answer, as the service gives it to the decision (the model trained
     * on every dev row: it never trains on a real text); {@code model} {@code null}: unchanged.
     */
    static Map<String, List<Row>> withType(Map<String, List<Row>> real, DocCategorizer model, FeatureCache cache) {
        return model == null ? real : map(real, r -> new Row(r.post(), r.russian(), r.complaint(), r.incident(),
                score(model.predict(cache.features(r.post().text()))), r.matches(), r.clean()));
    }

    private static Map<String, List<Row>> map(Map<String, List<Row>> real, UnaryOperator<Row> f) {
        Map<String, List<Row>> out = new LinkedHashMap<>();
        real.forEach((name, rows) -> out.put(name, rows.stream().map(f).toList()));
        return out;
    }

    /** The dev rows as decision rows: their fixed signals with one setting's incident and type answers. */
    static List<Row> rows(LabelledTraining dev, Map<String, Fixed> fixed, Map<String, LabelScore> incident,
                          Map<String, LabelScore> types) {
        List<Row> rows = new ArrayList<>();
        for (LabelledPosts.Post p : dev.rows()) {
            Fixed f = fixed.get(p.id());
            rows.add(new Row(p, f.russian(), f.complaint(), incident.get(p.id()), types.get(p.id()), f.matches(),
                    f.clean()));
        }
        return rows;
    }

    /** Rounded as the analysis rounds what it passes to the decision. */
    static LabelScore score(Prediction p) {
        return new LabelScore(p.label(), Math.round(p.score() * 1000) / 1000.0);
    }
}
