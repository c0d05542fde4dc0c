package ru.otklik.alert;

/**
 * What the alert rules look at for one analysed post.
 *
 * @param incidentId          the incident the post belongs to, or null
 * @param incidentReach       the incident's total reach
 * @param incidentRecentPosts the incident's posts published within the growth window before this post
 * @param threadRootId        the post this one comments on, or null
 * @param threadRecentPosts   comments on {@code threadRootId} published within the growth window
 */
public record AlertFacts(long postId, double conflictScore, long postReach, Long incidentId, long incidentReach,
                         long incidentRecentPosts, Long threadRootId, long threadRecentPosts) {
}
