-- The inappropriate output (Skoltech's inappropriate messages; a second decision rule on the conflict model): label and
-- probability of the label, as conflict. Nothing is backfilled: analyses stored before stay null (not analysed for
-- it), and a post analysed anew gets both.
alter table post_analysis
    add column inappropriate       text,
    add column inappropriate_score double precision;
