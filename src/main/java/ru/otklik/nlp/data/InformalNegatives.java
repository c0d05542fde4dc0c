package ru.otklik.nlp.data;

import static ru.otklik.nlp.data.LabeledTexts.filter;
import static ru.otklik.nlp.data.LabeledTexts.relabel;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Informal text that is not an incident, as hard negatives for the incident model beside the real tweets
 * ({@link IncidentRecipe#INFORMAL}): the cross-validated decision's binding limits are the informal none texts
 * (real tweets, chatter, opinions with no local subject), so the model sees more of them than the tweets alone.
 * Training sides only, never a text any check or published dev view scores:
 *
 * <ul>
 *   <li>{@code skoltech}: the Skoltech appropriateness set's forum and social comments (val.csv, the training side
 *   of its CRC32 split by id; the dev side is the conflict task's Skoltech view), appropriate or not alike;</li>
 *   <li>{@code russe}: RUSSE detox train.tsv, each toxic comment and its first neutral rewrite (dev.tsv is the
 *   conflict task's dev view).</li>
 * </ul>
 *
 * <p>A text that names a civic subject ({@link TaskCorpora#CIVIC}, the filter of the tweets) is left out: it may be
 * a complaint about a road, a clinic or an official, and the guideline makes those incidents. The rest are, by the
 * guideline, chatter, opinions with no local subject, or toxic abuse with no subject.
 */
public record InformalNegatives(List<LabeledText> skoltech, List<LabeledText> russe) {

    public static InformalNegatives of(SharedDatasets data) throws IOException {
        return new InformalNegatives(kept(Split.byId(data.skoltechFrom(0)).train()), kept(data.russe("train.tsv")));
    }

    /** Both sources, Skoltech first. */
    public List<LabeledText> all() {
        List<LabeledText> out = new ArrayList<>(skoltech);
        out.addAll(russe);
        return List.copyOf(out);
    }

    /** The texts that name no civic subject, as none. */
    static List<LabeledText> kept(List<LabeledText> texts) {
        return List.copyOf(relabel(filter(texts, t -> !t.text().isBlank() && !TaskCorpora.CIVIC.matcher(t.text()).find()),
                x -> "none"));
    }

    /** What the incident model's sources say of them. */
    public String describe(double weight) {
        return "none: " + skoltech.size() + " Skoltech appropriateness comments (val.csv training side) and "
                + russe.size() + " RUSSE detox train.tsv comments and neutral rewrites, those naming a civic subject "
                + "left out (InformalNegatives), each weighing " + weight + " of a labelled row";
    }
}
