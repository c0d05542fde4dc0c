package ru.otklik.im;

import java.util.regex.Pattern;

/**
 * Cleans a text cell of an export: the apostrophe a spreadsheet puts before text that looks like a number or
 * formula, VK mentions {@code [club123|Администрация города]} (the name stays, the id goes), {@code <br>} and
 * other tags, and the HTML entities ИМ leaves in. Emoji stay: the analysis's normaliser deals with them as
 * with any post.
 */
public final class ImText {

    private static final Pattern MENTION = Pattern.compile("\\[(?:club|public|id|event)\\d+\\|([^\\]]*)]");
    private static final Pattern BREAK = Pattern.compile("(?i)<br\\s*/?>|</p>|</div>");
    private static final Pattern TAG = Pattern.compile("<[a-zA-Z/][^>]{0,200}>");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\u00A0]+");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n+");

    private ImText() {
    }

    public static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        String t = raw.strip();
        if (t.startsWith("'")) {
            t = t.substring(1);
        }
        t = MENTION.matcher(t).replaceAll("$1");
        t = BREAK.matcher(t).replaceAll("\n");
        t = TAG.matcher(t).replaceAll("");
        t = t.replace("&quot;", "\"").replace("&laquo;", "«").replace("&raquo;", "»").replace("&nbsp;", " ")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&#39;", "'").replace("&amp;", "&");
        t = SPACES.matcher(t.replace("\r", "")).replaceAll(" ");
        t = BLANK_LINES.matcher(t).replaceAll("\n\n");
        return t.strip();
    }
}
