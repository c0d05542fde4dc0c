-- Analysis from the queue in batches (ru.otklik.analysis.AnalysisStore): what grouping, follow-ups and alert
-- facts look up, indexed, so their cost does not grow with the number of incidents and posts.

-- Grouping candidates: open incidents of one topic and municipality (an unknown one is '') by last sight.
-- Closed incidents leave the index, so it holds only what grouping can still join.
create index incident_grouping_idx on incident (topic, coalesce(municipality_code, ''), last_seen_at desc)
    where status not in ('resolved', 'closed', 'duplicate');

-- An incident's latest posts (its text for grouping) without reading all of its posts.
create index incident_post_recent_idx on incident_post (incident_id, added_at desc);

-- Comments of a post: thread growth for alerts and the author's follow-ups after an official reply.
create index post_parent_id_idx on post (parent_id, published_at) where parent_id is not null;

-- A post waiting for analysis wakes the analysis worker of every node at commit (LISTEN otklik_post), so a
-- post is analysed at once instead of at the next poll. NOTIFY folds identical payloads of one transaction.
create function otklik_notify_post_queued() returns trigger language plpgsql as $$
begin
    perform pg_notify('otklik_post', '');
    return null;
end $$;
create trigger post_queued_notify after insert or update of version on post
    for each row when (new.analysis_state = 'pending') execute function otklik_notify_post_queued();
