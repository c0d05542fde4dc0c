package ru.otklik.nlp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ru.otklik.nlp.categorize.CategorizerStore;
import ru.otklik.nlp.categorize.DocCategorizer;
import ru.otklik.nlp.data.LabeledText;
import ru.otklik.nlp.eval.DecisionGrid.Row;
import ru.otklik.nlp.eval.OutOfFoldRows;
import ru.otklik.nlp.train.FeatureCache;

/**
 * The real rows of the learned decision's fit and of its judges, built as crossval builds them with the shipped
 * complaint and incident-type models and rules: the fitted and judged halves never share a text, every real row
 * carries the type model's answer, and an {@code --out} file gives the same sets back.
 */
class StackRealRowsTest {

    @TempDir
    Path tmp;

    private static final List<String> APPEALS = List.of(
            "Во дворе дома 5 по улице Ленина третью неделю не вывозят мусор, контейнеры переполнены",
            "Подскажите, когда включат горячую воду в доме 12 на Садовой?",
            "На остановке Фрунзе разбит павильон, стекла лежат на тротуаре",
            "Не горит освещение на улице Дзержинского от дома 40 до 60",
            "Яма на дороге у школы 27, машины объезжают по встречке",
            "В подъезде 1 дома 8 не работает лифт уже пять дней",
            "Прошу убрать снег с тротуара на Почтовой, люди падают",
            "Когда отремонтируют детскую площадку во дворе дома 3?");
    private static final List<String> TWEETS = List.of(
            "доброе утро всем, кофе и на работу", "смотрю футбол, наши опять проигрывают",
            "Good morning everyone, coffee time", "какая красивая сегодня погода", "нет", "купила новые кроссовки");

    @Test
    void theFittedAndJudgedRealRowsNeverMeetAndEachCarriesTheTypeAnswer() throws Exception {
        Map<String, List<Row>> real = rows();
        List<Row> trainingTweets = real.remove(StackRealRows.TRAINING_TWEETS);

        StackRealRows split = StackRealRows.of(trainingTweets, real);

        // the English tweet never reaches the decision: left out of the fit, as out of the check half
        assertThat(trainingTweets).hasSize(TWEETS.size() - 1);
        assertThat(split.judged().get(AppealColumns.CHECK_TWEETS)).hasSize(TWEETS.size() - 1);
        Set<String> fitted = new HashSet<>(split.fit().stream().map(r -> r.post().id()).toList());
        List<Row> judgedAppeals = split.judged().get("kursk");
        assertThat(judgedAppeals).isNotEmpty().allMatch(r -> !fitted.contains(r.post().id()));
        assertThat(split.fit().stream().filter(r -> r.post().source().equals("kursk")).count()
                + judgedAppeals.size()).isEqualTo(APPEALS.size());
        assertThat(fitted).containsAll(trainingTweets.stream().map(r -> r.post().id()).toList());
        // every real row has the type model's answer, as the service's decision has it
        List<Row> every = new ArrayList<>(split.fit());
        split.judged().values().forEach(every::addAll);
        assertThat(every).allSatisfy(r -> assertThat(r.type()).as(r.post().id()).isNotNull()
                .satisfies(t -> assertThat(t.label()).isIn("problem", "question")));
        // the weights: a labelled row 1, a fitted tweet ×3, a fitted appeal ×0.5
        var weight = split.weights(3, 0.5);
        assertThat(weight.applyAsDouble(trainingTweets.get(0))).isEqualTo(3);
        assertThat(weight.applyAsDouble(split.fit().stream().filter(r -> r.post().source().equals("kursk"))
                .findFirst().orElseThrow())).isEqualTo(0.5);
        assertThat(weight.applyAsDouble(new Row(new ru.otklik.nlp.data.LabelledPosts.Post("w1", "dev", "written", "",
                "x", "none", ""), true, null, null, null, List.of(), "x"))).isEqualTo(1);
    }

    @Test
    void anOutFileGivesTheSameSetsBack() throws Exception {
        Map<String, List<Row>> real = rows();
        List<String> lines = new ArrayList<>(List.of(OutOfFoldRows.HEADER));
        Row labelled = new Row(new ru.otklik.nlp.data.LabelledPosts.Post("w-1", "dev", "written", "",
                "Яма у дома", "problem", ""), true, new ru.otklik.nlp.PostAnalysis.LabelScore("complaint", 0.9),
                new ru.otklik.nlp.PostAnalysis.LabelScore("complaint", 0.8), null, List.of(), "Яма у дома");
        lines.add(OutOfFoldRows.line("setting", "written", labelled));
        real.forEach((set, rows) -> rows.forEach(r -> lines.add(OutOfFoldRows.line("setting",
                OutOfFoldRows.REAL + set, r))));
        Path file = tmp.resolve("rows.tsv");
        Files.write(file, lines);

        StackRealRows.FileRows read = StackRealRows.split(OutOfFoldRows.read(file, null));

        assertThat(read.any()).isTrue();
        assertThat(read.labelled()).extracting(r -> r.post().id()).containsExactly("w-1");
        List<Row> tweets = real.remove(StackRealRows.TRAINING_TWEETS);
        StackRealRows direct = StackRealRows.of(tweets, real);
        assertThat(read.real().fit()).extracting(r -> r.post().id() + " " + r.post().source() + " " + r.type())
                .containsExactlyElementsOf(direct.fit().stream().map(r -> r.post().id() + " " + r.post().source()
                        + " " + r.type()).toList());
        assertThat(read.real().judged().keySet()).containsExactlyElementsOf(direct.judged().keySet());
        // a file of labelled rows only (written before real rows were) reads as before: no real limits
        Files.write(file, lines.subList(0, 2));
        assertThat(StackRealRows.split(OutOfFoldRows.read(file, null)).any()).isFalse();
    }

    /** The real rows as crossval makes them: the shipped complaint model, rules and incident-type model. */
    private static Map<String, List<Row>> rows() throws Exception {
        Path models = Path.of("nlp-models");
        FeatureCache cache = new FeatureCache();
        DocCategorizer complaint = new CategorizerStore().load(models.resolve("complaint"));
        DocCategorizer type = new CategorizerStore().load(models.resolve("incident_type"));
        Map<String, List<LabeledText>> texts = new LinkedHashMap<>();
        texts.put("kursk", texts("kursk-", APPEALS, "problem"));
        texts.put(AppealColumns.CHECK_TWEETS, texts("rst-9", TWEETS, "none"));
        texts.put(StackRealRows.TRAINING_TWEETS, texts("rst-8", TWEETS, "none"));
        Map<String, List<Row>> rows = DecisionSignals.withType(new DecisionSignals(models, complaint, cache)
                .real(texts), type, cache);
        DocCategorizer incident = new CategorizerStore().load(models.resolve("incident"));
        return new LinkedHashMap<>(DecisionSignals.withIncident(rows, incident, cache));
    }

    private static List<LabeledText> texts(String prefix, List<String> texts, String label) {
        List<LabeledText> out = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            out.add(new LabeledText(prefix + i, texts.get(i), label));
        }
        return out;
    }
}
