-- Analysts' verdicts on flagged posts. Each row keeps what the model said next to what the analyst decided,
-- so that corrections can be exported as training data and a model's error rate read back per version.
create table review (
    id                 bigserial primary key,
    post_id            bigint  not null references post (id) on delete cascade,
    -- the text version the analyst read and the analysis shown for it
    post_version       integer not null,
    analysis_id        bigint  references post_analysis (id) on delete set null,
    model_versions     jsonb   not null default '{}'::jsonb,
    decision           text    not null check (decision in ('confirmed', 'rejected', 'corrected')),
    -- the model's labels as shown
    model_topic        text,
    model_agency       text,
    model_municipality text,
    -- the labels after review (null when rejected): what training data is made of
    topic              text references topic (code),
    agency             text references agency (code),
    municipality       text references municipality (code),
    comment            text,
    reviewer           text    not null,
    reviewed_at        timestamptz not null default now()
);
-- the queue asks "is this version reviewed?"; the export takes the latest verdict per post
create index review_post_idx on review (post_id, post_version, id desc);
create index review_time_idx on review (reviewed_at desc, id desc);
