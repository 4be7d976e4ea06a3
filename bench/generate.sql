-- Fills a migrated schema with a deterministic data set for benchmarks of the thread lists.
--
--   psql -h 127.0.0.1 -U postgres -d test -v schema=bench_inbox -v tutors=2000 -v parents=20000 \
--        -v students=25000 -v messages=1000000 -v seed=0.42 -f bench/generate.sql
--
-- Optional: -v reset=1 empties the schema's users, links, enrollments, threads and messages first (and whatever
-- references them); without it the script refuses to run on a schema that already has users.
--
-- Every "random" choice is a hash of (row number, purpose, seed), so the same variables give the same ids, links,
-- threads and messages on every run; times are relative to the start of the current minute. All inserts are
-- set-based (INSERT ... SELECT over generate_series); 1M messages load in a few minutes on 2 cores.
--
-- Shape: students have 1 linked parent, 30% a second one; each student is enrolled with one or two regular tutors,
-- and 35% also with one of the few "busy" tutors (tutors/400, at least 1), who therefore teach thousands of students
-- and hold 2,000+ threads at the default sizes. A thread exists for each (parent, tutor, student) that may talk, up
-- to messages/4 threads; every thread has a message, the rest are spread with a long tail (a few threads have
-- thousands of messages). 35% of threads have an unread tail of up to 30 days; 3% are pinned, 4% snoozed into the
-- next two weeks and 2% carry an expired snooze. At the end it prints the busy tutor to measure with.
\set ON_ERROR_STOP on
\timing on
set search_path = :"schema";
select set_config('bench.seed', ((:seed)::numeric * 1000000007)::bigint::text, false);
select set_config('bench.base', date_trunc('minute', now())::text, false);

-- A deterministic uniform number in [0, 1) for row i and purpose salt.
create function pg_temp.rnd(i bigint, salt int) returns double precision language sql stable as $$
    select (hashint8extended(i, salt::bigint * 1000003 + current_setting('bench.seed')::bigint)
            & 281474976710655)::double precision / 281474976710656.0
$$;
-- A deterministic id for row i of a kind.
create function pg_temp.uid(kind text, i bigint) returns uuid language sql stable as $$
    select md5(kind || ':' || current_setting('bench.seed') || ':' || i)::uuid
$$;

\if :{?reset}
truncate app_user cascade;
\endif
do $$
begin
    if exists (select 1 from app_user) then
        raise exception 'schema % already has users: run on a freshly migrated schema or pass -v reset=1',
            current_schema();
    end if;
end $$;

-- Users -------------------------------------------------------------------------------------------------------
insert into app_user (id, subject, email, name, roles, created_at, updated_at)
select pg_temp.uid('tutor', i), 'bench-tutor-' || i, 'tutor' || i || '@bench.example', 'Tutor ' || i,
       '{TUTOR}', now(), now()
  from generate_series(1, :tutors) i;
insert into app_user (id, subject, email, name, roles, created_at, updated_at)
select pg_temp.uid('parent', i), 'bench-parent-' || i, 'parent' || i || '@bench.example', 'Parent ' || i,
       '{PARENT}', now(), now()
  from generate_series(1, :parents) i;
insert into app_user (id, subject, email, name, roles, created_at, updated_at)
select pg_temp.uid('student', i), 'bench-student-' || i, 'student' || i || '@bench.example', 'Student ' || i,
       '{STUDENT}', now(), now()
  from generate_series(1, :students) i;

-- Links: every student has a parent, 30% a second one ----------------------------------------------------------
insert into parent_student_link (parent_id, student_id)
select pg_temp.uid('parent', 1 + floor(pg_temp.rnd(s, 10) * :parents)::int), pg_temp.uid('student', s)
  from generate_series(1, :students) s
union
select pg_temp.uid('parent', 1 + floor(pg_temp.rnd(s, 11) * :parents)::int), pg_temp.uid('student', s)
  from generate_series(1, :students) s
 where pg_temp.rnd(s, 12) < 0.30;

-- Enrollments: one or two regular tutors, 35% also a busy one --------------------------------------------------
select greatest(1, :tutors / 400) as busy \gset
insert into enrollment (student_id, tutor_id)
select distinct pg_temp.uid('student', s), pg_temp.uid('tutor', t)
  from generate_series(1, :students) s
 cross join lateral (
        select case when :tutors > :busy then :busy + 1 + floor(pg_temp.rnd(s, 20) * (:tutors - :busy))::int
                    else 1 end as t
        union all
        select :busy + 1 + floor(pg_temp.rnd(s, 21) * (:tutors - :busy))::int
         where :tutors > :busy and pg_temp.rnd(s, 22) < 0.5
        union all
        select 1 + floor(pg_temp.rnd(s, 23) * :busy)::int
         where pg_temp.rnd(s, 24) < 0.35) pick;

-- Threads: the (parent, tutor, student) triples that may talk, in a seeded order, at most messages/4 ------------
create temp table bench_thread as
select row_number() over (order by hashtext(l.parent_id::text || e.tutor_id::text || l.student_id::text
                                            || current_setting('bench.seed')))::int as idx,
       l.parent_id, e.tutor_id, l.student_id
  from parent_student_link l
  join enrollment e on e.student_id = l.student_id;
select least(count(*), greatest(1, :messages / 4)) as threads from bench_thread \gset
delete from bench_thread where idx > :threads;
alter table bench_thread add primary key (idx);
alter table bench_thread add column id uuid, add column unread_since timestamptz;
update bench_thread
   set id = pg_temp.uid('thread', idx),
       unread_since = case when pg_temp.rnd(idx, 30) < 0.35
                           then current_setting('bench.base')::timestamptz
                                - make_interval(secs => pg_temp.rnd(idx, 31) * 30 * 86400)
                           else 'infinity' end;
analyze bench_thread;

-- The thread rows first (messages reference them); created_at and last_message_* are set from the messages below.
insert into thread (id, parent_id, tutor_id, student_id, created_at, last_message_at, pinned, snoozed_until)
select id, parent_id, tutor_id, student_id, current_setting('bench.base')::timestamptz,
       current_setting('bench.base')::timestamptz,
       pg_temp.rnd(idx, 40) < 0.03,
       case when pg_temp.rnd(idx, 41) < 0.04
            then current_setting('bench.base')::timestamptz + make_interval(secs => 3600 + pg_temp.rnd(idx, 42) * 14 * 86400)
            when pg_temp.rnd(idx, 41) < 0.06
            then current_setting('bench.base')::timestamptz - make_interval(secs => 3600 + pg_temp.rnd(idx, 42) * 30 * 86400)
       end
  from bench_thread;

-- Messages: one per thread, the rest with a long tail; times over the last year, the density growing linearly
-- towards now (twice the average in the last days, so about 0.02% of all messages fall in the last hour) ----------
-- The paper trail's chain (V80-V82): each message's place in its thread and hashes that chain the rows. The hashes
-- here are stand-ins (SHA-256 of the message id), not the canonical form of docs/paper-trail.md: sends, lists and
-- opens only read the chain head, but a generated thread's export does not verify.
insert into message (id, thread_id, sender_role, sender_id, body, created_at, read_at, chain_index, prev_hash, hash)
select g.id, g.thread_id, g.sender_role, g.sender_id, g.body, g.created_at, g.read_at,
       (row_number() over w - 1)::int,
       coalesce(lag(sha256(convert_to(g.id::text, 'UTF8'))) over w, sha256(convert_to(g.thread_id::text, 'UTF8'))),
       sha256(convert_to(g.id::text, 'UTF8'))
  from (
        select pg_temp.uid('message', j) as id, t.id as thread_id,
               case when pg_temp.rnd(j, 50) < 0.55 then 'PARENT' else 'TUTOR' end as sender_role,
               case when pg_temp.rnd(j, 50) < 0.55 then t.parent_id else t.tutor_id end as sender_id,
               (array['Thanks for the update!', 'Could we move Thursday''s lesson to Friday?',
                      'The homework is attached to the class page.', 'How did the test go?',
                      'She practised the scales every day this week.', 'Please bring the workbook next time.',
                      'Running ten minutes late, sorry.', 'Great progress on fractions today.'])
                   [1 + floor(pg_temp.rnd(j, 51) * 8)::int]
                   || repeat(' We also talked about the next steps.', floor(pg_temp.rnd(j, 52) * 5)::int) as body,
               m.at as created_at,
               case when m.at > t.unread_since then null
                    else least(current_setting('bench.base')::timestamptz,
                               m.at + make_interval(secs => pg_temp.rnd(j, 53) * 2 * 86400)) end as read_at
          from generate_series(1, :messages) j
         cross join lateral (
                select case when j <= :threads then j
                            else 1 + floor(power(pg_temp.rnd(j, 54), 2) * :threads)::int end as idx,
                       current_setting('bench.base')::timestamptz
                       - make_interval(secs => (1 - sqrt(pg_temp.rnd(j, 55))) * 365 * 86400) as at) m
          join bench_thread t on t.idx = m.idx
       ) g
window w as (partition by g.thread_id order by g.created_at, g.id);

-- Each thread's first and last message, as the send path keeps them --------------------------------------------
update thread t
   set created_at = f.first_at, last_message_at = f.last_at, last_message_id = f.last_id
  from (select distinct on (thread_id) thread_id, created_at as last_at, id as last_id,
               min(created_at) over (partition by thread_id) as first_at
          from message
         order by thread_id, created_at desc, id desc) f
 where f.thread_id = t.id;

vacuum analyze app_user, parent_student_link, enrollment, thread, message;

-- What to measure with ---------------------------------------------------------------------------------------
\timing off
select count(*) as users from app_user \gset
select count(*) as thread_count from thread \gset
select count(*) as message_count, count(*) filter (where read_at is null) as unread_count from message \gset
\echo generated :users users, :thread_count threads, :message_count messages (:unread_count unread) in schema :schema
select t.tutor_id as busy_tutor, u.subject as busy_tutor_subject, count(*) as busy_tutor_threads
  from thread t join app_user u on u.id = t.tutor_id
 group by t.tutor_id, u.subject order by count(*) desc, t.tutor_id limit 1 \gset
\echo busy tutor: :busy_tutor (subject :busy_tutor_subject) with :busy_tutor_threads threads
