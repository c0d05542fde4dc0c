package ru.otklik.nlp.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guard that keeps the labelled set's test part out of every model's training. */
class LabelledTrainingTest {

    private static final String HEADER = "id\tsplit\tsource\tref\ttext\tincident\ttopic\n";

    @TempDir
    Path dir;

    /** post-1, -2, -4, -5 are dev by CRC32 of their id; post-3 and post-6 are test. */
    private LabelledTraining sample(int weight) throws IOException {
        Files.writeString(dir.resolve("a.tsv"), HEADER
                + "post-1\tdev\twritten\tkursk:12\tфонари во дворе не горят\tproblem\thousing_utilities\n"
                + "post-2\tdev\twritten\t\tподскажите, когда дадут горячую воду?\tquestion\thousing_utilities\n"
                + "post-3\ttest\twritten\t\tяма на Ленина, когда засыплют\tproblem\troads\n"
                + "post-4\tdev\twritten\t\tУважаемые жители! 12 мая плановое отключение воды\tnone\t\n"
                + "post-6\ttest\twritten\t\tспасибо за новую площадку\tnone\t\n");
        return LabelledTraining.read(dir, Optional.empty(), weight);
    }

    @Test
    void onlyDevRowsTrainAndEachTaskGetsItsLabels() throws IOException {
        LabelledTraining l = sample(1);
        assertThat(l.rows()).extracting(LabelledPosts.Post::id).containsExactly("post-1", "post-2", "post-4");
        assertThat(l.complaint()).extracting(LabeledText::label).containsExactly("complaint", "complaint", "none");
        assertThat(l.topic()).extracting(LabeledText::label).containsExactly("housing_utilities", "housing_utilities");
        assertThat(l.incidentType()).extracting(LabeledText::label).containsExactly("problem", "question");
        assertThat(l.kurskRefs()).containsExactly("12");
        assertThat(l.byIncidentType()).extracting(LabeledText::label).containsExactly("problem", "question", "none");
        assertThat(l.forTask("incident")).extracting(LabeledText::label).containsExactly("complaint", "complaint", "none");
        for (String task : List.of("complaint", "incident", "topic", "incident_type")) {
            assertThat(l.forTask(task)).extracting(LabeledText::text)
                    .doesNotContain("яма на Ленина, когда засыплют", "спасибо за новую площадку");
        }
    }

    @Test
    void aRowWhoseSplitColumnDisagreesWithItsIdIsRefused() throws IOException {
        // post-3 is on the test side by its id: a file that calls it dev would leak a test row into training.
        Files.writeString(dir.resolve("b.tsv"), HEADER + "post-3\tdev\twritten\t\tяма на Ленина\tproblem\troads\n");
        assertThatThrownBy(() -> LabelledTraining.read(dir, Optional.empty(), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("post-3")
                .hasMessageContaining("test side");
        Files.writeString(dir.resolve("b.tsv"), HEADER + "post-1\ttest\twritten\t\tфонари\tproblem\troads\n");
        assertThatThrownBy(() -> LabelledTraining.read(dir, Optional.empty(), 1)).hasMessageContaining("post-1");
    }

    @Test
    void theWeightRepeatsRowsAndAFoldCanBeHeldOut() throws IOException {
        LabelledTraining l = sample(3);
        assertThat(l.complaint()).hasSize(9);
        assertThat(l.complaint().stream().map(LabeledText::id).distinct()).hasSize(9);
        assertThat(l.withWeight(1).complaint()).hasSize(3);
        int fold = LabelledTraining.fold("post-1", 5);
        assertThat(l.withoutFold(fold, 5).rows()).extracting(LabelledPosts.Post::id).doesNotContain("post-1");
        assertThat(l.onlyFold(fold, 5).rows()).extracting(LabelledPosts.Post::id).contains("post-1")
                .allMatch(id -> LabelledTraining.fold(id, 5) == fold);
        assertThat(l.onlyFold(fold, 5).rows().size() + l.withoutFold(fold, 5).rows().size()).isEqualTo(3);
        assertThatThrownBy(() -> l.withWeight(0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The committed set: every row it would train on is on the dev side, and every dev row is used. */
    @Test
    void theCommittedSetTrainsOnItsDevPartOnly() throws IOException {
        Path committed = Path.of("labelled");
        LabelledPosts.Result all = new LabelledPosts(Optional.empty()).read(committed);
        LabelledTraining l = LabelledTraining.read(committed, Optional.empty(), 1);
        Set<String> used = l.rows().stream().map(LabelledPosts.Post::id).collect(Collectors.toSet());
        assertThat(used).isNotEmpty().noneMatch(LabelledTraining::isTestId);
        assertThat(used).containsExactlyInAnyOrderElementsOf(all.posts().stream().filter(p -> !p.test())
                .map(LabelledPosts.Post::id).toList());
    }
}
