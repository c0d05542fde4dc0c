-- Incidents loaded from an «Инцидент Менеджмент» export (import-im --history). im_id is the export's «ID»
-- (or «Номер инцидента») and makes the import idempotent; the other columns keep what ИМ recorded and Otklik
-- has no column for: its type, outcome, executor name, working time to the first response and its verdict.
alter table incident
    add column im_id                             text,
    add column im_number                         text,
    add column im_type                           text check (im_type in ('problem', 'question')),
    add column im_outcome                        text,
    add column im_executor                       text,
    add column im_first_response_working_seconds bigint,
    add column im_first_response_met             boolean;
create unique index incident_im_id_key on incident (im_id);
