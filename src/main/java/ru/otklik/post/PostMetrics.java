package ru.otklik.post;

/** Engagement counters as the platform reports them; null means the platform does not say. */
public record PostMetrics(Long likes, Long reposts, Long comments, Long views) {

    public static final PostMetrics NONE = new PostMetrics(null, null, null, null);

    /** Likes, reposts and views summed: the audience a post reached, as incidents count it. */
    public long reach() {
        return orZero(likes) + orZero(reposts) + orZero(views);
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
