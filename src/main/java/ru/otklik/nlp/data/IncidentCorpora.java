package ru.otklik.nlp.data;

import static ru.otklik.nlp.data.LabeledTexts.capped;
import static ru.otklik.nlp.data.LabeledTexts.concat;
import static ru.otklik.nlp.data.LabeledTexts.crc;
import static ru.otklik.nlp.data.LabeledTexts.filter;
import static ru.otklik.nlp.data.LabeledTexts.relabel;
import static ru.otklik.nlp.data.LabeledTexts.sample;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The corpora of the in-domain incident model ({@link TaskCorpora#INCIDENT}): the labelled dev rows, real appeals cut
 * to social posts, real tweets of the training half as hard negatives ({@link IncidentRecipe}), and the optional
 * shared-corpus extras. Apart from {@link TaskCorpora} because crossval assembles them piece by piece.
 */
final class IncidentCorpora {

    private final SharedDatasets data;
    private final Optional<LabelledTraining> labelled;
    private final SocialStyle style;

    IncidentCorpora(SharedDatasets data, Optional<LabelledTraining> labelled, SocialStyle style) {
        this.data = data;
        this.labelled = labelled;
        this.style = style;
    }

    /**
     * The in-domain incident model's corpus: the labelled dev rows (weighted) as complaint / none, plus
     * {@link #extras}. Small enough to train in seconds, so that it can be cross-validated over the
     * labelled dev rows.
     */
    TaskCorpus incident(int extras) throws IOException {
        LabelledTraining l = labelled.orElseThrow(() -> new IOException(
                "the incident model is learnt from the labelled set: give --labelled DIR"));
        TaskCorpus more = extras(extras);
        // with the real appeals, the labelled rows are repeated so that each appeal weighs 1/IncidentRecipe.LABELLED_REPEAT
        // of one (the L2 cost is scaled alike in ShippedModelBuilder)
        LabelledTraining weighted = l.withWeight(IncidentRecipe.APPEALS ? IncidentRecipe.LABELLED_REPEAT : 1);
        List<String> sources = new ArrayList<>(List.of(TaskCorpora.describe(weighted, "incidents as complaint, the rest as none")));
        sources.addAll(more.sources());
        List<LabeledText> rows = new ArrayList<>(weighted.forTask(TaskCorpora.INCIDENT));
        if (IncidentRecipe.APPEALS) {
            TaskCorpus appeals = appeals();
            rows.addAll(appeals.split().train());
            sources.addAll(appeals.sources());
        }
        rows.addAll(more.split().train());
        List<LabeledText> tweets = IncidentRecipe.TWEETS > 0 ? realTweets().training() : List.of();
        List<LabeledText> informal = List.of();
        if (IncidentRecipe.INFORMAL > 0) {
            InformalNegatives negatives = InformalNegatives.of(data);
            informal = negatives.all();
            sources.add(negatives.describe(IncidentRecipe.INFORMAL));
        }
        IncidentRecipe.Weighted train = IncidentRecipe.weigh(rows, List.of(
                new IncidentRecipe.Negatives(tweets, IncidentRecipe.TWEETS),
                new IncidentRecipe.Negatives(informal, IncidentRecipe.INFORMAL)), weighted.weight());
        if (!tweets.isEmpty()) {
            sources.add("none: " + tweets.size() + " real RuSentiTweet tweets of the training half (RealTweets: not in "
                    + "labelled/, CRC32 half 0, negative ones naming a civic subject left out), each weighing "
                    + IncidentRecipe.TWEETS + " of a labelled row; the check half is never trained on");
        }
        return new TaskCorpus(TaskCorpora.INCIDENT, new Split(train.texts(), more.split().dev()), sources, Map.of(), train.counts());
    }

    /**
     * The RuSentiTweet tweets beside the labelled set, in their training and check halves ({@link RealTweets});
     * without a labelled set every tweet of the corpus is beside it.
     */
    RealTweets realTweets() throws IOException {
        return RealTweets.of(data.ruSentiTweet(), labelled.map(LabelledTraining::tweetRefs).orElse(Set.of()));
    }

    /**
     * The incident model's real appeals ({@link IncidentRecipe#APPEALS}): the training sides of the Kursk and SPb splits
     * (never a dev appeal: the dev ones are the real-text proxy {@code crossval --task incident} scores), cut to
     * social posts, labelled complaint.
     */
    TaskCorpus appeals() throws IOException {
        Split k = Split.byId(relabel(filter(data.kursk("Категория"), t -> !t.label().equals(DevAppeals.KURSK_TEST_CATEGORY)),
                x -> "complaint"));
        Split spb = capped(Split.byId(relabel(data.spbCategories(), x -> "complaint")), IncidentRecipe.SPB_APPEALS, 0);
        List<LabeledText> rows = style.informal(new Split(concat(k.train(), spb.train()), List.of()), t -> true,
                Integer.MAX_VALUE).train();
        return new TaskCorpus(TaskCorpora.INCIDENT, new Split(rows, List.of()), List.of("complaint: " + rows.size()
                + " real appeals, the training sides of Kursk (" + k.train().size() + ") and SPb (a sample of "
                + spb.train().size() + "), cut to social posts (SocialStyle), each once against the labelled rows' "
                + IncidentRecipe.LABELLED_REPEAT), Map.of());
    }

    /**
     * What the incident model learns beside the labelled rows: {@code extras} examples of each kind from the
     * training sides of the shared corpora — appeals in residents' style (complaint), everyday tweets and formal
     * news (none). Never a labelled test row: those tweets come from the dev side of the RuSentiTweet split,
     * the written posts paraphrase dev-side appeals.
     */
    TaskCorpus extras(int extras) throws IOException {
        if (extras <= 0) {
            return new TaskCorpus(TaskCorpora.INCIDENT, new Split(List.of(), List.of()), List.of(), Map.of());
        }
        Split k = Split.byId(relabel(data.kursk("Категория"), x -> "complaint"));
        Split spb = TaskCorpora.spbSample(relabel(data.spbCategories(), x -> "complaint"));
        List<LabeledText> appeals = style.informal(new Split(concat(k.train(), spb.train()), List.of()), t -> true, extras)
                .train();
        // never a tweet of the check half, which crossval holds the decision's real-tweet false alarms to
        List<LabeledText> tweets = sample(Split.byId(relabel(filter(data.ruSentiTweet(),
                t -> (!t.label().equals("negative") || !TaskCorpora.CIVIC.matcher(t.text()).find())
                        && !RealTweets.isCheck(t.id().substring("rst-".length()))), x -> "none")).train(), extras);
        Split news = capped(Split.byId(data.newsPassages("none")), extras, 0);
        List<LabeledText> newsInformal = style.informal(news, t -> crc(t.id() + "#style") % 2 == 0, extras / 2).train();
        List<LabeledText> ud = sample(Split.byId(data.udSentences("none")).train(), extras / 2);
        List<LabeledText> rows = new ArrayList<>(appeals);
        rows.addAll(tweets);
        rows.addAll(news.train());
        rows.addAll(newsInformal);
        rows.addAll(ud);
        return new TaskCorpus(TaskCorpora.INCIDENT, new Split(rows, List.of()), List.of("complaint: " + appeals.size()
                + " Kursk and SPb training-side appeals rewritten as social posts (SocialStyle); none: " + tweets.size()
                + " RuSentiTweet training-side tweets (negative ones naming a civic subject left out), "
                + news.train().size() + " NEREL train news passages (" + newsInformal.size()
                + " also in social style), " + ud.size() + " UD sentences"), Map.of());
    }
}
