-- A batch's insert no longer runs a foreign-key check per row for post.source_id, post.original_id and
-- post_fingerprint.post_id.
--
-- Each such check is a row trigger that runs its own query and locks the referenced row FOR KEY SHARE: for a batch
-- of 1,000 Kursk appeals (one source, ≈ 850 copies linked to an original, ≈ 850 fingerprints) the three took
-- 20–50 ms of the insert's 190–240 ms on a loaded machine (EXPLAIN ANALYZE of the insert, docs/performance.md,
-- 2026-12-05), and the originals' locks dirty old posts' pages and, when two feeders link copies to one original at
-- once, create multixacts. (post.parent_id keeps its key: almost every row has no parent, and a null skips it.)
--
-- What the keys guarded stays guarded where it can break. Inserts: the upsert writes a source id the transaction
-- read or created (ApiSources, a crawler's own source), an original_id it read from post in the same transaction or
-- drew for a row of the same batch, clearing the latter when that row was not inserted (PostUpsertSql, V70;
-- ConcurrentIngestTest checks every stored link), and a fingerprint from the RETURNING of its post's insert.
-- Deletes (the service deletes neither posts nor sources, file sources are disabled; an operator might): statement
-- triggers with the deleted rows as a transition table, which cost an insert nothing — a deleted post's
-- fingerprint goes with it (was ON DELETE CASCADE), and deleting an original whose copies stay, or a source that
-- still has posts, is refused (was NO ACTION). post has no index on original_id, so that check reads post once per
-- deleting statement, as the key's check did per deleted row. No statement changes a source's or a post's id.
alter table post_fingerprint drop constraint post_fingerprint_post_id_fkey;
alter table post drop constraint post_original_id_fkey;
alter table post drop constraint post_source_id_fkey;

-- One function for both tables: the referencing column of post is the trigger's argument.
create function otklik_referenced_rows_deleted() returns trigger language plpgsql as $$
declare
    referenced boolean;
begin
    if TG_TABLE_NAME = 'post' then
        delete from post_fingerprint f using deleted d where f.post_id = d.id;
    end if;
    execute format('select exists (select 1 from post p join deleted d on p.%I = d.id)', TG_ARGV[0]) into referenced;
    if referenced then
        raise foreign_key_violation using
            message = format('a deleted %s row is still referenced by post.%s', TG_TABLE_NAME, TG_ARGV[0]),
            detail = 'checked on delete since V75, in place of a foreign key';
    end if;
    return null;
end $$;

create trigger post_deleted after delete on post referencing old table as deleted
    for each statement execute function otklik_referenced_rows_deleted('original_id');

create trigger source_deleted after delete on source referencing old table as deleted
    for each statement execute function otklik_referenced_rows_deleted('source_id');
