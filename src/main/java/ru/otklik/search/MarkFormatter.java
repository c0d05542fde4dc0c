package ru.otklik.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/** Formats highlighted passages as HTML-escaped text with matches in {@code <mark>}, joined by an ellipsis. */
final class MarkFormatter extends PassageFormatter {

    @Override
    public String format(Passage[] passages, String content) {
        StringBuilder sb = new StringBuilder();
        for (Passage p : passages) {
            if (!sb.isEmpty()) {
                sb.append(" … ");
            }
            int pos = p.getStartOffset();
            for (int i = 0; i < p.getNumMatches(); i++) {
                int start = p.getMatchStarts()[i];
                int end = p.getMatchEnds()[i];
                if (start < pos) {
                    continue;
                }
                sb.append(escape(content.substring(pos, start))).append("<mark>")
                        .append(escape(content.substring(start, end))).append("</mark>");
                pos = end;
            }
            sb.append(escape(content.substring(pos, Math.max(pos, p.getEndOffset()))));
        }
        return sb.toString().strip();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
