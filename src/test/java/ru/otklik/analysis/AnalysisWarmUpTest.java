package ru.otklik.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalysisWarmUpTest {

    /** Records the texts it is given; what the warm-up feeds the analyzer is what the test checks. */
    private final List<String> seen = new ArrayList<>();
    private final AnalysisWarmUp warmUp = new AnalysisWarmUp(text -> {
        seen.add(text);
        return AnalysisResult.languageOnly("ru", java.util.Map.of());
    }, null);

    @Test
    void readsTheTextColumnOfTheShippedWrittenPosts() throws IOException {
        Path file = Path.of("labelled/written-posts.tsv");
        List<String> texts = AnalysisWarmUp.texts(file);
        long rows = Files.readAllLines(file).stream().skip(1).filter(l -> !l.isBlank()).count();
        assertThat(texts).hasSize((int) rows);
        assertThat(texts.get(0)).startsWith("уберите уже мусор у баков на Металлургов 12");
        assertThat(texts).noneMatch(t -> t.contains("\t"));
    }

    @Test
    void analysesTheTextsRoundAndRoundUntilTheBudgetIsSpent() {
        // a clock that moves 1 ms each time it is read: the budget is read once, then before each analysis
        AtomicLong clock = new AtomicLong();
        int analysed = warmUp.run(List.of("первый", "второй", "третий"), 100, Duration.ofMillis(10),
                () -> clock.getAndAdd(1_000_000));
        assertThat(analysed).isEqualTo(9);
        assertThat(seen).containsExactly("первый", "второй", "третий", "первый", "второй", "третий",
                "первый", "второй", "третий");
    }

    @Test
    void stopsAfterItsNumberOfTextsWhenTimeIsLeft() {
        AtomicLong clock = new AtomicLong();
        assertThat(warmUp.run(List.of("первый", "второй"), 3, Duration.ofSeconds(60), () -> clock.getAndAdd(1_000_000)))
                .isEqualTo(3);
        assertThat(seen).containsExactly("первый", "второй", "первый");
    }

    @Test
    void noBudgetOrNoTextsMeansNoAnalysis() {
        AtomicLong clock = new AtomicLong();
        assertThat(warmUp.run(List.of("текст"), 100, Duration.ZERO, () -> clock.getAndAdd(1_000_000))).isZero();
        assertThat(warmUp.run(List.of("текст"), 0, Duration.ofSeconds(5), () -> clock.getAndAdd(1_000_000))).isZero();
        assertThat(warmUp.run(List.of(), 100, Duration.ofSeconds(5), () -> clock.getAndAdd(1_000_000))).isZero();
        assertThat(seen).isEmpty();
    }

    @Test
    void aFileWithoutATextColumnIsAClearError(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("posts.tsv");
        Files.writeString(file, "id\tbody\n1\tЯма на дороге\n");
        assertThatThrownBy(() -> AnalysisWarmUp.texts(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no \"text\" column");
    }
}
