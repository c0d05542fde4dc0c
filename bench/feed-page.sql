-- The first page of GET /api/incidents?limit=50 as the service runs it: IncidentFeedQuery's snapshot
-- query, then src/main/resources/ru/otklik/incident/feed-page.sql without filters (limit + 1 rows:
-- the extra one tells that a next page exists). IncidentFeedSqlTest keeps this file equal to it.
\set limit 51
\set after 9223372036854775807
select coalesce(max(seq), 0) as seq from incident_change \gset snapshot_
\set snapshot :snapshot_seq
select w.*, array(select m.post_id from incident_post m where m.incident_id = w.id order by m.post_id) as post_ids
from ((select i.*, i.change_seq as position from incident i
       where i.change_seq <= :snapshot and i.change_seq < :after
       order by i.change_seq desc limit :limit)
      union all
      (select i.*, (select max(c.seq) from incident_change c where c.incident_id = i.id and c.seq <= :snapshot) as position
       from incident i
       where i.change_seq > :snapshot)) w
where w.position < :after
order by w.position desc
limit :limit;
