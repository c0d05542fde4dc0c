-- Crawler state beyond V1: when a source last ran, and what its last runs skipped (VK access errors,
-- unparsable items) so operators see why a post is missing.
alter table source
    add column last_run_at  timestamptz,
    -- an object {"items": [...]}: Hibernate Reactive maps jsonb through Vert.x JsonObject, which refuses arrays
    add column last_skipped jsonb not null default '{"items": []}'::jsonb;

-- Near-duplicate lookup: a 64-bit SimHash within Hamming distance 3 of another agrees with it on at least
-- one of four 16-bit bands (pigeonhole), so each band gets an index and candidates are found without a scan.
create index post_simhash_band0_idx on post (((simhash >> 48) & 65535)) where simhash is not null;
create index post_simhash_band1_idx on post (((simhash >> 32) & 65535)) where simhash is not null;
create index post_simhash_band2_idx on post (((simhash >> 16) & 65535)) where simhash is not null;
create index post_simhash_band3_idx on post ((simhash & 65535)) where simhash is not null;

-- the scheduler's question, asked every few seconds
create index source_due_idx on source (next_run_at) where enabled;
