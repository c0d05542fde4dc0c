-- A batch's new posts are inserted with their near-duplicate originals (PostUpsertSql, NearDuplicateLinker.plan),
-- decided before the insert from ids drawn for them, so a copy is written once instead of inserted and then updated.
-- A copy may point at another new post of its batch that a concurrent feeder turned out to insert first (the
-- insert skips that key): the upsert then clears such links and links those posts again before it commits. The
-- reference is therefore checked at commit, not at the end of the insert.
alter table post alter constraint post_original_id_fkey deferrable initially deferred;
