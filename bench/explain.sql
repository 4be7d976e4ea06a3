-- EXPLAIN (ANALYZE, BUFFERS) of the inbox statements, as the service sends them (ThreadQueries),
-- against a schema filled by bench/generate.sql:
--
--   psql -h 127.0.0.1 -U postgres -d test -v schema=bench_inbox -f bench/explain.sql
--
-- Optional: -v tutor=<uuid> (default: the tutor with the most threads), -v depth=<rows before the deep page>
-- (default 1500, at most 60% of the tutor's threads).
-- The read-stamp update runs inside a transaction that is rolled back, so the data stays as generated.
\set ON_ERROR_STOP on
set search_path = :"schema";
\if :{?tutor}
\else
select tutor_id as tutor from thread group by tutor_id order by count(*) desc, tutor_id limit 1 \gset
\endif
select count(*) as tutor_threads from thread where tutor_id = :'tutor' \gset
\if :{?depth}
\else
select least(1500, :tutor_threads * 6 / 10) as depth \gset
\endif
select now() as snap \gset

-- Every list statement is :head_<side> (the row's columns, ThreadQueries.ROW) + the keys subquery (KEYS, and on later
-- pages MOVED_KEYS) + :tail (PAGE's cut and the joins by primary key), with the values the service binds.
\set columns 'select t.id as thread_id, t.parent_id, p.name as parent_name, t.tutor_id, tu.name as tutor_name, t.student_id, s.name as student_name, m.id as last_id, m.sender_role as last_role, m.body as last_body, m.created_at as last_created_at, m.read_at as last_read_at, a.id as attachment_id, a.file_name, a.content_type, a.size, (select count(*) from message u where u.thread_id = t.id and u.read_at is null and u.sender_role = '
\set head_tutor :columns '''PARENT'') as unread, t.pinned, case when t.snoozed_until > now() then t.snoozed_until end as snoozed_until, k.at as activity_at from (select * from ('
\set head_parent :columns '''TUTOR'') as unread, t.pinned, case when t.snoozed_until > now() then t.snoozed_until end as snoozed_until, k.at as activity_at from (select * from ('
\set tail ') k order by k.pinned desc, k.at desc, k.id desc limit 21) k join thread t on t.id = k.id join app_user p on p.id = t.parent_id join app_user tu on tu.id = t.tutor_id join app_user s on s.id = t.student_id left join message m on m.id = t.last_message_id left join attachment a on a.id = m.attachment_id order by k.pinned desc, k.at desc, k.id desc'
\echo tutor :tutor with :tutor_threads threads; snapshot :snap

\echo
\echo === 1. First page of the inbox of the tutor (limit 20: 21 rows fetched)
explain (analyze, buffers, costs off)
:head_tutor (select t.id, t.pinned as pinned, t.last_message_at as at from thread t
                         where t.tutor_id = :'tutor' and (t.snoozed_until is null or t.snoozed_until <= :'snap')
                         order by t.pinned desc, t.last_message_at desc, t.id desc limit 21):tail;

-- The deep page: the cursor is the row :depth of the list; its snapshot an hour back, so that the threads with
-- activity in the last hour take the "moved after the snapshot" branch as they would while a client pages.
select now() - interval '1 hour' as dsnap \gset
select t.pinned as c_pinned, t.last_message_at as c_at, t.id as c_id
  from thread t
 where t.tutor_id = :'tutor' and (t.snoozed_until is null or t.snoozed_until <= :'dsnap')
   and t.last_message_at <= :'dsnap'
 order by t.pinned desc, t.last_message_at desc, t.id desc offset (:depth - 1) limit 1 \gset
select count(*) as moved from thread where tutor_id = :'tutor' and last_message_at > :'dsnap' \gset
\echo
\echo === 2. Deep page: after row :depth, snapshot an hour old (:moved threads of the tutor moved since)
explain (analyze, buffers, costs off)
:head_tutor (select t.id, t.pinned as pinned, t.last_message_at as at from thread t
                         where t.tutor_id = :'tutor' and (t.snoozed_until is null or t.snoozed_until <= :'dsnap')
                           and t.last_message_at <= :'dsnap'
                           and (t.pinned, t.last_message_at, t.id) < (:'c_pinned', :'c_at', :'c_id')
                         order by t.pinned desc, t.last_message_at desc, t.id desc limit 21)
                       union all
                       (select t.id, t.pinned as pinned, s.at from thread t
                         cross join lateral (select m.created_at as at from message m
                                              where m.thread_id = t.id and m.created_at <= :'dsnap'
                                              order by m.created_at desc, m.id desc limit 1) s
                         where t.tutor_id = :'tutor' and t.pinned in (true, false)
                           and t.last_message_at > :'dsnap'
                           and (t.snoozed_until is null or t.snoozed_until <= :'dsnap')
                           and (t.pinned, s.at, t.id) < (:'c_pinned', :'c_at', :'c_id')):tail;

\echo
\echo === 3. First page with unread=true (walks the inbox in order, probing the partial index of unread rows)
explain (analyze, buffers, costs off)
:head_tutor (select t.id, t.pinned as pinned, t.last_message_at as at from thread t
                         where t.tutor_id = :'tutor' and (t.snoozed_until is null or t.snoozed_until <= :'snap')
                           and exists (select 1 from message u where u.thread_id = t.id and u.read_at is null
                                          and u.sender_role = 'PARENT')
                         order by t.pinned desc, t.last_message_at desc, t.id desc limit 21):tail;

\echo
\echo === 4. First page with snoozed=true
explain (analyze, buffers, costs off)
:head_tutor (select t.id, t.pinned as pinned, t.last_message_at as at from thread t
                         where t.tutor_id = :'tutor' and t.snoozed_until > :'snap'
                         order by t.pinned desc, t.last_message_at desc, t.id desc limit 21):tail;

select parent_id as parent from thread group by parent_id order by count(*) desc, parent_id limit 1 \gset
\echo
\echo === 5. First page of the parent :parent with the most threads
explain (analyze, buffers, costs off)
:head_parent (select t.id, false as pinned, t.last_message_at as at from thread t
                         where t.parent_id = :'parent' and exists (select 1 from parent_student_link l
                               where l.parent_id = t.parent_id and l.student_id = t.student_id)
                         order by t.last_message_at desc, t.id desc limit 21):tail;

-- Opening a thread: the tutor's longest thread with messages from the parent still unread.
select t.id as thread, count(*) as thread_messages,
       count(*) filter (where m.read_at is null and m.sender_role = 'PARENT') as thread_unread
  from thread t join message m on m.thread_id = t.id
 where t.tutor_id = :'tutor'
 group by t.id
having count(*) filter (where m.read_at is null and m.sender_role = 'PARENT') > 0
 order by count(*) desc limit 1 \gset
\echo
\echo === 6. Opening thread :thread (:thread_messages messages, :thread_unread unread): the read stamp and the first page
\echo ===    of messages with their attachments, one statement (ThreadQueries.STAMP_AND_PAGE; limit 50: 51 rows fetched)
begin;
explain (analyze, buffers, costs off)
with stamped as (
    update message set read_at = now()
     where thread_id = :'thread' and sender_role = 'PARENT' and read_at is null
    returning id, read_at)
select (select count(*) from stamped) as stamped, p.*
  from (select 1) as one
  left join lateral (
    select m.id, m.sender_role, m.body, m.created_at, coalesce(s.read_at, m.read_at) as read_at,
           m.ack_requested, m.acked_at, a.id as attachment_id, a.file_name, a.content_type, a.size
      from message m left join attachment a on a.id = m.attachment_id
      left join stamped s on s.id = m.id
     where m.thread_id = :'thread'
 order by m.created_at desc, m.id desc limit 51) as p on true;
rollback;
