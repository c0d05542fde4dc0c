-- No query looks posts up by author pseudonym (statistics, reviews and follow-ups read it from rows found by other
-- keys; checked with grep of every statement, 2026-12-04), yet every post wrote an entry into this index when it
-- was inserted and again on each of the analysis worker's updates (they cannot be HOT: analysis_state is in the
-- predicates of post's partial indexes). A post now enters 4 of post's always-written indexes instead of 5.
drop index if exists post_author_idx;
