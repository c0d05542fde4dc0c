-- Incidents: working-time deadlines on both clocks, pausable SLA clocks, escalations that fire once,
-- the alert outbox, answers, ratings and satisfaction.

alter table incident
    -- the calendar-time reading of the same targets (deadline_at / first_response_due_at are working time)
    add column first_response_due_calendar_at timestamptz,
    add column deadline_calendar_at           timestamptz,
    add column growth                         integer not null default 0,
    add column reopen_count                   integer not null default 0,
    add column answer_text                    text,
    add column answer_url                     text,
    add column rating                         integer check (rating between 1 and 5),
    add column satisfaction                   double precision check (satisfaction between 0 and 1),
    add column satisfaction_samples           integer not null default 0;

-- One row per incident and clock: the state SlaClock is rebuilt from. A new cycle (reopen, restart on
-- reassignment) overwrites the row and bumps the cycle.
create table incident_sla_clock (
    id                     bigserial primary key,
    incident_id            bigint  not null references incident (id) on delete cascade,
    kind                   text    not null check (kind in ('first_response', 'resolution')),
    cycle                  integer not null default 1,
    started_at             timestamptz not null,
    target                 text    not null,
    working_target_seconds bigint  not null,
    -- closed pauses as ISO-8601 "start/end" intervals separated by ';'
    pauses                 text    not null default '',
    paused_since           timestamptz,
    stopped_at             timestamptz,
    -- when the escalation scheduler should look at this clock next
    next_check_at          timestamptz,
    unique (incident_id, kind)
);
create index incident_sla_clock_check_idx on incident_sla_clock (next_check_at) where stopped_at is null;

-- A threshold fires at most once per incident, clock and cycle, whatever the scheduler does:
-- the insert that wins this constraint is the one that writes the alert.
create table incident_escalation (
    id          bigserial primary key,
    incident_id bigint  not null references incident (id) on delete cascade,
    clock       text    not null,
    cycle       integer not null,
    threshold   integer not null,
    fired_at    timestamptz not null,
    unique (incident_id, clock, cycle, threshold)
);

-- Alerts leave the process through this outbox, written in the transaction that fired them.
create table incident_alert_outbox (
    id           bigserial primary key,
    incident_id  bigint not null references incident (id) on delete cascade,
    kind         text   not null check (kind in ('sla_warning', 'sla_overdue')),
    payload      jsonb  not null,
    created_at   timestamptz not null,
    delivered_at timestamptz
);
create index incident_alert_outbox_pending_idx on incident_alert_outbox (id) where delivered_at is null;
