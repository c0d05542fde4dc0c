package ru.otklik.web.review;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ru.otklik.common.ApiException;

/**
 * Analysts' verdicts as labelled texts for {@code train --task T --text-field text --label-field label}:
 * the latest verdict per post, the text the analyst actually read (an older version when the post was edited
 * since), and no author, because training data leaves the service.
 */
@ApplicationScoped
public class TrainingExport {

    /** One labelled text. */
    public record Example(long postId, String text, String label, String decision) {
    }

    /** The tasks a verdict yields labels for, and the label expression of each. */
    private static final Map<String, String> LABELS = Map.of(
            "topic", "r.topic",
            "agency", "r.agency",
            "complaint", "case when r.decision = 'rejected' then 'none' else 'complaint' end");

    private static final String QUERY = """
            with latest as (
                select distinct on (post_id) * from review order by post_id, id desc)
            select r.post_id, r.decision, %s as label,
                   coalesce(v.title, p.title) as title, coalesce(v.text, p.text) as text
            from latest r
            join post p on p.id = r.post_id
            left join post_version v on v.post_id = r.post_id and v.version = r.post_version
            where %s is not null
            order by r.post_id""";

    private final Pool pool;

    public TrainingExport(Pool pool) {
        this.pool = pool;
    }

    public static List<String> tasks() {
        return List.of("topic", "agency", "complaint");
    }

    public Uni<List<Example>> examples(String task) {
        String label = task == null ? null : LABELS.get(task);
        if (label == null) {
            throw ApiException.badRequest("task должен быть одним из " + tasks() + ", получено «" + task + "»");
        }
        return pool.query(QUERY.formatted(label, label)).execute().map(rows -> {
            List<Example> out = new ArrayList<>();
            for (Row row : rows) {
                String title = row.getString("title");
                // the same title + text the analysis read, so the model learns from what it will see
                String text = (title == null || title.isBlank() ? "" : title + "\n") + row.getString("text");
                out.add(new Example(row.getLong("post_id"), text, row.getString("label"), row.getString("decision")));
            }
            return out;
        });
    }
}
