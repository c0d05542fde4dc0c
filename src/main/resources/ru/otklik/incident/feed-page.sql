-- One page of GET /api/incidents in snapshot order (see V2__incident_feed_positions.sql): each incident at its last
-- change no later than the walk's snapshot $1, newest first, after the cursor's position $2, at most $3 rows.
-- Most incidents have not changed since the snapshot: their position is their own change_seq, read by keyset on
-- an index (change_seq, or a filter column and change_seq) and stopped by the LIMIT. Only the incidents changed
-- since the walk began look up their last change before it; those created after it get no position and drop out.
-- IncidentFeedQuery puts the filters in place of the filter markers; bench/feed-page.sql is this file for pgbench.
select w.*, array(select m.post_id from incident_post m where m.incident_id = w.id order by m.post_id) as post_ids
from ((select i.*, i.change_seq as position from incident i
       where i.change_seq <= $1 and i.change_seq < $2 /* filters */
       order by i.change_seq desc limit $3)
      union all
      (select i.*, (select max(c.seq) from incident_change c where c.incident_id = i.id and c.seq <= $1) as position
       from incident i
       where i.change_seq > $1 /* filters */)) w
where w.position < $2
order by w.position desc
limit $3
