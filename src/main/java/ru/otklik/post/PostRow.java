package ru.otklik.post;

/**
 * One valid item of a batch on its way into the {@code post} table.
 *
 * @param index       the item's place in the batch, so outcomes come back in the order sent
 * @param sourceId    the source it belongs to
 * @param draft       the post as handed over
 * @param contentHash {@link ContentHash} of its title and text
 * @param pseudonym   the author's pseudonym, null without a handle
 * @param simhash     the text's fingerprint for near-duplicate linking, null when it is not compared
 *                    ({@link ru.otklik.crawler.dedup.NearDuplicateLinker#fingerprint}); stored with the row itself
 * @param raw         the draft's {@link PostDraft#raw} as {@code post.raw} stores it ({@link StoredRaw}): serialised
 *                    with the checks, on the thread that prepares the batch, not on the event loop that runs its statements
 */
record PostRow(int index, long sourceId, PostDraft draft, String contentHash, String pseudonym, Long simhash,
               StoredRaw raw) {

    /** The natural key: one row per source and external id. */
    record Key(long sourceId, String externalId) {
    }

    /** The same row in another source: a feeder's batch learns its sources' ids in the transaction. */
    PostRow withSource(long id) {
        return new PostRow(index, id, draft, contentHash, pseudonym, simhash, raw);
    }

    Key key() {
        return new Key(sourceId, draft.externalId());
    }
}
