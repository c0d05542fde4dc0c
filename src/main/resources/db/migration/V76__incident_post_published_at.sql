-- An incident's recent posts are counted twice for every batch of the analysis queue: its growth when a batch
-- joins it (IncidentWrites.JOIN) and each post's incident growth for the alerts (AlertService.FACTS). Both joined
-- every member of the incident to `post` (a ≈ 1 KB row) for its publication time, so their cost grew with the
-- incident; together ≈ 1 ms of backend time a post in a warm drain under load (docs/performance.md, 2026-12-05 perf-queue8).
-- A membership now carries its post's publication time, and the count reads the recent ones off an index; it also
-- carries the post's version, for grouping (below).
alter table incident_post add column published_at timestamptz, add column post_version integer;
update incident_post m set published_at = p.published_at, post_version = p.version from post p where p.id = m.post_id;
create index incident_post_published_idx on incident_post (incident_id, published_at);

-- An insert that does not name them (the workflow's entity, a fixture, the benchmark's seed) gets them from the post
-- after the statement, when a post inserted by the same statement is visible too; the analysis batch names both, so
-- for it this finds no row to fill. Null only inside such a statement.
create function otklik_incident_post_published_at() returns trigger language plpgsql as $$
begin
    update incident_post m set published_at = p.published_at, post_version = p.version
    from added a join post p on p.id = a.post_id
    where (a.published_at is null or a.post_version is null) and m.post_id = a.post_id;
    return null;
end $$;
create trigger incident_post_published_at after insert on incident_post
    referencing new table as added for each statement execute function otklik_incident_post_published_at();

-- An edit moves a post's version and may move its publication time; its membership follows in the same statement.
create function otklik_post_edited_membership() returns trigger language plpgsql as $$
begin
    update incident_post set published_at = new.published_at, post_version = new.version where post_id = new.id;
    return null;
end $$;
create trigger post_edited_membership after update of published_at, version on post
    for each row when (old.published_at is distinct from new.published_at or old.version is distinct from new.version)
    execute function otklik_post_edited_membership();

-- Grouping reads each candidate incident's 20 latest posts with their versions (IncidentGrouping.MEMBERS: order
-- by added_at desc, post_id desc), the costliest statement of a warm drain (0.69 ms of PostgreSQL's time a post):
-- V63's index had added_at alone, so an incident's memberships were read and sorted, and each of the 20 was joined
-- to `post` for its version. The membership now carries the version (kept by the triggers above), and this index
-- gives the 20 in order with it, without `post`.
drop index incident_post_recent_idx;
create index incident_post_latest_idx on incident_post (incident_id, added_at desc, post_id desc) include (post_version);
