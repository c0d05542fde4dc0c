package ru.otklik.web.review;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import ru.otklik.nlp.place.PlaceMention;
import ru.otklik.nlp.place.TulaGazetteer;
import ru.otklik.nlp.rules.RuleAnalyzer;
import ru.otklik.nlp.rules.TopicRules;

/**
 * Finds what to highlight in a post: the exact words each topic rule matched (Lucene's Matches API over a
 * one-document {@link MemoryIndex}, so phrases light up as phrases and stems as the words written), and the
 * places the gazetteer resolved. It reads the same rule file and analyzer the analysis uses, so what the
 * analyst sees lit is what the rules saw.
 */
@ApplicationScoped
public class RuleHighlighter {

    private final List<TopicRules.ParsedRule> rules;
    private final TulaGazetteer gazetteer;
    private final RuleAnalyzer analyzer = new RuleAnalyzer();

    /** The same parsed rules the analysis matches with, so what is highlighted is what matched. */
    public RuleHighlighter(TopicRules rules, TulaGazetteer gazetteer) {
        this.gazetteer = gazetteer;
        this.rules = rules.parsedRules();
    }

    /** Rule terms and places in {@code text}, left to right, without overlaps (terms win over places). */
    public List<TextMark> marks(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<TextMark> marks = new ArrayList<>(termMarks(text));
        for (PlaceMention place : gazetteer.find(text)) {
            TextMark mark = new TextMark(place.start(), place.end(), TextMark.PLACE, place.municipality(),
                    place.municipality());
            if (marks.stream().noneMatch(mark::overlaps)) {
                marks.add(mark);
            }
        }
        marks.sort(Comparator.comparingInt(TextMark::start));
        return marks;
    }

    /** Cuts the text into plain and marked segments, for the template. */
    public List<Segment> segments(String text) {
        List<Segment> segments = new ArrayList<>();
        if (text == null) {
            return segments;
        }
        int at = 0;
        for (TextMark mark : marks(text)) {
            if (mark.start() > at) {
                segments.add(new Segment(text.substring(at, mark.start()), null));
            }
            segments.add(new Segment(text.substring(mark.start(), mark.end()), mark));
            at = mark.end();
        }
        if (at < text.length()) {
            segments.add(new Segment(text.substring(at), null));
        }
        return segments;
    }

    private List<TextMark> termMarks(String text) {
        MemoryIndex index = new MemoryIndex(true);
        index.addField(TopicRules.FIELD, text, analyzer);
        index.addField(TopicRules.WORD_FIELD, text, analyzer);
        IndexSearcher searcher = index.createSearcher();
        LeafReaderContext leaf = searcher.getIndexReader().leaves().get(0);
        List<TextMark> found = new ArrayList<>();
        try {
            for (TopicRules.ParsedRule rule : rules) {
                Weight weight = searcher.createWeight(searcher.rewrite(rule.query()), ScoreMode.COMPLETE_NO_SCORES, 1);
                Matches matches = weight.matches(leaf, 0);
                for (String field : new String[] {TopicRules.FIELD, TopicRules.WORD_FIELD}) {
                    MatchesIterator it = matches == null ? null : matches.getMatches(field);
                    while (it != null && it.next()) {
                        TextMark mark = new TextMark(it.startOffset(), it.endOffset(), TextMark.TERM, rule.label(),
                                rule.id());
                        if (mark.start() >= 0 && found.stream().noneMatch(mark::overlaps)) {
                            found.add(mark);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }
}
