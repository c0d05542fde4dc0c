-- The incident type of docs/incident-guideline.md (ИМ's «Тип инцидента»): 'problem' («Решаемый») or
-- 'question' («Информационный»). On an analysis it is null unless complaint = 'complaint'. Rows stored before
-- the type existed were decided by rules and a model that described problems only, hence 'problem'.
alter table post_analysis
    add column incident_type text check (incident_type in ('problem', 'question'));
update post_analysis set incident_type = 'problem' where complaint = 'complaint';

alter table incident
    add column incident_type text not null default 'problem' check (incident_type in ('problem', 'question'));
