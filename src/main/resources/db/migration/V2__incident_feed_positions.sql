-- Stable paging of the incident feed while incidents change.
-- Every insert or update of an incident takes the next number of one sequence and logs it in incident_change.
-- A client's walk is pinned to the sequence value at its first page (the snapshot): each incident is placed by
-- its last change at or before the snapshot, so an incident that changes mid-walk neither jumps ahead of the
-- cursor (and is skipped) nor shows up twice. Its next change is seen by the next walk.

create sequence incident_change_seq;

alter table incident add column change_seq bigint not null default 0;

create table incident_change (
    seq         bigint primary key,
    incident_id bigint not null references incident (id) on delete cascade,
    at          timestamptz not null default now()
);
create index incident_change_incident_idx on incident_change (incident_id, seq desc);

create function incident_take_change_seq() returns trigger language plpgsql as $$
begin
    new.change_seq := nextval('incident_change_seq');
    return new;
end $$;

create function incident_log_change() returns trigger language plpgsql as $$
begin
    insert into incident_change (seq, incident_id) values (new.change_seq, new.id);
    return null;
end $$;

create trigger incident_change_seq_trg before insert or update on incident
    for each row execute function incident_take_change_seq();
create trigger incident_change_log_trg after insert or update on incident
    for each row execute function incident_log_change();
