-- The first page of GET /api/incidents?limit=50 as the service runs it: one statement, the newest change
-- number and the page (src/main/resources/ru/otklik/incident/feed-page.sql without filters; snapshot 0:
-- a new walk; limit + 1 rows: the extra one tells that a next page exists). IncidentFeedSqlTest keeps
-- this file equal to it.
\set snapshot 0
\set after 9223372036854775807
\set limit 51
select s.latest, s.snapshot, w.*,
       array(select m.post_id from incident_post m where m.incident_id = w.id order by m.post_id) as post_ids
from (select coalesce(max(seq), 0) as latest, coalesce(nullif(:snapshot::bigint, 0), max(seq), 0) as snapshot
      from incident_change) s
left join lateral (
    select u.* from ((select i.id, i.status, i.topic, i.incident_type, i.agency_code, i.municipality_code, i.priority,
                             i.title, i.first_response_due_at, i.deadline_at, i.first_response_due_calendar_at,
                             i.deadline_calendar_at, i.first_response_at, i.first_seen_at, i.last_seen_at,
                             i.post_count, i.reach, i.conflict_score, i.growth, i.answer_text, i.answer_url, i.rating,
                             i.satisfaction, i.reopen_count, i.created_at, i.updated_at, i.change_seq as position
                      from incident i
                      where i.change_seq <= s.snapshot and i.change_seq < :after
                      order by i.change_seq desc limit :limit)
                     union all
                     (select i.id, i.status, i.topic, i.incident_type, i.agency_code, i.municipality_code, i.priority,
                             i.title, i.first_response_due_at, i.deadline_at, i.first_response_due_calendar_at,
                             i.deadline_calendar_at, i.first_response_at, i.first_seen_at, i.last_seen_at,
                             i.post_count, i.reach, i.conflict_score, i.growth, i.answer_text, i.answer_url, i.rating,
                             i.satisfaction, i.reopen_count, i.created_at, i.updated_at,
                             (select max(c.seq) from incident_change c
                              where c.incident_id = i.id and c.seq <= s.snapshot) as position
                      from incident i
                      where i.change_seq > s.snapshot)) u
    where u.position < :after
    order by u.position desc
    limit :limit) w on true
order by w.position desc;
