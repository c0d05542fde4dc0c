-- The feed orders incidents by their position in the walk, which is change_seq for all but the few changed
-- since the walk began.
create index incident_change_seq_idx on incident (change_seq desc);
