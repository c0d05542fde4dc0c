package ru.otklik.post;

import java.time.Duration;
import java.time.Instant;

/**
 * What one item of {@code POST /api/posts} may hold. The lengths keep a value within what a database index
 * row can take (source key, external ids) and a post within what analysis is meant for; the date range
 * refuses clock errors and sentinel values (a year −999999999 was once stored as {@code infinity}).
 */
public final class PostLimits {

    public static final int SOURCE_KEY = 200;
    public static final int EXTERNAL_ID = 500;
    public static final int URL = 2048;
    public static final int AUTHOR = 500;
    public static final int TITLE = 2000;
    public static final int TEXT = PostIngestService.MAX_TEXT_LENGTH;
    /** Nothing the region's sources publish is older; an earlier date is a parse error or a sentinel. */
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    /** Clock skew and time zones written as UTC stay within a day; a later date is an error. */
    public static final Duration AHEAD = Duration.ofDays(1);

    private PostLimits() {
    }
}
