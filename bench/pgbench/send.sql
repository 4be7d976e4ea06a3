-- POST /api/parent/messages as a parent: the statements the service issues (captured with log_statement=all),
-- with the request's values filled in by run.sh. Ids made by the service in Java are made here from random().
\set r random(1, 9000000000000000)
BEGIN;
select 1 from parent_student_link where parent_id = '@PARENT@' and student_id = '@STUDENT@';
select 1 from enrollment where student_id = '@STUDENT@' and tutor_id = '@TUTOR@';
insert into thread (id, parent_id, tutor_id, student_id, created_at, last_message_id, last_message_at)
values (md5('t' || :client_id || '-' || :r)::uuid, '@PARENT@', '@TUTOR@', '@STUDENT@', now(), md5('m' || :client_id || '-' || :r)::uuid, now())
on conflict (parent_id, tutor_id, student_id) do update
   set last_message_id = case when excluded.last_message_at >= thread.last_message_at
                              then excluded.last_message_id else thread.last_message_id end,
       last_message_at = greatest(thread.last_message_at, excluded.last_message_at),
       snoozed_until = case when true then null else thread.snoozed_until end
returning id \gset thread_
insert into message (body,created_at,read_at,sender_id,sender_role,thread_id,id) values ('Benchmark message from a parent about the next lesson.',now(),null,'@PARENT@','PARENT',:thread_id::uuid,md5('m' || :client_id || '-' || :r)::uuid);
COMMIT;
