package ru.otklik.nlp.text;

import java.util.regex.Matcher;

/**
 * How many letters of content a text has: letters outside links, {@code @mentions} and VK mentions
 * ({@code [club123|Администрация]}), a run of one repeated letter counted once, case and ё/е folded. «нет» has 3,
 * «Ааааа.» 1, «ВЫВЕЗИТЕ!!!!!» 8, «уберите!!! vk.com/photo-1_2» 7. The incident decision reads it as a floor below
 * which the models alone may not flag a text (docs/nlp.md, "A floor on content"): a model learnt «нет» and letter
 * runs from short incidents («воды нет», «ААААА опять без света»), and nothing told it that three letters carry no
 * subject. A run counts once because a shout («ааааааа», «дааааа») is one sound however long it is held; emoji,
 * digits and punctuation are not letters. Pure; one pass over the text that stops at the floor asked about.
 */
public final class ContentLetters {

    private ContentLetters() {
    }

    /** Whether {@code text} has at least {@code floor} content letters (any text has at least 0). */
    public static boolean atLeast(String text, int floor) {
        return floor <= 0 || count(text, floor) >= floor;
    }

    /** The content letters of {@code text}, counted up to {@code cap} (the count stops there). */
    public static int count(String text, int cap) {
        int n = 0;
        int prev = -1;
        int i = 0;
        int len = text.length();
        Matcher link = null;
        Matcher vk = null;
        while (i < len && n < cap) {
            char c = text.charAt(i);
            boolean tokenStart = i == 0 || Character.isWhitespace(text.charAt(i - 1));
            if (tokenStart && c == '@' && i + 1 < len && !Character.isWhitespace(text.charAt(i + 1))) {
                i = tokenEnd(text, i);
                prev = -1;
                continue;
            }
            if (tokenStart && c == '[') {
                vk = vk == null ? SocialMarkup.VK_MENTION.matcher(text) : vk;
                if (vk.region(i, len).lookingAt()) {
                    i = vk.end();
                    prev = -1;
                    continue;
                }
            }
            if (tokenStart && (c < 128 && Character.isLetterOrDigit(c))) {
                link = link == null ? SocialMarkup.LINK.matcher(text) : link;
                if (link.region(i, len).lookingAt()) {
                    i = link.end();
                    prev = -1;
                    continue;
                }
            }
            int cp = text.codePointAt(i);
            if (Character.isLetter(cp)) {
                int folded = Character.toLowerCase(cp);
                folded = folded == 'ё' ? 'е' : folded;
                if (folded != prev) {
                    n++;
                }
                prev = folded;
            } else {
                prev = -1;
            }
            i += Character.charCount(cp);
        }
        return n;
    }

    private static int tokenEnd(String text, int from) {
        int i = from;
        while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
