package ru.otklik.analysis;

import ru.otklik.post.Post;

/** A post an analysis worker has claimed: the version it read, so a later edit is not marked done. */
public record ClaimedPost(long id, int version, String text) {

    /** The post's current version with the text the queue analyses: the title, if any, on its own line first. */
    public static ClaimedPost of(Post post) {
        return new ClaimedPost(post.id, post.version, (post.title == null ? "" : post.title + "\n") + post.text);
    }
}
