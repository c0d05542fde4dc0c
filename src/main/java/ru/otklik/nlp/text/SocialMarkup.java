package ru.otklik.nlp.text;

import java.util.regex.Pattern;

/**
 * What a social post carries besides its words: links, {@code @mentions}, hashtags and VK mentions
 * ({@code [club123|Администрация Тулы]}). Neither the language of a post ({@code LanguageIdentifier}) nor its
 * content ({@link ContentLetters}) may be judged by them — a post of three mentions and a link says nothing — so both
 * read the same patterns from here. The categorisers' view ({@link TextNormalizer#fold}) keeps its own link pattern
 * on purpose: it turns links into a feature word the shipped models were trained on, and changing what it matches
 * changes their features.
 */
public final class SocialMarkup {

    /**
     * A link: a scheme or {@code www.} with what follows up to a space, or a Latin domain with a path
     * ({@code vk.cc/abc}) or a known top-level domain ({@code tula.ru}). Case-insensitive; {@code find()} from the
     * start of a word, or {@code lookingAt()} at a token's start.
     */
    public static final Pattern LINK = Pattern.compile(linkRegex());

    /** A whole VK mention: its id and the name shown ({@code [id1|Иван]}, {@code [club123|Администрация]}). */
    public static final Pattern VK_MENTION = Pattern.compile(vkMentionIdRegex() + "[^\\]]*\\]");

    private SocialMarkup() {
    }

    /** Whether {@code text} has a link anywhere (a mention is not a link). */
    public static boolean hasLink(String text) {
        return LINK.matcher(text).find();
    }

    /** {@link #LINK}'s expression, to be composed into a larger pattern. */
    public static String linkRegex() {
        return "(?i)\\b(?:https?://|www\\.)\\S+"
                + "|\\b[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.(?:[a-z]{2,6}/\\S*|(?:ru|рф|com|org|net|su)\\b)";
    }

    /**
     * The address part of a VK mention, up to its bar ({@code [club123|}): the name after it is the writer's own
     * words (often Russian), which may count as evidence of language while the id may not.
     */
    public static String vkMentionIdRegex() {
        return "\\[(?:id|club|public|event)\\d+\\|";
    }

    /** An {@code @mention} or a {@code #hashtag}: the sign and the name or tag after it. */
    public static String handleRegex() {
        return "(?<![\\p{L}\\p{N}_])[@#][\\p{L}\\p{N}_.]+";
    }
}
