-- Deadline warnings and escalations become ordinary alerts: the console, SSE and webhooks see them like the
-- conflict, reach and growth ones. Their subject is the incident_escalation row that fired them, so the
-- alert's one-per-subject constraint still means "once per threshold".
alter table alert drop constraint alert_kind_check;
alter table alert add constraint alert_kind_check
    check (kind in ('conflict', 'reach', 'growth', 'sla_warning', 'sla_overdue'));
alter table alert drop constraint alert_subject_type_check;
alter table alert add constraint alert_subject_type_check
    check (subject_type in ('post', 'incident', 'thread', 'escalation'));

-- the deadline stage's own outbox had no reader; the alert outbox replaces it
drop table incident_alert_outbox;
