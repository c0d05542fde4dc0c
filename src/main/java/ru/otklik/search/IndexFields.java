package ru.otklik.search;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;

/** How a post is laid out in the index; the one place that knows the field names. */
final class IndexFields {

    static final String ID = "id";
    static final String TEXT = "text";
    static final String TITLE = "title";
    static final String PUBLISHED = "published";
    static final String TOPIC = "topic";
    static final String SOURCE = "source";
    static final String MUNICIPALITY = "municipality";
    static final String MONTH = "month";
    static final String NONE = "none";

    private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999Z");
    private static final DateTimeFormatter MONTH_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);

    /** Text with offsets in the postings, so the unified highlighter needs no re-analysis. */
    private static final FieldType TEXT_WITH_OFFSETS = textType();

    private IndexFields() {
    }

    static FacetsConfig facetsConfig() {
        return new FacetsConfig();
    }

    static Document toDocument(SearchDocument d) {
        Document doc = new Document();
        doc.add(new StringField(ID, Long.toString(d.postId()), Field.Store.YES));
        doc.add(new Field(TEXT, d.text(), TEXT_WITH_OFFSETS));
        doc.add(new Field(TITLE, d.title() == null ? "" : d.title(), TEXT_WITH_OFFSETS));
        Instant at = indexable(d.publishedAt());
        long published = at.toEpochMilli();
        doc.add(new LongPoint(PUBLISHED, published));
        doc.add(new NumericDocValuesField(PUBLISHED, published));
        doc.add(new StoredField(PUBLISHED, published));
        facet(doc, TOPIC, d.topic());
        facet(doc, SOURCE, d.source());
        facet(doc, MUNICIPALITY, d.municipality());
        facet(doc, MONTH, MONTH_FORMAT.format(at));
        return doc;
    }

    /**
     * The date clamped to years 1–9999. A row stored before the API refused such dates may hold
     * {@code ±infinity} (read as ±999999999 years), whose milliseconds overflow a long: one such post must
     * not fail a rebuild, nor with it the start.
     */
    static Instant indexable(Instant publishedAt) {
        if (publishedAt.isBefore(FIRST)) {
            return FIRST;
        }
        return publishedAt.isAfter(LAST) ? LAST : publishedAt;
    }

    /** A facet value is stored, filterable (StringField) and countable (doc values). */
    private static void facet(Document doc, String dimension, String value) {
        String v = value == null || value.isBlank() ? NONE : value;
        doc.add(new StringField(dimension, v, Field.Store.YES));
        doc.add(new SortedSetDocValuesFacetField(dimension, v));
    }

    private static FieldType textType() {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setStored(true);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }
}
