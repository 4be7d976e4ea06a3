-- POST /api/parent/messages as a parent: the statements the service issues in its transaction (captured with
-- log_statement=all; bench/out/captured-send.sql), with the request's values filled in by run.sh, and the read of
-- the new live events that each instance's listener makes on its own connection after the commit. Ids made by the
-- service in Java are made here from random(); the hash chain continues from the thread's head (the hash itself is
-- a stand-in: PostgreSQL does not compute it in the service either). One simplification: the notice is due at
-- once (the service: after the batching window; the row is the same).
\set r random(1, 9000000000000000)
BEGIN;
select 1 from parent_student_link where parent_id = '@PARENT@' and student_id = '@STUDENT@' for key share;
select 1 from enrollment where student_id = '@STUDENT@' and tutor_id = '@TUTOR@';
insert into thread (id, parent_id, tutor_id, student_id, created_at, last_message_id, last_message_at)
values (md5('t' || :client_id || '-' || :r)::uuid, '@PARENT@', '@TUTOR@', '@STUDENT@', now(), md5('m' || :client_id || '-' || :r)::uuid, now())
on conflict (parent_id, tutor_id, student_id) do update
   set last_message_id = case when excluded.last_message_at >= thread.last_message_at
                              then excluded.last_message_id else thread.last_message_id end,
       last_message_at = greatest(thread.last_message_at, excluded.last_message_at),
       snoozed_until = case when true then null else thread.snoozed_until end
returning id \gset thread_
select m.chain_index, m.hash from message m
 where m.thread_id = :thread_id
 order by m.chain_index desc limit 1 \gset head_
\set next_index :head_chain_index + 1
insert into message (id, thread_id, sender_role, sender_id, body, created_at, attachment_id,
                     ack_requested, chain_index, prev_hash, hash)
values (md5('m' || :client_id || '-' || :r)::uuid, :thread_id::uuid, 'PARENT', '@PARENT@', 'Benchmark message from a parent about the next lesson.', now(), null,
        'f', :next_index, :head_hash::bytea, :head_hash::bytea);
with queued as (
    insert into notice (id, recipient_id, message_id, thread_id, created_at, due_at)
    values (md5('n' || :client_id || '-' || :r)::uuid, '@TUTOR@', md5('m' || :client_id || '-' || :r)::uuid, :thread_id::uuid, now(), now()))
insert into notice_recipient (user_id) values ('@TUTOR@')
on conflict (user_id) do nothing;
select count(*) as locked from (
    select pg_advisory_xact_lock(k.space, k.key) as got
      from (select distinct hashtext('live_event:' || current_schema()) as space, hashtext(u::text) as key
              from unnest(array['@PARENT@', '@TUTOR@', '@TUTOR@']::uuid[]) as u
             order by 1, 2) as k) as l;
with unread as (
    select count(*) as n from message
     where thread_id = :thread_id::uuid and sender_role = 'PARENT' and read_at is null),
ins as (
    insert into live_event (user_id, side, type, thread_id, data)
    select e.user_id, e.side, e.type, e.thread_id,
           case when e.type = 'unread'
                then jsonb_build_object('threadId', e.thread_id, 'unreadCount', u.n)::text
                else e.data end
      from unnest(array['@PARENT@', '@TUTOR@', '@TUTOR@']::uuid[], array['PARENT', 'TUTOR', 'TUTOR']::text[],
                  array['message', 'message', 'unread']::text[], array[:thread_id, :thread_id, :thread_id]::uuid[],
                  array['{"threadId","messageId"}', '{"threadId","messageId"}', null]::text[])
           as e (user_id, side, type, thread_id, data)
     cross join unread u
    returning id),
ids as (select string_agg(id::text, ',' order by id) as ids from ins)
select ids, pg_notify('live_events_' || current_schema(), ids) as notified from ids \gset live_
COMMIT;
select e.id, e.user_id, e.side, e.type, e.data,
       (e.side <> 'PARENT' or e.thread_id is null or exists (
           select 1 from thread t join parent_student_link l
             on l.parent_id = t.parent_id and l.student_id = t.student_id
            where t.id = e.thread_id and t.parent_id = e.user_id)) as visible
  from live_event e
 where e.id = any(string_to_array(:live_ids, ',')::bigint[]) order by e.id;
