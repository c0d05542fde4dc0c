-- The first page of GET /api/incidents?limit=50 as the service runs it: IncidentFeedQuery's snapshot
-- query, then src/main/resources/ru/otklik/incident/feed-page.sql without filters (limit + 1 rows:
-- the extra one tells that a next page exists). IncidentFeedSqlTest keeps this file equal to it.
\set limit 51
\set after 9223372036854775807
select coalesce(max(seq), 0) as seq from incident_change \gset snapshot_
\set snapshot :snapshot_seq
select w.*, array(select m.post_id from incident_post m where m.incident_id = w.id order by m.post_id) as post_ids
from ((select i.id, i.status, i.topic, i.incident_type, i.agency_code, i.municipality_code, i.priority, i.title,
              i.first_response_due_at, i.deadline_at, i.first_response_due_calendar_at, i.deadline_calendar_at,
              i.first_response_at, i.first_seen_at, i.last_seen_at, i.post_count, i.reach, i.conflict_score, i.growth,
              i.answer_text, i.answer_url, i.rating, i.satisfaction, i.reopen_count, i.created_at, i.updated_at,
              i.change_seq as position
       from incident i
       where i.change_seq <= :snapshot and i.change_seq < :after
       order by i.change_seq desc limit :limit)
      union all
      (select i.id, i.status, i.topic, i.incident_type, i.agency_code, i.municipality_code, i.priority, i.title,
              i.first_response_due_at, i.deadline_at, i.first_response_due_calendar_at, i.deadline_calendar_at,
              i.first_response_at, i.first_seen_at, i.last_seen_at, i.post_count, i.reach, i.conflict_score, i.growth,
              i.answer_text, i.answer_url, i.rating, i.satisfaction, i.reopen_count, i.created_at, i.updated_at,
              (select max(c.seq) from incident_change c where c.incident_id = i.id and c.seq <= :snapshot) as position
       from incident i
       where i.change_seq > :snapshot)) w
where w.position < :after
order by w.position desc
limit :limit;
