-- The model and rule versions behind an analysis, stored once per distinct set instead of on every post_analysis
-- row: each row repeated the same ≈ 0.45 KB of JSON, and its insert was half of the analysis queue's statement time
-- (docs/performance.md). A set is added, and committed, before any analysis names it (analysis.ModelSets), and
-- never removed, so model_set_id needs no foreign key, whose per-row trigger would take a share lock on the same
-- model_set row for every analysis a batch inserts. Null: versions unknown (what '{}' meant before).
create table model_set (
    id       bigint generated always as identity primary key,
    versions jsonb not null unique
);

insert into model_set (versions)
select distinct model_versions from post_analysis where model_versions <> '{}'::jsonb;

alter table post_analysis add column model_set_id bigint;
update post_analysis a set model_set_id = m.id from model_set m where m.versions = a.model_versions;
alter table post_analysis drop column model_versions;
