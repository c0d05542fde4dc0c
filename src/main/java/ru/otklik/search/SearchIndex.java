package ru.otklik.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import ru.otklik.common.ApiException;
import ru.otklik.nlp.rules.RuleAnalyzer;

/**
 * The full-text index of posts: Russian stems, highlighting, and facet counts by topic, source, municipality
 * and month. Writes are idempotent (a post replaces its previous document), so re-indexing is always safe.
 */
public final class SearchIndex implements Closeable {

    private static final String[] FACETS = {IndexFields.TOPIC, IndexFields.SOURCE, IndexFields.MUNICIPALITY,
            IndexFields.MONTH};
    private static final int MAX_FACET_VALUES = 50;
    private static final double RAM_BUFFER_MB = 8;

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Analyzer analyzer = new RuleAnalyzer();
    private final FacetsConfig facets = IndexFields.facetsConfig();
    /**
     * Documents were written since the searchers were last refreshed. A refresh flushes the writer's buffer into
     * a new segment, so refreshing after every analysed batch wrote a tiny segment per batch, kept the merge
     * thread busy and made the JIT compile the flush path (indexing took 0.66 ms of CPU a post in a drain, 0.29
     * without). The searchers are refreshed when someone searches instead, which keeps "searchable at once".
     */
    private volatile boolean stale;

    public SearchIndex(Path dir) {
        try {
            this.directory = FSDirectory.open(dir);
            this.writer = new IndexWriter(directory, new IndexWriterConfig(analyzer)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    // documents now stay in the buffer until a search, a commit or this size: bounded in a small heap
                    .setRAMBufferSizeMB(RAM_BUFFER_MB));
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index in " + dir, e);
        }
    }

    /**
     * Adds or replaces the documents, without a commit ({@link #commit} makes them durable, on a timer and at
     * close). They are searchable at once: the next search first refreshes its near-real-time reader.
     */
    public void index(Collection<SearchDocument> documents) {
        try {
            for (SearchDocument d : documents) {
                writer.updateDocument(new Term(IndexFields.ID, Long.toString(d.postId())),
                        facets.build(IndexFields.toDocument(d)));
            }
            stale = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes what was indexed since the last commit durable (an fsync); does nothing when nothing changed. */
    public void commit() {
        try {
            if (writer.hasUncommittedChanges()) {
                writer.commit();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void clear() {
        try {
            writer.deleteAll();
            writer.commit();
            searchers.maybeRefresh();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Documents in the index, searchable ones not yet committed included; after a restart, the committed ones. */
    public int size() {
        try {
            // a replaced document's deletion is applied when the buffer is flushed: count after it
            refreshIfStale();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return writer.getDocStats().numDocs;
    }

    public SearchResult search(SearchQuery q) {
        Query query = buildQuery(q);
        try {
            refreshIfStale();
            IndexSearcher searcher = searchers.acquire();
            try {
                int wanted = Math.max(1, q.offset() + q.limit());
                FacetsCollector facetsCollector = new FacetsCollector();
                TopDocs top = FacetsCollector.search(searcher, query, wanted, facetsCollector);
                ScoreDoc[] page = java.util.Arrays.copyOfRange(top.scoreDocs,
                        Math.min(q.offset(), top.scoreDocs.length), top.scoreDocs.length);
                String[] snippets = snippets(searcher, query, page);
                List<SearchResult.Hit> hits = new java.util.ArrayList<>();
                for (int i = 0; i < page.length; i++) {
                    hits.add(hit(searcher.storedFields().document(page[i].doc), snippets[i], page[i].score));
                }
                return new SearchResult(top.totalHits.value, hits, facetCounts(searcher, facetsCollector));
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens a reader on what was indexed since the last search (flushing the writer's buffer), if anything was. */
    private void refreshIfStale() throws IOException {
        if (stale) {
            stale = false;
            searchers.maybeRefreshBlocking();
        }
    }

    private Query buildQuery(SearchQuery q) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        if (q.text() == null || q.text().isBlank()) {
            b.add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
        } else {
            MultiFieldQueryParser parser = new MultiFieldQueryParser(
                    new String[] {IndexFields.TEXT, IndexFields.TITLE}, analyzer);
            parser.setDefaultOperator(QueryParser.Operator.AND);
            try {
                b.add(parser.parse(q.text()), BooleanClause.Occur.MUST);
            } catch (ParseException e) {
                throw ApiException.badRequest("Запрос не разобран: " + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        filter(b, IndexFields.TOPIC, q.topic());
        filter(b, IndexFields.SOURCE, q.source());
        filter(b, IndexFields.MUNICIPALITY, q.municipality());
        if (q.from() != null || q.to() != null) {
            long from = q.from() == null ? Long.MIN_VALUE : q.from().toEpochMilli();
            long to = q.to() == null ? Long.MAX_VALUE : q.to().toEpochMilli() - 1;
            b.add(LongPoint.newRangeQuery(IndexFields.PUBLISHED, from, to), BooleanClause.Occur.FILTER);
        }
        return b.build();
    }

    private static void filter(BooleanQuery.Builder b, String field, String value) {
        if (value != null && !value.isBlank()) {
            b.add(new TermQuery(new Term(field, value)), BooleanClause.Occur.FILTER);
        }
    }

    private String[] snippets(IndexSearcher searcher, Query query, ScoreDoc[] page) throws IOException {
        if (page.length == 0) {
            return new String[0];
        }
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new MarkFormatter())
                .withMaxLength(20_000)
                .build();
        TopDocs docs = new TopDocs(new org.apache.lucene.search.TotalHits(page.length,
                org.apache.lucene.search.TotalHits.Relation.EQUAL_TO), page);
        return highlighter.highlight(IndexFields.TEXT, query, docs, 2);
    }

    private static SearchResult.Hit hit(Document doc, String snippet, float score) {
        return new SearchResult.Hit(Long.parseLong(doc.get(IndexFields.ID)), blankToNull(doc.get(IndexFields.TITLE)),
                snippet == null ? MarkFormatter.escape(abbreviate(doc.get(IndexFields.TEXT))) : snippet,
                doc.get(IndexFields.SOURCE), noneToNull(doc.get(IndexFields.TOPIC)),
                noneToNull(doc.get(IndexFields.MUNICIPALITY)),
                Instant.ofEpochMilli(doc.getField(IndexFields.PUBLISHED).numericValue().longValue()), score);
    }

    private Map<String, Map<String, Integer>> facetCounts(IndexSearcher searcher, FacetsCollector collector)
            throws IOException {
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        for (String dim : FACETS) {
            counts.put(dim, new LinkedHashMap<>());
        }
        if (searcher.getIndexReader().numDocs() == 0) {
            return counts;
        }
        SortedSetDocValuesReaderState state = new DefaultSortedSetDocValuesReaderState(searcher.getIndexReader(), facets);
        SortedSetDocValuesFacetCounts facetCounts = new SortedSetDocValuesFacetCounts(state, collector);
        for (String dim : FACETS) {
            FacetResult result = facetCounts.getTopChildren(MAX_FACET_VALUES, dim);
            if (result != null) {
                for (LabelAndValue lv : result.labelValues) {
                    counts.get(dim).put(lv.label, lv.value.intValue());
                }
            }
        }
        return counts;
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 299) + "…";
    }

    private static String noneToNull(String v) {
        return IndexFields.NONE.equals(v) ? null : v;
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v;
    }

    @Override
    public void close() {
        try {
            searchers.close();
            // commits what the timer has not yet
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
