package ru.otklik.nlp.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorConfiguration;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import ru.otklik.common.TsvFile;
import ru.otklik.common.Votes;

/**
 * Analysts' rules: Lucene queries over a post's text, each standing for a label (a rubric topic), matched
 * with Lucene's {@link Monitor} so that adding rules does not slow matching down linearly.
 * Immutable once built; {@link #match} is safe from many threads.
 */
public final class TopicRules implements AutoCloseable {

    public static final String FIELD = "text";
    /** The same text as whole word forms, unstemmed: a rule writes {@code word:уберите} for the imperative. */
    public static final String WORD_FIELD = "word";

    /**
     * Labels of the rules that say a text is an incident of a type, or an announcement ({@code none}), without
     * naming a topic ({@code rules/incidents.tsv}); every other label is a rubric topic.
     */
    public static final Set<String> INCIDENT_TYPES = Set.of("problem", "question", "none");

    private final Monitor monitor;
    private final RewrittenRules matcher;
    private final Map<String, Rule> rules;
    private final List<ParsedRule> parsed;

    /** One rule as written in the file; {@code order} breaks ties between labels. */
    public record Rule(String id, String label, String query, int order) {
    }

    /** A rule with its parsed query, for callers that need the query itself (highlighting). */
    public record ParsedRule(String id, String label, org.apache.lucene.search.Query query) {
    }

    private TopicRules(Monitor monitor, RewrittenRules matcher, Map<String, Rule> rules, List<ParsedRule> parsed) {
        this.monitor = monitor;
        this.matcher = matcher;
        this.rules = rules;
        this.parsed = parsed;
    }

    /**
     * Reads rules files ({@code id<TAB>label<TAB>query}) into one Monitor, so a post is matched once however
     * many files there are; a bad row fails with its file and line number.
     */
    public static TopicRules load(Path... files) {
        List<Rule> rules = new ArrayList<>();
        for (Path file : files) {
            TsvFile.read(file, 3).forEach(row -> rules.add(new Rule(row.get(0), row.get(1), row.get(2), rules.size())));
        }
        return of(rules, files.length == 1 ? files[0].toString() : Arrays.toString(files));
    }

    public static TopicRules of(List<Rule> rules, String origin) {
        try {
            RuleAnalyzer analyzer = new RuleAnalyzer();
            Monitor monitor = new Monitor(analyzer,
                    new MonitorConfiguration().setQueryDecomposer(RewrittenRules.WHOLE));
            Map<String, Rule> byId = new HashMap<>();
            Map<String, org.apache.lucene.search.Query> queryById = new HashMap<>();
            List<MonitorQuery> queries = new ArrayList<>();
            List<ParsedRule> parsed = new ArrayList<>();
            for (Rule rule : rules) {
                if (byId.put(rule.id(), rule) != null) {
                    throw new IllegalArgumentException(origin + ": rule id '" + rule.id() + "' is used twice");
                }
                org.apache.lucene.search.Query query = parse(analyzer, rule, origin);
                parsed.add(new ParsedRule(rule.id(), rule.label(), query));
                queries.add(new MonitorQuery(rule.id(), query, rule.query(), Map.of()));
                queryById.put(rule.id(), query);
            }
            monitor.register(queries);
            return new TopicRules(monitor, new RewrittenRules(queryById), Map.copyOf(byId), List.copyOf(parsed));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static org.apache.lucene.search.Query parse(RuleAnalyzer analyzer, Rule rule, String origin) {
        try {
            return new QueryParser(FIELD, analyzer).parse(rule.query());
        } catch (ParseException e) {
            throw new IllegalArgumentException(origin + ": rule '" + rule.id() + "' has a bad query: " + e.getMessage(), e);
        }
    }

    /** Every rule that matches the text, in the file's order. */
    public List<RuleMatch> match(String text) {
        Document doc = new Document();
        doc.add(new TextField(FIELD, text, Field.Store.NO));
        doc.add(new TextField(WORD_FIELD, text, Field.Store.NO));
        try {
            MatchingQueries<QueryMatch> matches = monitor.match(doc, matcher);
            return matches.getMatches().stream()
                    .map(m -> rules.get(m.getQueryId()))
                    .sorted(Comparator.comparingInt(Rule::order))
                    .map(r -> new RuleMatch(r.id(), r.label()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The topic most rules agree on; ties go to the topic of the earliest rule. Rules of an incident type
     * ({@link #INCIDENT_TYPES}) name no topic and do not vote.
     */
    public static Optional<String> bestLabel(List<RuleMatch> matches) {
        return Votes.winner(topicMatches(matches).stream().map(RuleMatch::label).toList());
    }

    /** The matches of topic rules (which describe problems), in order. */
    public static List<RuleMatch> topicMatches(List<RuleMatch> matches) {
        return matches.stream().filter(m -> !INCIDENT_TYPES.contains(m.label())).toList();
    }

    /** The matches of incident-type rules ({@code rules/incidents.tsv}: problem, question, none), in order. */
    public static List<RuleMatch> typeMatches(List<RuleMatch> matches) {
        return matches.stream().filter(m -> INCIDENT_TYPES.contains(m.label())).toList();
    }

    /** The label a rule stands for. */
    public Optional<String> labelOf(String ruleId) {
        return Optional.ofNullable(rules.get(ruleId)).map(Rule::label);
    }

    /** Every rule with its parsed query, in the file's order. */
    public List<ParsedRule> parsedRules() {
        return parsed;
    }

    public int size() {
        return rules.size();
    }

    /** How many rules are matched with the query rewritten at load ({@link RewrittenRules}); the rest per post. */
    int rewrittenOnce() {
        return matcher.rewrittenOnce();
    }

    @Override
    public void close() {
        try {
            monitor.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
