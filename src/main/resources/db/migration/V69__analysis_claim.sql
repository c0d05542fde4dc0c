-- Claims on the analysis queue in their own narrow table (ru.otklik.analysis.AnalysisQueue). A claim used to update
-- its post (analysis_state 'claimed', the owner, the attempt count): a non-HOT update (analysis_state is in the
-- predicates of post's partial indexes) that wrote a new row version and an entry into each of post's indexes, for
-- every post, besides the update that marks it analysed. A post now stays 'pending' until it is marked; who holds it
-- and how often it was claimed live here. A row is removed when its post is marked; a returned claim keeps its row
-- (node null) so its attempts still count.
create table analysis_claim (
    post_id     bigint primary key references post (id) on delete cascade,
    node        text,                    -- null: returned to the queue
    boot        uuid,
    claimed_at  timestamptz,
    attempts    integer not null default 0
);
-- the release at every poll reads only the claims held
create index analysis_claim_held_idx on analysis_claim (node, claimed_at) where node is not null;
-- posts returned twice are retried one at a time, ahead of the rest
create index analysis_claim_retry_idx on analysis_claim (post_id) where node is null and attempts > 1;

-- what a stopped service left: its claims go back to the queue with their attempts
insert into analysis_claim (post_id, attempts)
select id, analysis_attempts from post where analysis_state in ('pending', 'claimed') and analysis_attempts > 0;
update post set analysis_state = 'pending' where analysis_state = 'claimed';

drop index post_claimed_idx;
drop index post_retry_idx;
alter table post drop column claim_node, drop column claim_boot, drop column analysis_attempts;
