package ru.otklik.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ru.otklik.nlp.PostAnalysis.LabelScore;
import ru.otklik.nlp.eval.DecisionGrid.Row;
import ru.otklik.nlp.eval.OutOfFoldRows;
import ru.otklik.nlp.eval.StackFit;
import ru.otklik.nlp.rules.TopicRules;

/**
 * The learned incident decision in the decider: stored and loaded, used in place of the blend when there is an
 * incident model, the blend kept without one; and in the analysis when a models directory has {@code blend/stack.tsv}.
 */
class IncidentStackTest {

    private static final LabelScore CALM = new LabelScore("none", 0.97);
    private static final LabelScore NO_TOPIC = new LabelScore("none", 0.8);
    private static final TopicRules rules = IncidentDeciderTest.committedRules();

    @TempDir
    Path tmp;

    @AfterAll
    static void close() {
        rules.close();
    }

    /** bias −2, the incident model's logit ×1, a none rule −10, a question rule +3, log letters +0.01; at 0.5. */
    private static IncidentStack simple() {
        List<Double> w = new ArrayList<>(Collections.nCopies(StackFeatures.NAMES.size(), 0.0));
        w.set(StackFeatures.NAMES.indexOf("incident logit"), 1.0);
        w.set(StackFeatures.NAMES.indexOf("rule none"), -10.0);
        w.set(StackFeatures.NAMES.indexOf("rule question"), 3.0);
        w.set(StackFeatures.NAMES.indexOf("log letters"), 0.01);
        return new IncidentStack(-2, w, 0.5);
    }

    private static IncidentDecider.Decision decide(IncidentDecider d, double incident, String text) {
        return d.decide(CALM, new LabelScore("complaint", incident), NO_TOPIC, null, null, rules.match(text), text);
    }

    @Test
    void storedAndLoadedItGivesTheSameAnswersOnRealRows() throws IOException {
        List<Row> rows = OutOfFoldRows.read(Path.of("src/test/resources/nlp/stack-rows.tsv"), null);
        IncidentStack fitted = StackFit.fit(rows, StackFit.L2, 0.865);
        Path file = tmp.resolve("blend/stack.tsv");
        fitted.write(file, "a test\nof two lines");

        IncidentStack loaded = IncidentStack.load(tmp).orElseThrow();

        assertThat(loaded).isEqualTo(fitted);
        assertThat(Files.readAllLines(file)).startsWith("# a test", "# of two lines", "threshold\t0.865");
        for (Row r : rows) {
            double[] x = StackFeatures.of(r.complaint(), r.incident(), r.type(), r.matches(), r.clean());
            assertThat(loaded.probability(x)).isEqualTo(fitted.probability(x));
        }
        assertThat(IncidentStack.load(tmp.resolve("elsewhere"))).isEmpty();
        Files.writeString(file, Files.readString(file).replace("upper share", "upper case"));
        assertThatThrownBy(() -> IncidentStack.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("the stack's names must be");
        Files.writeString(file, "threshold\t0,9\n");
        assertThatThrownBy(() -> IncidentStack.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("«threshold» is not a number: «0,9»");
        // a hand-edited threshold of 89 (meant as 0.89) would flag nothing: refused with the file's name
        fitted.withThreshold(0.5).write(file, "a test");
        Files.writeString(file, Files.readString(file).replace("threshold\t0.5", "threshold\t89"));
        assertThatThrownBy(() -> IncidentStack.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("(0, 1]");
    }

    @Test
    void withAnIncidentModelTheDeciderDecidesByTheStackAndSaysWhy() {
        String text = "27й автобус сегодня проехал мимо остановки Фрунзе, даже не притормозил";
        assertThat(rules.match(text)).as("no analyst rule: the models' word alone").isEmpty();
        IncidentDecider blend = new IncidentDecider(0.95);
        IncidentDecider stacked = blend.withStack(simple());
        assertThat(stacked.threshold()).isEqualTo(0.5);

        // logit 0.9 = 2.2 − 2 + 0.04 > 0: the stack's incident; the blend's score 0.85 < 0.95
        IncidentDecider.Decision d = decide(stacked, 0.9, text);
        assertThat(d.incidentType()).isEqualTo("problem");
        assertThat(d.complaintDecidedBy()).isEqualTo("model");
        assertThat(d.reasons().get(0).feature()).isEqualTo("incident logit");
        assertThat(d.complaint().score()).isBetween(0.55, 0.57);
        assertThat(decide(blend, 0.9, text).incident()).isFalse();
        assertThat(decide(blend, 0.9, text).reasons()).isEmpty();
        assertThat(decide(stacked, 0.8, text).incident()).as("logit 0.8 = 1.4: below").isFalse();
    }

    @Test
    void theRulesVoiceIsTheStacksAndTheExplanationSaysWhenTheyDecided() {
        IncidentDecider stacked = new IncidentDecider(0.95).withStack(simple());
        String question = "[club123|Администрация], подскажите, когда дадут горячую воду на Пролетарской?";
        // the incident model says none (0.3): the question rule's +3 makes it an incident, so the rule decided
        IncidentDecider.Decision asked = decide(stacked, 0.3, question);
        assertThat(asked.incidentType()).isEqualTo("question");
        assertThat(asked.complaintDecidedBy()).isEqualTo("rule");
        assertThat(asked.reasons()).extracting(r -> r.feature()).contains("rule question");
        // an announcement the incident model is sure of: the none rule silences it, and says so
        String notice = "Уважаемые жители! 12 декабря с 9:00 до 17:00 плановое отключение электроэнергии на ул. Мира";
        assertThat(TopicRules.typeMatches(rules.match(notice))).extracting(m -> m.label()).contains("none");
        IncidentDecider.Decision announced = decide(stacked, 0.99, notice);
        assertThat(announced.incident()).isFalse();
        assertThat(announced.complaintDecidedBy()).isEqualTo("rule");
        // «нет» has three letters: the models alone may not flag it, however sure
        assertThat(decide(stacked, 0.999, "нет").incident()).isFalse();
    }

    @Test
    void withoutAnIncidentModelTheBlendDecides() {
        IncidentDecider blend = new IncidentDecider(0.9);
        IncidentDecider stacked = blend.withStack(simple()).withStack(simple().withThreshold(0.9));
        String text = "вот опять ничего не меняется";
        LabelScore sure = new LabelScore("complaint", 0.95);
        IncidentDecider.Decision d = stacked.decide(sure, NO_TOPIC, null, rules.match(text), text);
        assertThat(d).isEqualTo(blend.decide(sure, NO_TOPIC, null, rules.match(text), text));
        assertThat(d.incident()).isTrue();
        assertThat(d.reasons()).isEmpty();
    }

    /** The service's decider: the stack at its own threshold, or the blend at its own, unless one is configured. */
    @Test
    void aConfiguredThresholdMovesTheLineOfWhicheverDecides() {
        IncidentStack stack = simple().withThreshold(0.7);
        IncidentDecider own = IncidentDecider.of(Optional.of(stack), OptionalDouble.empty());
        IncidentDecider moved = IncidentDecider.of(Optional.of(stack), OptionalDouble.of(0.99));
        assertThat(own.learned()).isTrue();
        assertThat(own.threshold()).isEqualTo(0.7);
        assertThat(moved.learned()).isTrue();
        assertThat(moved.threshold()).isEqualTo(0.99);
        assertThat(IncidentDecider.of(Optional.empty(), OptionalDouble.empty()).threshold())
                .isEqualTo(IncidentDecider.DEFAULT_THRESHOLD);
        assertThat(IncidentDecider.of(Optional.empty(), OptionalDouble.of(0.8)).learned()).isFalse();
        // a percentage or a sign slip is refused, not a decider that flags nothing or everything
        for (double wrong : new double[] {95, 0, -0.5, Double.NaN}) {
            assertThatThrownBy(() -> IncidentDecider.of(Optional.of(stack), OptionalDouble.of(wrong)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(0, 1]");
            assertThatThrownBy(() -> new IncidentDecider(wrong)).isInstanceOf(IllegalArgumentException.class);
        }

        String text = "во дворе на улице Ленина третью неделю не горят фонари, темно";
        LabelScore complaint = new LabelScore("complaint", 0.9);
        LabelScore incident = new LabelScore("incident", 0.9);
        double p = stack.probability(StackFeatures.of(complaint, incident, null, List.of(), text));
        // the same signals on either side of the moved line
        IncidentDecider below = IncidentDecider.of(Optional.of(stack), OptionalDouble.of(p + 0.001));
        IncidentDecider above = IncidentDecider.of(Optional.of(stack), OptionalDouble.of(p - 0.001));
        assertThat(above.decide(complaint, incident, NO_TOPIC, NO_TOPIC, null, List.of(), text).incident()).isTrue();
        assertThat(below.decide(complaint, incident, NO_TOPIC, NO_TOPIC, null, List.of(), text).incident()).isFalse();
    }

    /**
     * A models directory (here a user directory beside the shipped models) with {@code blend/stack.tsv}: the analysis
     * decides by it and names its reasons, before the shipped directory's own stack (fitted on the shipped incident
     * model's answers), which decides the shipped analysis at its own threshold.
     */
    @Test
    void theAnalysisUsesAModelsDirectorysStackBeforeTheShippedOne() throws IOException {
        List<Double> w = new ArrayList<>(Collections.nCopies(StackFeatures.NAMES.size(), 0.0));
        w.set(StackFeatures.NAMES.indexOf("log letters"), 3.0);
        // every Russian text of a few words is an incident by this stack: the wiring, not a sensible model
        new IncidentStack(-6, w, 0.5).write(tmp.resolve(IncidentStack.FILE), "test");
        String text = "сегодня гуляли в парке, погода чудесная";

        TextAnalyzer user = TextAnalyzer.load(Path.of("nlp-models"), Optional.of(tmp));
        PostAnalysis withStack = user.analyze("1", text);
        PostAnalysis shipped = SharedAnalyzer.get().analyze("1", text);

        assertThat(user.incidentDecider().threshold()).isEqualTo(0.5);
        assertThat(withStack.incidentType()).isNotNull();
        assertThat(withStack.explanation().topFeatures().get("decision")).extracting(f -> f.feature())
                .containsExactly("log letters");
        IncidentStack shippedStack = IncidentStack.read(Path.of("nlp-models").resolve(IncidentStack.FILE));
        assertThat(SharedAnalyzer.get().incidentDecider().threshold()).isEqualTo(shippedStack.threshold());
        assertThat(SharedAnalyzer.get().incidentDecider().describe()).contains("blend/stack.tsv");
        assertThat(shipped.incidentType()).isNull();
    }
}
