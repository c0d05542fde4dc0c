package ru.otklik.nlp.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SocialStyleTest {

    private static final String APPEAL = "<p>Здравствуйте! Уважаемый Иван Иванович, во дворе дома 5 по улице Ленина "
            + "третий месяц не горят фонари. Дети идут в школу в темноте. Прошу принять меры и восстановить "
            + "освещение.</p>";

    private final SocialStyle style = new SocialStyle();

    @Test
    void dropsTheGreetingAndKeepsOneOrTwoSentencesWithoutHtml() {
        for (int i = 0; i < 40; i++) {
            String post = style.rewrite("kursk-" + i, APPEAL);
            assertThat(post).doesNotContainIgnoringCase("здравствуйте").doesNotContainIgnoringCase("уважаем")
                    .doesNotContain("<p>");
            assertThat(post.length()).isLessThan(APPEAL.length() - 30);
        }
    }

    @Test
    void isDeterministicPerIdAndVariesAcrossIds() {
        assertThat(style.rewrite("kursk-7", APPEAL)).isEqualTo(style.rewrite("kursk-7", APPEAL));
        List<String> posts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            posts.add(style.rewrite("kursk-" + i, APPEAL));
        }
        assertThat(posts).anyMatch(p -> p.startsWith("[club") || p.startsWith("@"));
        assertThat(posts).anyMatch(p -> p.equals(p.toLowerCase()));
        assertThat(posts).anyMatch(p -> p.contains("vk.com/photo") || p.contains("t.me/"));
        assertThat(posts).anyMatch(p -> !p.contains(".") && !p.contains(","));
        assertThat(posts).anyMatch(p -> p.contains("😡") || p.contains("!!!") || p.contains("🙏"));
        assertThat(posts.stream().distinct().count()).isGreaterThan(50);
    }
}
