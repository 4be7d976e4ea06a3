-- GET /api/parent/threads/{id}/messages as the thread's parent: the three statements the service issues, each on
-- its own outside a transaction (captured with log_statement=all; bench/out/captured-open.sql), with the
-- request's values filled in by run.sh. (@PARENT@ and @STUDENT@ are not used: the link check is part of the first.)
select t.parent_id, t.tutor_id, t.student_id,
       exists (select 1 from parent_student_link l
                where l.parent_id = t.parent_id and l.student_id = t.student_id) as linked
  from thread t where t.id = '@THREAD@';
update message set read_at = now()
 where thread_id = '@THREAD@' and sender_role = 'TUTOR' and read_at is null;
select m.id, m.sender_role, m.body, m.created_at, m.read_at,
       a.id as attachment_id, a.file_name, a.content_type, a.size
  from message m left join attachment a on a.id = m.attachment_id
 where m.thread_id = '@THREAD@'
 order by m.created_at desc, m.id desc limit 21;
