-- Seeds analysed posts and incidents up to :posts posts and :posts / 10 incidents (psql -v posts=N -f seed.sql).
-- Incremental: a second run with a larger :posts adds only the difference, so one database grows 10^4 → 10^6.
-- Shapes: five sources, posts spread over the last year, every post analysed (state done, one post_analysis
-- row; 30 % complaints) so none enters the analysis queue; each incident holds three complaint posts, with
-- the topic, municipality and agency of the reference tables and statuses from new to closed.
\set ON_ERROR_STOP on
create schema if not exists bench;
-- seeded incident number → incident id, to link the posts of later increments
create table if not exists bench.seed_incident (j bigint primary key, id bigint not null);

insert into source (key, kind, title, origin)
select 'bench-seed-' || k, 'api', 'Benchmark seed ' || k, 'api' from generate_series(1, 5) k
on conflict (key) do nothing;

select coalesce(max(j), 0) as have_incidents from bench.seed_incident \gset
select count(*) as have_posts from post p join source s on s.id = p.source_id where s.key like 'bench-seed-%' \gset
select :posts / 10 as want_incidents \gset
\echo seeding posts :have_posts → :posts, incidents :have_incidents → :want_incidents

begin;
create temp table ref on commit drop as
select (select array_agg(code order by code) from topic) as topics,
       (select array_agg(code order by code) from municipality) as munis,
       (select array_agg(name order by code) from municipality) as muni_names,
       (select array_agg(code order by code) from agency) as agencies,
       (select array_agg(id order by key) from source where key like 'bench-seed-%') as sources,
       array['Третий день нет воды в доме на улице Ленина, управляющая компания не отвечает на звонки.',
             'На дороге огромные ямы, машины бьют колёса, ремонт обещают уже второй год.',
             'Во дворе не вывозят мусор, контейнеры переполнены, запах на весь квартал.',
             'Автобус по маршруту не ходит по расписанию, люди мёрзнут на остановке по часу.',
             'В поликлинике невозможно записаться к терапевту, талонов нет на две недели вперёд.',
             'Спасибо коммунальщикам за быструю уборку снега во дворе!',
             'В подъезде не работает освещение, жильцы ходят с фонариками.',
             'Бродячие собаки нападают на детей возле школы, просим принять меры.'] as texts;

-- Incidents in seed order; ids come from the sequence in that order, and bench.seed_incident remembers them.
with ins as (
    insert into incident (status, topic, agency_code, municipality_code, priority, title, first_seen_at, last_seen_at,
                          first_response_due_at, deadline_at, post_count, reach, conflict_score, created_at, updated_at)
    select (array['new','new','new','new','assigned','assigned','in_progress','in_progress','in_progress','answered',
                  'answered','resolved','resolved','closed','closed','waiting_for_author'])[1 + j % 16],
           r.topics[1 + j % array_length(r.topics, 1)], r.agencies[1 + j % array_length(r.agencies, 1)],
           r.munis[1 + j % array_length(r.munis, 1)], (array['normal','normal','normal','high','critical'])[1 + j % 5],
           left(r.texts[1 + j % 8], 60), at, at + interval '2 hours', at + interval '1 day', at + interval '8 days',
           3, j % 900, 0.1, at, at + interval '3 hours'
    from ref r, generate_series(:have_incidents + 1, :want_incidents) j,
         lateral (select now() - make_interval(mins => (:want_incidents - j)::int * 10 % 525600) as at) t
    order by j
    returning id)
insert into bench.seed_incident (j, id)
select :have_incidents + row_number() over (order by id), id from ins;

-- Seeded post n is a complaint when n % 10 < 3 and then belongs to incident n / 10 + 1. One statement inserts
-- the posts, their analyses and the incidents' posts.
with p as (
    insert into post (source_id, external_id, url, author_handle, author_pseudonym, text, content_hash, published_at,
                      fetched_at, likes, reposts, comments, views, simhash, analysis_state, created_at, updated_at)
    select r.sources[1 + n % 5], 'seed-' || n, 'https://bench.invalid/seed/' || n, 'id' || (n % 50000),
           md5('author' || (n % 50000)), t.text, md5(t.text), t.at, t.at, n % 97, n % 13, n % 29, n % 5000,
           hashtextextended('seed-' || n, 0), 'done', t.at, t.at
    from ref r cross join generate_series(:have_posts, :posts - 1) n
    cross join lateral (select r.muni_names[1 + n % array_length(r.munis, 1)] || ': ' || r.texts[1 + n % 8]
                               || ' Обращение ' || n as text,
                               now() - make_interval(mins => (:posts - n)::int % 525600) as at) t
    returning id, substr(external_id, 6)::bigint as n, published_at),
a as (
    insert into post_analysis (post_id, post_version, lang, complaint, complaint_score, topic, topic_score, conflict,
                               conflict_score, sentiment, sentiment_score, municipality, agency, agency_score,
                               agency_decided_by, analysed_at)
    select p.id, 1, 'ru', case when p.n % 10 < 3 then 'complaint' else 'other' end, 0.9,
           r.topics[1 + p.n % array_length(r.topics, 1)], 0.8, 'neutral', 0.05, 'negative', 0.7,
           r.munis[1 + p.n % array_length(r.munis, 1)], r.agencies[1 + p.n % array_length(r.agencies, 1)], 0.6,
           'routing', p.published_at
    from ref r cross join p)
insert into incident_post (incident_id, post_id, added_at)
select si.id, p.id, p.published_at
from p join bench.seed_incident si on si.j = p.n / 10 + 1
where p.n % 10 < 3;

insert into incident_event (incident_id, type, to_status, actor, at)
select si.id, 'created', 'new', 'system', i.created_at
from bench.seed_incident si join incident i on i.id = si.id
where si.j > :have_incidents;
commit;

-- the near-duplicate lookup reads hashes from post_fingerprint (V66), which the service fills as it stores a post;
-- seeded posts get theirs here (an older schema without the table has nothing to fill)
select to_regclass('post_fingerprint') is not null as has_fingerprints \gset
\if :has_fingerprints
insert into post_fingerprint (post_id, simhash, published_at)
select id, simhash, published_at from post
where simhash is not null and id > (select coalesce(max(post_id), 0) from post_fingerprint);
vacuum analyze post_fingerprint;
\endif

vacuum analyze post;
vacuum analyze post_analysis;
vacuum analyze incident;
vacuum analyze incident_post;
vacuum analyze incident_change;
vacuum analyze incident_event;
