-- One first page of GET /api/incidents?limit=50 as the service runs it today (incident.IncidentResource#feed,
-- IncidentFeedQuery, IncidentViews): the walk's snapshot, the page's ids in snapshot order (limit + 1, to know
-- whether a next page exists), the incidents, and their post ids. The feed's limit: run with
-- pgbench -M prepared -f bench/feed-page.sql (the service's statements are prepared too).
select coalesce(max(seq), 0) as snap from incident_change \gset
select array_agg(id order by position desc) as ids from (
    select id, position from (
        select i.id, case when i.change_seq <= :snap then i.change_seq
               else (select max(c.seq) from incident_change c where c.incident_id = i.id and c.seq <= :snap)
               end as position
        from incident i where true) p
    where p.position < 9223372036854775807 order by p.position desc limit 51) page \gset
select * from incident where id = any(:ids::bigint[]);
select incident_id, post_id, added_at from incident_post where incident_id = any(:ids::bigint[]) order by post_id;
