package ru.otklik.nlp.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.otklik.nlp.PostAnalysis;
import ru.otklik.nlp.PostAnalysis.LabelScore;
import ru.otklik.nlp.data.LabelledPosts;
import ru.otklik.nlp.eval.IncidentEvaluation.Judged;

class IncidentEvaluationTest {

    private static Judged judged(String id, String split, String source, String gold, String goldTopic, String type,
                                 String topic) {
        LabelledPosts.Post post = new LabelledPosts.Post(id, split, source, "", "text", gold, goldTopic);
        PostAnalysis a = new PostAnalysis(id, "ru", new LabelScore(type == null ? "none" : "complaint", 0.9), type,
                new LabelScore(topic, 0.9), null, null, null, List.of(), null, null, Map.of());
        return new Judged(post, a);
    }

    @Test
    void countsRecallPerTypeFalseAlarmsTypeAndTopicAccuracy() {
        List<Judged> all = List.of(
                judged("1", "dev", "written", "problem", "roads", "problem", "roads"),
                judged("2", "dev", "written", "problem", "roads", null, "none"),
                judged("3", "dev", "written", "question", "health", "problem", "health"),
                judged("4", "dev", "rusentitweet", "none", "", "problem", "roads"),
                judged("5", "dev", "rusentitweet", "none", "", null, "none"),
                judged("6", "dev", "rusentitweet", "none", "", null, "none"),
                judged("7", "dev", "rusentitweet", "none", "", null, "none"));
        IncidentEvaluation.Scores s = IncidentEvaluation.score(all);
        assertThat(s.problemRecall()).isEqualTo(0.5);
        assertThat(s.questionRecall()).isEqualTo(1.0);
        assertThat(s.falseAlarms()).isEqualTo(0.25);
        assertThat(s.typeAccuracy()).isEqualTo(0.5);
        assertThat(s.topicAccuracy()).isEqualTo(2.0 / 3);
        assertThat(IncidentEvaluation.byGroup(all, j -> j.post().source())).containsOnlyKeys("rusentitweet",
                "written", "all");
        assertThat(IncidentEvaluation.markdown(all)).anyMatch(l -> l.startsWith("| dev | **all** | 2 | 1 | 4 | 0.500 "))
                .anyMatch(l -> l.startsWith("| test | **all** | 0 | 0 | 0 | — "));
    }
}
