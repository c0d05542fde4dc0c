-- Bulk ingest (issue 14): a batch of 1,000 posts paid for the post's text twice — in `text` and again inside the
-- `raw` payload the feeder sent (its cast to jsonb, a third more WAL, TOAST on a fifth of the rows) — and for a
-- PL/pgSQL call plus a pg_notify per inserted row (docs/performance.md, perf-ingest4 and perf-ingest5).

-- A payload whose "text" is the post's own text is stored without it; the post's reads put it back
-- (ru.otklik.post.Post#raw), so audit and re-parsing see what was sent. Rows stored before keep their full payload
-- (false): both forms stay valid side by side.
alter table post add column raw_without_text boolean not null default false;

-- A post waiting for analysis still wakes the analysis worker of every node at commit (LISTEN otklik_post, V63), but
-- an insert notifies once per statement, from the rows it inserted, instead of once per row. NOTIFY folds identical
-- payloads of one transaction either way, so the listener sees the same.
drop trigger post_queued_notify on post;

create function otklik_notify_posts_queued() returns trigger language plpgsql as $$
begin
    if exists (select 1 from inserted where analysis_state = 'pending') then
        perform pg_notify('otklik_post', '');
    end if;
    return null;
end $$;

create trigger post_queued_notify after insert on post referencing new table as inserted
    for each statement execute function otklik_notify_posts_queued();

-- An edit queues its post again (the version moves). Edits are few, and a trigger with a transition table cannot
-- name its columns (`update of version`), so they keep V63's row trigger.
create trigger post_edited_notify after update of version on post
    for each row when (new.analysis_state = 'pending') execute function otklik_notify_post_queued();
