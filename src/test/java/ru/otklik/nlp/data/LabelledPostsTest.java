package ru.otklik.nlp.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledPostsTest {

    private static final Path SHARED = Path.of(System.getProperty("otklik.shared", "../shared"), "datasets");
    private static final String HEADER = "id\tsplit\tsource\tref\ttext\tincident\ttopic\n";

    @TempDir
    Path dir;

    @Test
    void readsWrittenTextsAndSkipsCorpusRowsWithoutTheSharedDatasets() throws IOException {
        Files.writeString(dir.resolve("a.tsv"), HEADER
                + "post-1\tdev\twritten\tkursk:12\tфонари во дворе не горят 😡\tproblem\thousing_utilities\n"
                + "tw-1282311169534038016\ttest\trusentitweet\t1282311169534038016\t\tnone\t\n");
        LabelledPosts.Result r = new LabelledPosts(Optional.of(dir.resolve("no-such-dir"))).read(dir);
        assertThat(r.posts()).singleElement().satisfies(p -> {
            assertThat(p.text()).isEqualTo("фонари во дворе не горят 😡");
            assertThat(p.isIncident()).isTrue();
            assertThat(p.topic()).isEqualTo("housing_utilities");
            assertThat(p.test()).isFalse();
        });
        assertThat(r.unresolved()).isEqualTo(1);
    }

    @Test
    void aSubdirectorysFilesAreNotReadSoThatUnseenWritersStayUnseen() throws IOException {
        Files.writeString(dir.resolve("a.tsv"), HEADER
                + "post-1\tdev\twritten\t\tфонари во дворе не горят\tproblem\thousing_utilities\n");
        Path unseen = Files.createDirectories(dir.resolve("unseen"));
        Files.writeString(unseen.resolve("b.tsv"), HEADER
                + "post-y1\tdev\twritten\t\tна Пузакова 12 не вывозят баки\tproblem\tecology\n");
        assertThat(new LabelledPosts(Optional.empty()).read(dir).posts()).extracting(LabelledPosts.Post::id)
                .containsExactly("post-1");
        assertThat(new LabelledPosts(Optional.empty()).read(unseen).posts()).extracting(LabelledPosts.Post::id)
                .containsExactly("post-y1");
    }

    @Test
    void aShortRowFailsWithItsFileAndLine() throws IOException {
        Files.writeString(dir.resolve("b.tsv"), HEADER + "post-2\tdev\twritten\n");
        assertThatThrownBy(() -> new LabelledPosts(Optional.empty()).read(dir)).hasMessageContaining("b.tsv:2");
    }

    /** Needs {@code ../shared/datasets}; skipped without it. */
    @Test
    void resolvesTweetsNewsAndFixturesByRef() throws IOException {
        assumeTrue(Files.isDirectory(SHARED.resolve("rusentitweet")), "needs ../shared/datasets");
        Files.writeString(dir.resolve("c.tsv"), HEADER
                + "tw-1282311169534038016\tdev\trusentitweet\t1282311169534038016\t\tnone\t\n"
                + "news-lenta-1\tdev\tlenta\thttps://lenta.ru/news/2022/12/03/freedman/\t\tnone\t\n"
                + "news-tg-1\tdev\ttelegram\tfull.html#topwar_official/70989\t\tnone\t\n");
        LabelledPosts.Result r = new LabelledPosts(Optional.of(SHARED)).read(dir);
        assertThat(r.unresolved()).isZero();
        assertThat(r.posts()).extracting(LabelledPosts.Post::text).satisfies(texts -> {
            assertThat(texts.get(0)).contains("Чимина");
            assertThat(texts.get(1)).contains("Фридман");
            assertThat(texts.get(2)).isNotBlank();
        });
    }
}
