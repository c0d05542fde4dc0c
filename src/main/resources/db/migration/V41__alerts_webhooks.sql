-- Conflict alerts for the press service and their delivery to webhooks (ru.otklik.alert, ru.otklik.webhook).

create table alert (
    id              bigserial primary key,
    -- Standard Webhooks message id: the same on every retry, so receivers can drop duplicates
    message_id      text not null unique,
    kind            text not null check (kind in ('conflict', 'reach', 'growth')),
    -- what crossed the threshold: a post, an incident, or a thread (subject_id = the post commented on)
    subject_type    text not null check (subject_type in ('post', 'incident', 'thread')),
    subject_id      bigint not null,
    post_id         bigint references post (id) on delete set null,
    incident_id     bigint references incident (id) on delete set null,
    value           double precision not null,
    threshold       double precision not null,
    title           text not null,
    excerpt         text,
    url             text,
    topic           text,
    municipality    text,
    agency_code     text,
    created_at      timestamptz not null default now(),
    acknowledged_at timestamptz,
    acknowledged_by text,
    -- a subject crosses a threshold once: re-analysis or a second node cannot raise the same alert twice
    unique (subject_type, subject_id, kind)
);
create index alert_feed_idx on alert (created_at desc, id desc);

create table webhook (
    id          bigserial primary key,
    url         text not null,
    -- whsec_<base64>: needed in clear to sign (HMAC), so it is as sensitive as the database itself
    secret      text not null,
    description text,
    active      boolean not null default true,
    created_by  text not null,
    created_at  timestamptz not null default now(),
    deleted_by  text,
    deleted_at  timestamptz
);

-- One row per (alert, webhook), written in the transaction that raised the alert. Its state is what makes
-- delivery exactly-once from our side: a delivered row is never sent again.
create table outbox (
    id              bigserial primary key,
    alert_id        bigint not null references alert (id) on delete cascade,
    webhook_id      bigint not null references webhook (id),
    state           text not null default 'pending'
                    check (state in ('pending', 'delivering', 'delivered', 'failed', 'cancelled')),
    attempts        integer not null default 0,
    next_attempt_at timestamptz not null default now(),
    claimed_at      timestamptz,
    delivered_at    timestamptz,
    last_status     integer,
    last_error      text,
    created_at      timestamptz not null default now(),
    unique (alert_id, webhook_id)
);
create index outbox_due_idx on outbox (next_attempt_at, id) where state = 'pending';
create index outbox_claimed_idx on outbox (claimed_at) where state = 'delivering';

-- The delivery log: every attempt, successful or not.
create table webhook_delivery (
    id           bigserial primary key,
    outbox_id    bigint not null references outbox (id) on delete cascade,
    webhook_id   bigint not null references webhook (id),
    alert_id     bigint not null,
    attempt      integer not null,
    attempted_at timestamptz not null,
    duration_ms  integer not null,
    status       integer,
    error        text,
    outcome      text not null check (outcome in ('delivered', 'retry', 'failed'))
);
create index webhook_delivery_idx on webhook_delivery (webhook_id, id desc);

-- Committed alerts and outbox rows wake the SSE broadcaster and the webhook dispatcher at once; NOTIFY is
-- delivered only on commit, so a rolled-back analysis never announces anything.
create function otklik_notify_alert() returns trigger language plpgsql as $$
begin
    perform pg_notify('otklik_alert', new.id::text);
    return new;
end $$;
create trigger alert_notify after insert on alert for each row execute function otklik_notify_alert();

create function otklik_notify_outbox() returns trigger language plpgsql as $$
begin
    perform pg_notify('otklik_outbox', '');
    return null;
end $$;
create trigger outbox_notify after insert on outbox for each statement execute function otklik_notify_outbox();
