package ru.otklik.web.review;

/** A piece of a post's text as the console prints it: plain, or marked with a {@link TextMark}. */
public record Segment(String text, TextMark mark) {

    public boolean marked() {
        return mark != null;
    }

    /** CSS class of the piece: {@code hl-term}, {@code hl-place} or empty. */
    public String cssClass() {
        return mark == null ? "" : "hl-" + mark.kind();
    }
}
