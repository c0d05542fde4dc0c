-- Logout ends a person's sessions: a session cookie issued (or renewed) before this instant is refused.
alter table app_user add column sessions_valid_from timestamptz;
