-- Near-duplicate candidates come from a narrow, insert-only table instead of band indexes on post.
--
-- V62's band indexes on post held (band, published_at): each candidate they found was a heap fetch of a wide post
-- row just to read its simhash, ~255 rows per looked-up post with 10^5 posts and more as the 14-day window fills
-- (1.2–1.8 s per 1,000-post batch). Their keys now also carry the hash and the post id, so the distance is checked
-- in the index and an index-only scan never visits the heap. On post itself that would not hold: the analysis
-- worker updates every post two or three times (pending → claimed → done), so recent pages are never all-visible
-- and an index-only scan still fetches the heap; every such update also wrote a new entry into all seven band
-- indexes. post_fingerprint is written once per post (again only when an edit changes the text or date), so
-- vacuum keeps it all-visible — eagerly: after 1 % of its rows were inserted rather than autovacuum's 20 %.
-- post.simhash stays the post's own record of its hash; this table is the lookup's copy of it.
create table post_fingerprint (
    post_id      bigint primary key references post (id) on delete cascade,
    simhash      bigint not null,
    published_at timestamptz not null
) with (autovacuum_vacuum_insert_scale_factor = 0.01, autovacuum_vacuum_scale_factor = 0.01);

insert into post_fingerprint (post_id, simhash, published_at)
select id, simhash, published_at from post where simhash is not null;

-- Seven bands (6 × 9 bits + 10 bits, V11): any two hashes within distance 6 share one. The expressions must stay
-- those of NearDuplicateLinker's lookup (SimHash.band).
create index post_fingerprint_b0_idx on post_fingerprint (((simhash >> 0) & 511), published_at) include (simhash, post_id);
create index post_fingerprint_b1_idx on post_fingerprint (((simhash >> 9) & 511), published_at) include (simhash, post_id);
create index post_fingerprint_b2_idx on post_fingerprint (((simhash >> 18) & 511), published_at) include (simhash, post_id);
create index post_fingerprint_b3_idx on post_fingerprint (((simhash >> 27) & 511), published_at) include (simhash, post_id);
create index post_fingerprint_b4_idx on post_fingerprint (((simhash >> 36) & 511), published_at) include (simhash, post_id);
create index post_fingerprint_b5_idx on post_fingerprint (((simhash >> 45) & 511), published_at) include (simhash, post_id);
create index post_fingerprint_b6_idx on post_fingerprint (((simhash >> 54) & 1023), published_at) include (simhash, post_id);

-- post loses eight indexes no query uses any more (V1's exact-hash index was never looked up by anything): a new
-- post enters 5 of post's indexes instead of 13, and so does each non-HOT update of a post by the analysis worker.
drop index post_simhash_b0_idx;
drop index post_simhash_b1_idx;
drop index post_simhash_b2_idx;
drop index post_simhash_b3_idx;
drop index post_simhash_b4_idx;
drop index post_simhash_b5_idx;
drop index post_simhash_b6_idx;
drop index post_simhash_idx;

analyze post_fingerprint;
