package ru.otklik.web.review;

/**
 * A span of a post's text worth pointing at: a term a topic rule matched, or a place the gazetteer found.
 *
 * @param kind  {@code term} or {@code place}
 * @param label the rule's topic code for a term, the municipality code for a place
 * @param note  what the mark stands for, shown as a tooltip (rule id, municipality)
 */
public record TextMark(int start, int end, String kind, String label, String note) {

    public static final String TERM = "term";
    public static final String PLACE = "place";

    boolean overlaps(TextMark other) {
        return start < other.end && other.start < end;
    }
}
