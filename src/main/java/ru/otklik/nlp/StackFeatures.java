package ru.otklik.nlp;

import java.util.List;
import java.util.regex.Pattern;

import ru.otklik.nlp.PostAnalysis.LabelScore;
import ru.otklik.nlp.rules.RuleMatch;
import ru.otklik.nlp.rules.TopicRules;
import ru.otklik.nlp.text.ContentLetters;
import ru.otklik.nlp.text.SocialMarkup;

/**
 * What the learned incident decision ({@link IncidentStack}) reads of a post: the signals {@link IncidentDecider}
 * already has — the models' answers as logits, which kinds of analyst rule matched, and cheap cues of the text's
 * shape. Nothing here scores the text anew; one pass over the cleaned text counts its letters. Pure.
 *
 * <p>The names are the model file's keys (nlp-models/blend/stack.tsv), so a file is read only against this exact
 * list, in this order.
 */
public final class StackFeatures {

    public static final List<String> NAMES = List.of(
            "complaint logit", "incident logit", "type logit (problem)",
            "rule none", "rule problem", "rule question", "rule topic", "rules matched",
            "question mark", "mention first", "link", "letters < 6", "log letters", "exclamation", "upper share");

    /** The features whose weight is the analysts' rules' voice (the explanation says when they decided). */
    static final List<Integer> RULE_FEATURES = List.of(3, 4, 5, 6, 7);

    private static final Pattern MENTION_FIRST = Pattern.compile("^\\s*(?:" + SocialMarkup.vkMentionIdRegex() + "|@\\w)");
    /** The content floor in letters the models alone are held to by the blend, as a cue. */
    private static final int FEW_LETTERS = IncidentDecider.Blend.DEFAULT.minLetters();

    private StackFeatures() {
    }

    /**
     * @param complaint the complaint model's answer
     * @param incident  the in-domain incident model's answer (the stack needs one)
     * @param type      the incident-type model's answer, or {@code null} (read as undecided)
     * @param matches   every analyst rule that matched
     * @param clean     the cleaned text
     */
    public static double[] of(LabelScore complaint, LabelScore incident, LabelScore type, List<RuleMatch> matches,
                              String clean) {
        List<RuleMatch> types = TopicRules.typeMatches(matches);
        int letters = ContentLetters.count(clean, Integer.MAX_VALUE);
        int upper = 0;
        int alpha = 0;
        for (int i = 0; i < clean.length(); ) {
            int cp = clean.codePointAt(i);
            upper += Character.isUpperCase(cp) ? 1 : 0;
            alpha += Character.isLetter(cp) ? 1 : 0;
            i += Character.charCount(cp);
        }
        return new double[] {
            IncidentDecider.logit(probability(complaint, "complaint")),
            IncidentDecider.logit(probability(incident, "complaint")),
            type == null ? 0 : IncidentDecider.logit(probability(type, IncidentDecider.PROBLEM)),
            flag(types.stream().anyMatch(m -> IncidentDecider.NONE.equals(m.label()))),
            flag(types.stream().anyMatch(m -> IncidentDecider.PROBLEM.equals(m.label()))),
            flag(types.stream().anyMatch(m -> IncidentDecider.QUESTION.equals(m.label()))),
            flag(!TopicRules.topicMatches(matches).isEmpty()),
            matches.size(),
            flag(clean.indexOf('?') >= 0),
            flag(MENTION_FIRST.matcher(clean).find()),
            flag(SocialMarkup.hasLink(clean)),
            flag(letters < FEW_LETTERS),
            Math.log1p(letters),
            flag(clean.indexOf('!') >= 0),
            upper / (double) Math.max(1, alpha),
        };
    }

    /** The probability of {@code label} from a two-way answer (the other label's score is 1 − p). */
    private static double probability(LabelScore s, String label) {
        return label.equals(s.label()) ? s.score() : 1 - s.score();
    }

    private static double flag(boolean b) {
        return b ? 1 : 0;
    }
}
