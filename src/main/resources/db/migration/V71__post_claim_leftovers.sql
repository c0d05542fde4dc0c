-- What V69 left on post once claims moved to analysis_claim: claimed_at is written by nothing, and no post is ever
-- 'claimed' again (V69 returned those to 'pending'); the check now says so, so a stray writer of the old state fails
-- loudly instead of hiding a post from the queue.
alter table post drop column claimed_at;
alter table post drop constraint post_analysis_state_check;
alter table post add constraint post_analysis_state_check
    check (analysis_state in ('pending', 'done', 'skipped', 'failed'));
