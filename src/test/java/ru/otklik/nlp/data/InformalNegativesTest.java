package ru.otklik.nlp.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The informal hard negatives: texts naming a civic subject left out, the rest none, and no text of a held-out side
 * (Skoltech's dev side, RUSSE dev.tsv) among them. The corpus test needs {@code ../shared/datasets} and is skipped
 * without it.
 */
class InformalNegativesTest {

    private static final Path ROOT = Path.of(System.getProperty("otklik.shared", "../shared"), "datasets");

    @Test
    void aTextNamingACivicSubjectIsLeftOutAndTheRestAreNone() {
        List<LabeledText> kept = InformalNegatives.kept(List.of(
                new LabeledText("a", "да ты просто бесишь, сколько можно", "conflict"),
                new LabeledText("b", "опять у нас во дворе не вывезли мусор", "none"),
                new LabeledText("c", "Когда уже починят лифт?", "conflict"),
                new LabeledText("d", "  ", "none"),
                new LabeledText("e", "Спасибо за совет, сейчас попробую", "none")));

        assertThat(kept).extracting(LabeledText::id).containsExactly("a", "e");
        assertThat(kept).extracting(LabeledText::label).containsOnly("none");
    }

    @Test
    void onTheRealCorporaOnlyTrainingSidesAreTaken() throws Exception {
        assumeTrue(Files.isRegularFile(ROOT.resolve("russe-detox-2022/train.tsv")), "needs ../shared/datasets");
        SharedDatasets data = new SharedDatasets(ROOT);

        InformalNegatives negatives = InformalNegatives.of(data);

        Set<String> skoltechDev = Split.byId(data.skoltechFrom(0)).dev().stream().map(LabeledText::id)
                .collect(Collectors.toSet());
        assertThat(negatives.skoltech()).hasSizeGreaterThan(4000).extracting(LabeledText::id)
                .doesNotContainAnyElementsOf(skoltechDev);
        Set<String> russeDev = data.russe("dev.tsv").stream().map(LabeledText::text).collect(Collectors.toSet());
        assertThat(negatives.russe()).hasSizeGreaterThan(10_000).allMatch(t -> t.id().startsWith("russe-train.tsv-"));
        assertThat(negatives.all()).hasSize(negatives.skoltech().size() + negatives.russe().size())
                .noneMatch(t -> TaskCorpora.CIVIC.matcher(t.text()).find());
        assertThat(negatives.russe().stream().filter(t -> russeDev.contains(t.text())).count())
                .isLessThan(negatives.russe().size() / 100);
    }
}
