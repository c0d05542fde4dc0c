package ru.otklik.nlp.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.monitor.CandidateMatcher;
import org.apache.lucene.monitor.MatcherFactory;
import org.apache.lucene.monitor.QueryDecomposer;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;

/**
 * The rules' queries rewritten once, when the rules are loaded, and a {@link MatcherFactory} that matches the
 * Monitor's candidates with them. Lucene's own matcher searches each candidate for each post, and the search
 * rewrites the query first: a rule's {@link BooleanQuery} of a hundred words hashes every clause to find
 * duplicates, each time — 18 % of the analysis threads' CPU in a warm drain's profile (docs/performance.md,
 * 2026-12-06). A rule's rewrite does not depend on the post when it is made of term, phrase and boolean queries
 * (synonyms, multi-phrases) and of multi-term queries ({@code club*}, {@code /regexp/}) behind a constant-score
 * wrapper, which enumerates the post's terms only when it scores; any other query is rewritten per post, as Lucene
 * does.
 *
 * <p>The Monitor must hand the matcher the registered query objects, so it is built with {@link #WHOLE} (no
 * decomposition of a rule into its disjuncts); a query it did not register here is rewritten per post.
 */
final class RewrittenRules implements MatcherFactory<QueryMatch> {

    /** Keeps each rule whole, so the matcher is given the very query registered for it. */
    static final QueryDecomposer WHOLE = new QueryDecomposer() {
        @Override
        public Set<Query> decompose(Query q) {
            return Set.of(q);
        }
    };

    /** An empty index to rewrite against: what a rewrite reads of it is what makes it depend on the post. */
    private static final IndexSearcher NO_POST = emptySearcher();

    /** Rule id → its registered query and that query rewritten. */
    private final Map<String, Rewritten> byId;

    private record Rewritten(Query query, Query rewritten) {
    }

    /** @param queries each rule's query as registered with the Monitor, by rule id */
    RewrittenRules(Map<String, Query> queries) {
        Map<String, Rewritten> byId = new HashMap<>();
        queries.forEach((id, query) -> {
            if (postIndependent(query)) {
                byId.put(id, new Rewritten(query, rewrite(query)));
            }
        });
        this.byId = Map.copyOf(byId);
    }

    /** How many of the rules are matched without a rewrite per post. */
    int rewrittenOnce() {
        return byId.size();
    }

    @Override
    public CandidateMatcher<QueryMatch> createMatcher(IndexSearcher searcher) {
        return new CandidateMatcher<>(searcher) {
            @Override
            protected void matchQuery(String queryId, Query matchQuery, Map<String, String> metadata)
                    throws IOException {
                Rewritten known = byId.get(queryId);
                Query rewritten = known != null && known.query() == matchQuery ? known.rewritten()
                        : searcher.rewrite(matchQuery);
                Weight weight = searcher.createWeight(rewritten, ScoreMode.COMPLETE_NO_SCORES, 1f);
                for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                    int doc = firstMatch(weight, leaf);
                    if (doc >= 0) {
                        addMatch(new QueryMatch(queryId), leaf.docBase + doc);
                        return;
                    }
                }
            }

            @Override
            public QueryMatch resolve(QueryMatch match1, QueryMatch match2) {
                return match1;
            }
        };
    }

    /** The first document of the leaf the weight matches (a post's index holds one), or −1. */
    private static int firstMatch(Weight weight, LeafReaderContext leaf) throws IOException {
        BulkScorer scorer = weight.bulkScorer(leaf);
        if (scorer == null) {
            return -1;
        }
        int[] first = {-1};
        scorer.score(new LeafCollector() {
            @Override
            public void setScorer(Scorable scorable) {
            }

            @Override
            public void collect(int doc) {
                if (first[0] < 0) {
                    first[0] = doc;
                }
            }
        }, leaf.reader().getLiveDocs());
        return first[0];
    }

    private static IndexSearcher emptySearcher() {
        try {
            return new IndexSearcher(new MultiReader());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Query rewrite(Query query) {
        try {
            return NO_POST.rewrite(query);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether rewriting the query reads nothing of the index it will search (see the class comment). */
    static boolean postIndependent(Query query) {
        if (query instanceof BooleanQuery b) {
            return b.clauses().stream().map(BooleanClause::getQuery).allMatch(RewrittenRules::postIndependent);
        }
        if (query instanceof BoostQuery b) {
            return postIndependent(b.getQuery());
        }
        if (query instanceof ConstantScoreQuery c) {
            return postIndependent(c.getQuery());
        }
        if (query instanceof MultiTermQuery m) {
            return m.getRewriteMethod() == MultiTermQuery.CONSTANT_SCORE_BLENDED_REWRITE
                    || m.getRewriteMethod() == MultiTermQuery.CONSTANT_SCORE_REWRITE;
        }
        return query instanceof TermQuery || query instanceof PhraseQuery || query instanceof SynonymQuery
                || query instanceof MultiPhraseQuery || query instanceof MatchNoDocsQuery
                || query instanceof MatchAllDocsQuery;
    }
}
