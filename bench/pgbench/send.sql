-- POST /api/parent/messages as a parent: the statements the service issues in its transaction (captured with
-- log_statement=all; bench/out/captured-send.sql), with the request's values filled in by run.sh. Ids made by the
-- service in Java are made here from random().
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
insert into message (id, thread_id, sender_role, sender_id, body, created_at, attachment_id)
values (md5('m' || :client_id || '-' || :r)::uuid, :thread_id::uuid, 'PARENT', '@PARENT@', 'Benchmark message from a parent about the next lesson.', now(), null);
COMMIT;
