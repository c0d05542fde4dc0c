-- Who holds a claim on a post, so a restarted node returns its own claims at once instead of after the claim
-- timeout, and how often the post was claimed, so a post that fails every analysis stops being retried.
alter table post
    add column claim_node         text,
    add column claim_boot         uuid,
    add column analysis_attempts  integer not null default 0;

-- the release runs at every poll: it must not scan the table
create index post_claimed_idx on post (claim_node, claimed_at) where analysis_state = 'claimed';
-- posts returned twice are retried one at a time, ahead of the rest
create index post_retry_idx on post (id) where analysis_state = 'pending' and analysis_attempts > 1;
