-- GET /api/parent/threads/{id}/messages as the thread's parent: the statements the service issues
-- (captured with log_statement=all), with the request's values filled in by run.sh.
BEGIN;
select mt1_0.id,mt1_0.created_at,mt1_0.last_message_at,mt1_0.last_message_id,mt1_0.parent_id,mt1_0.pinned,mt1_0.snoozed_until,mt1_0.student_id,mt1_0.tutor_id from thread mt1_0 where mt1_0.id='@THREAD@';
select 1 from parent_student_link where parent_id = '@PARENT@' and student_id = '@STUDENT@';
update message m1_0 set read_at=now() where m1_0.thread_id='@THREAD@' and m1_0.sender_role='TUTOR' and m1_0.read_at is null;
select * from message where thread_id = '@THREAD@' order by created_at desc, id desc limit 21;
COMMIT;
