-- Otklik foundation schema. Every timestamp is UTC (timestamptz); calendars live in code.
-- Later features add their own migrations (crawler V10+, nlp V20+, incidents V30+, surfaces V40+).

create table topic (
    code        text primary key,
    name_ru     text not null
);

create table municipality (
    code        text primary key,
    name        text not null,
    kind        text not null,
    center      text not null
);

create table agency (
    code              text primary key,
    name              text not null,
    kind              text not null check (kind in ('regional', 'municipal', 'federal', 'other')),
    municipality_code text references municipality (code)
);

create table source (
    id                   bigserial primary key,
    key                  text not null unique,
    kind                 text not null,
    title                text,
    url                  text,
    config               jsonb not null default '{}'::jsonb,
    origin               text not null default 'file' check (origin in ('file', 'api')),
    enabled              boolean not null default true,
    interval_seconds     integer not null default 900 check (interval_seconds > 0),
    jitter_seconds       integer not null default 0 check (jitter_seconds >= 0),
    -- crawl state: the cursor is written in the same transaction as the posts it covers
    cursor               jsonb,
    etag                 text,
    last_modified        text,
    last_success_at      timestamptz,
    last_error_at        timestamptz,
    last_error           text,
    consecutive_failures integer not null default 0,
    next_run_at          timestamptz,
    healthy              boolean not null default true,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now()
);

create table post (
    id                 bigserial primary key,
    source_id          bigint not null references source (id),
    external_id        text not null,
    url                text,
    author_handle      text,
    author_name        text,
    -- HMAC of the author handle: statistics and exports only ever see this
    author_pseudonym   text,
    title              text,
    text               text not null,
    content_hash       text not null,
    version            integer not null default 1,
    published_at       timestamptz not null,
    fetched_at         timestamptz not null,
    likes              bigint,
    reposts            bigint,
    comments           bigint,
    views              bigint,
    parent_external_id text,
    parent_id          bigint references post (id),
    -- near-duplicate of (repost, copied text): the earliest post with the same text fingerprint
    original_id        bigint references post (id),
    simhash            bigint,
    raw                jsonb,
    -- pending → claimed (by an analysis worker) → done | skipped (not Russian) | failed
    analysis_state     text not null default 'pending'
                       check (analysis_state in ('pending', 'claimed', 'done', 'skipped', 'failed')),
    claimed_at         timestamptz,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    unique (source_id, external_id)
);
create index post_published_idx on post (published_at desc, id desc);
create index post_pending_idx on post (id) where analysis_state = 'pending';
create index post_parent_idx on post (source_id, parent_external_id) where parent_external_id is not null;
create index post_author_idx on post (author_pseudonym);
create index post_simhash_idx on post (simhash);

-- previous texts of edited posts; the current one stays on post
create table post_version (
    id           bigserial primary key,
    post_id      bigint not null references post (id) on delete cascade,
    version      integer not null,
    title        text,
    text         text not null,
    content_hash text not null,
    replaced_at  timestamptz not null default now(),
    unique (post_id, version)
);

create table post_analysis (
    id               bigserial primary key,
    post_id          bigint not null references post (id) on delete cascade,
    post_version     integer not null,
    lang             text,
    complaint        text,
    complaint_score  double precision,
    topic            text,
    topic_score      double precision,
    conflict         text,
    conflict_score   double precision,
    sentiment        text,
    sentiment_score  double precision,
    municipality     text,
    agency           text,
    agency_score     double precision,
    agency_decided_by text,
    -- {"mentions": [...]}: JSON columns hold objects, which is what Hibernate Reactive maps
    places           jsonb not null default '{"mentions": []}'::jsonb,
    explanation      jsonb not null default '{}'::jsonb,
    model_versions   jsonb not null default '{}'::jsonb,
    analysed_at      timestamptz not null default now(),
    unique (post_id, post_version)
);
create index post_analysis_topic_idx on post_analysis (topic);

create table incident (
    id                    bigserial primary key,
    status                text not null default 'new',
    topic                 text not null references topic (code),
    agency_code           text references agency (code),
    municipality_code     text references municipality (code),
    priority              text not null default 'normal' check (priority in ('normal', 'high', 'critical')),
    title                 text not null,
    first_seen_at         timestamptz not null,
    last_seen_at          timestamptz not null,
    first_response_due_at timestamptz,
    deadline_at           timestamptz not null,
    first_response_at     timestamptz,
    resolved_at           timestamptz,
    closed_at             timestamptz,
    post_count            integer not null default 0,
    reach                 bigint not null default 0,
    conflict_score        double precision not null default 0,
    merged_into_id        bigint references incident (id),
    created_at            timestamptz not null default now(),
    updated_at            timestamptz not null default now()
);
create index incident_feed_idx on incident (updated_at desc, id desc);
create index incident_status_idx on incident (status);
create index incident_agency_idx on incident (agency_code);

create table incident_post (
    incident_id bigint not null references incident (id) on delete cascade,
    post_id     bigint not null references post (id) on delete cascade,
    added_at    timestamptz not null default now(),
    primary key (incident_id, post_id),
    -- a post belongs to one incident at most
    unique (post_id)
);

-- audit trail: every change of an incident, with who, when and why
create table incident_event (
    id          bigserial primary key,
    incident_id bigint not null references incident (id) on delete cascade,
    type        text not null,
    from_status text,
    to_status   text,
    actor       text not null,
    reason      text,
    payload     jsonb not null default '{}'::jsonb,
    at          timestamptz not null default now()
);
create index incident_event_incident_idx on incident_event (incident_id, id);
