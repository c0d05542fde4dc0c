-- Near-duplicate linking leaves the ingest's transaction (docs/performance.md, 2026-12-05 perf-ingest7). A new post
-- with a SimHash is inserted without its fingerprint row and original; its id goes into this queue in the same
-- statement, and QueuedLinking claims the queue a batch at a time after the commit: it looks the batch's posts up
-- in post_fingerprint, re-roots groups they predate, inserts their fingerprint rows with their originals in them and
-- deletes their queue rows in one transaction. A crash between the two leaves the rows here to be linked later; a
-- row is deleted only with the fingerprint it stands for, so nothing is linked twice.
-- One narrow row with one index entry a post, instead of the fingerprint's row with eight, and no band lookups. No
-- foreign key (its check would cost a lookup a row): the step deletes what it claims, and skips a post gone since.
create table post_unlinked (
    post_id bigint primary key
) with (autovacuum_vacuum_insert_scale_factor = 0.01, autovacuum_vacuum_scale_factor = 0.01);

-- The near-duplicate link lives in the row the step inserts anyway: a copy's original set in post would be a second
-- version of the wide post row with its five index entries, after the ingest's insert (+1,550 WAL bytes a copy,
-- docs/performance.md, perf-ingest8). post.original_id stays for explicit reposts and posts without a fingerprint;
-- a post's original is coalesce(post_fingerprint.original_id, post.original_id) (NearDuplicateLinker.ORIGINAL).
-- Not indexed: only a re-root (a backfilled earlier original) looks rows up by it, as it does post's.
alter table post_fingerprint add column original_id bigint references post (id);
