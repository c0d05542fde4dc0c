-- Near-duplicate candidates are looked up by band *and* publication window (otklik.crawler.dedup.window), so the
-- lookup reads the posts of that window only, not every post that ever shared a band value: with 10^6 posts a
-- 9-bit band value alone matches ~2,000 rows. These replace V11's single-column band indexes.
drop index if exists post_simhash_b0_idx;
drop index if exists post_simhash_b1_idx;
drop index if exists post_simhash_b2_idx;
drop index if exists post_simhash_b3_idx;
drop index if exists post_simhash_b4_idx;
drop index if exists post_simhash_b5_idx;
drop index if exists post_simhash_b6_idx;
create index post_simhash_b0_idx on post (((simhash >> 0) & 511), published_at)   where simhash is not null;
create index post_simhash_b1_idx on post (((simhash >> 9) & 511), published_at)   where simhash is not null;
create index post_simhash_b2_idx on post (((simhash >> 18) & 511), published_at)  where simhash is not null;
create index post_simhash_b3_idx on post (((simhash >> 27) & 511), published_at)  where simhash is not null;
create index post_simhash_b4_idx on post (((simhash >> 36) & 511), published_at)  where simhash is not null;
create index post_simhash_b5_idx on post (((simhash >> 45) & 511), published_at)  where simhash is not null;
create index post_simhash_b6_idx on post (((simhash >> 54) & 1023), published_at) where simhash is not null;

-- The incident feed reads pages by keyset on change_seq (V3's incident_change_seq_idx); with a filter, on the filter
-- column and change_seq, so a page of a rare topic or one agency stops at its LIMIT instead of walking every
-- incident. The leading columns serve the lookups the single-column indexes served.
create index incident_status_seq_idx       on incident (status, change_seq desc);
create index incident_topic_seq_idx        on incident (topic, change_seq desc);
create index incident_agency_seq_idx       on incident (agency_code, change_seq desc);
create index incident_municipality_seq_idx on incident (municipality_code, change_seq desc);
drop index if exists incident_status_idx;
drop index if exists incident_agency_idx;
