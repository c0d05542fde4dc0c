-- Near-duplicate linking leaves the ingest's transaction (docs/performance.md, 2026-12-05 perf-ingest7). A new post
-- with a SimHash is inserted without its fingerprint row and original; its id goes into this queue in the same
-- statement, and QueuedLinking claims the queue a batch at a time after the commit: it looks the batch's posts up
-- in post_fingerprint, writes their originals (and re-roots groups they predate), inserts their fingerprint rows and
-- deletes their queue rows in one transaction. A crash between the two leaves the rows here to be linked later; a
-- row is deleted only with the fingerprint it stands for, so nothing is linked twice.
-- One narrow row with one index entry a post, instead of the fingerprint's row with eight, and no band lookups. No
-- foreign key (its check would cost a lookup a row): the step deletes what it claims, and skips a post gone since.
create table post_unlinked (
    post_id bigint primary key
) with (autovacuum_vacuum_insert_scale_factor = 0.01, autovacuum_vacuum_scale_factor = 0.01);
