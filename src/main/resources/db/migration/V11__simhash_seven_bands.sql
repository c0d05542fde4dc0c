-- Short posts differ by more bits than long pages: copies of a post (a repost with a hashtag, an added "Помогите!")
-- land 2–6 bits apart when hashed over words and word pairs. Seven bands (6 × 9 bits + 10 bits) guarantee that any
-- two hashes within distance 6 share a band; they replace V10's four 16-bit bands (distance 3).
drop index if exists post_simhash_band0_idx;
drop index if exists post_simhash_band1_idx;
drop index if exists post_simhash_band2_idx;
drop index if exists post_simhash_band3_idx;
create index post_simhash_b0_idx on post (((simhash >> 0) & 511))   where simhash is not null;
create index post_simhash_b1_idx on post (((simhash >> 9) & 511))   where simhash is not null;
create index post_simhash_b2_idx on post (((simhash >> 18) & 511))  where simhash is not null;
create index post_simhash_b3_idx on post (((simhash >> 27) & 511))  where simhash is not null;
create index post_simhash_b4_idx on post (((simhash >> 36) & 511))  where simhash is not null;
create index post_simhash_b5_idx on post (((simhash >> 45) & 511))  where simhash is not null;
create index post_simhash_b6_idx on post (((simhash >> 54) & 1023)) where simhash is not null;
