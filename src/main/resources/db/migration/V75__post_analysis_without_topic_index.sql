-- The analysis queue writes a post_analysis row per analysed post, and each row paid for an entry in an index on
-- `topic` (V1) that no statement reads: every reader looks an analysis up by (post_id, post_version), on the
-- table's unique key (review queue and review, skipped posts, search indexing, comment follow-ups). Dropping it
-- takes one index insertion and its WAL off every analysed post (docs/performance.md, 2026-12-05 perf-queue6).
drop index post_analysis_topic_idx;
