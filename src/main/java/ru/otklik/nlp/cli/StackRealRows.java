package ru.otklik.nlp.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

import ru.otklik.nlp.data.LabelledPosts;
import ru.otklik.nlp.data.Split;
import ru.otklik.nlp.eval.DecisionGrid.Row;
import ru.otklik.nlp.eval.OutOfFoldRows;

/**
 * The real texts around the learned decision's fit (docs/nlp.md, "Real rows inside the stack's fit"): the rows it is
 * fitted on beside the labelled ones, and the rows that judge it by the full rule, never the same. The training
 * half's real tweets (answered by incident models that did not train on them) are all fitted on; each real appeal
 * set is cut in two by CRC32 of {@code <id>#stack-fit}, one half fitted on and the other judged; the check half's
 * tweets are only judged.
 *
 * @param fit        the real rows the stack is fitted on (Russian only: only they reach the decision)
 * @param judged     the real rows its limits are read on, by set ({@link AppealColumns})
 * @param appealSets the names of the appeal sets (their fit rows weigh {@code appeals} in {@link #weights})
 */
record StackRealRows(List<Row> fit, Map<String, List<Row>> judged, Set<String> appealSets) {

    /** The training half's real tweets ({@code RealTweets#training}) as rows of the fit. */
    static final String TRAINING_TWEETS = "training-half tweets";
    static final String FIT_SALT = "#stack-fit";

    StackRealRows {
        fit = List.copyOf(fit);
        judged = Collections.unmodifiableMap(new LinkedHashMap<>(judged));
        appealSets = Set.copyOf(appealSets);
    }

    /**
     * @param trainingTweets the training half's tweets with out-of-fold incident answers (empty: none in the fit)
     * @param real           the real appeal sets and the check half's tweets, as crossval judges them
     */
    static StackRealRows of(List<Row> trainingTweets, Map<String, List<Row>> real) {
        List<Row> fit = new ArrayList<>(trainingTweets.stream().filter(Row::russian).toList());
        Map<String, List<Row>> judged = new LinkedHashMap<>();
        real.forEach((name, rows) -> {
            if (name.equals(AppealColumns.CHECK_TWEETS)) {
                judged.put(name, rows);
                return;
            }
            judged.put(name, rows.stream().filter(r -> !inFit(r.post().id())).toList());
            fit.addAll(rows.stream().filter(r -> inFit(r.post().id()) && r.russian()).toList());
        });
        Set<String> appeals = new HashSet<>(real.keySet());
        appeals.remove(AppealColumns.CHECK_TWEETS);
        return new StackRealRows(fit, judged, appeals);
    }

    /**
     * The labelled rows and the real ones of an {@code --out} file: rows whose source is {@link OutOfFoldRows#REAL}
     * + a set go to that set (the training half's tweets to the fit), the others are the labelled rows.
     */
    static FileRows split(List<Row> all) {
        List<Row> labelled = new ArrayList<>();
        List<Row> tweets = new ArrayList<>();
        Map<String, List<Row>> real = new LinkedHashMap<>();
        for (Row r : all) {
            String source = r.post().source();
            if (!source.startsWith(OutOfFoldRows.REAL)) {
                labelled.add(r);
                continue;
            }
            String set = source.substring(OutOfFoldRows.REAL.length());
            LabelledPosts.Post p = r.post();
            Row named = new Row(new LabelledPosts.Post(p.id(), p.split(), set, p.ref(), p.text(), p.incident(),
                    p.topic()), r.russian(), r.complaint(), r.incident(), r.type(), r.matches(), r.clean());
            (set.equals(TRAINING_TWEETS) ? tweets : real.computeIfAbsent(set, k -> new ArrayList<>())).add(named);
        }
        return new FileRows(labelled, of(tweets, real), !tweets.isEmpty() || !real.isEmpty());
    }

    /** An {@code --out} file's rows: the labelled ones and the real ones ({@code any}: the file has real rows). */
    record FileRows(List<Row> labelled, StackRealRows real, boolean any) {
    }

    /** Whether a real appeal is in the fitted half (else it judges). */
    static boolean inFit(String id) {
        return Split.fold(id + FIT_SALT, 2) == 0;
    }

    /** A row's weight in the fit: a labelled row 1, a training-half tweet {@code tweets}, a fitted appeal {@code appeals}. */
    ToDoubleFunction<Row> weights(double tweets, double appeals) {
        return r -> {
            String source = r.post().source();
            if (source.equals(TRAINING_TWEETS)) {
                return tweets;
            }
            return appealSets.contains(source) ? appeals : 1;
        };
    }
}
