-- GET /api/parent/threads/{id}/messages as the thread's parent: the two statements the service issues, each on
-- its own outside a transaction (captured with log_statement=all; bench/out/captured-open.sql), with the
-- request's values filled in by run.sh. (@PARENT@ and @STUDENT@ are not used: the link check is part of the first.)
select t.parent_id, t.tutor_id, t.student_id,
       exists (select 1 from parent_student_link l
                where l.parent_id = t.parent_id and l.student_id = t.student_id) as linked
  from thread t where t.id = '@THREAD@';
with stamped as (
    update message set read_at = now()
     where thread_id = '@THREAD@' and sender_role = 'TUTOR' and read_at is null
    returning id, read_at)
select (select count(*) from stamped) as stamped, p.*
  from (select 1) as one
  left join lateral (
    select m.id, m.sender_role, m.body, m.created_at, coalesce(s.read_at, m.read_at) as read_at,
           m.ack_requested, m.acked_at, a.id as attachment_id, a.file_name, a.content_type, a.size
      from message m left join attachment a on a.id = m.attachment_id
      left join stamped s on s.id = m.id
     where m.thread_id = '@THREAD@'
 order by m.created_at desc, m.id desc limit 21) as p on true;
