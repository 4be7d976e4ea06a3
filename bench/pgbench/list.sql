-- GET /api/parent/threads as a tutor (first page, 20 + 1 rows): the one statement the service issues, outside a
-- transaction (captured with log_statement=all; bench/out/captured-list.sql), with the tutor's id filled in by run.sh.
select t.id as thread_id,
       t.parent_id, p.name as parent_name,
       t.tutor_id, tu.name as tutor_name,
       t.student_id, s.name as student_name,
       m.id as last_id, m.sender_role as last_role, m.body as last_body,
       m.created_at as last_created_at, m.read_at as last_read_at,
       a.id as attachment_id, a.file_name, a.content_type, a.size,
       (select count(*) from message u
         where u.thread_id = t.id and u.read_at is null and u.sender_role = 'PARENT') as unread, t.pinned, case when t.snoozed_until > now() then t.snoozed_until end as snoozed_until, k.at as activity_at
  from (select * from ((select t.id, t.pinned as pinned, t.last_message_at as at
   from thread t
  where t.tutor_id = '@TUTOR@'
    and (t.snoozed_until is null or t.snoozed_until <= now())
  order by t.pinned desc, t.last_message_at desc, t.id desc
  limit 21)) k order by k.pinned desc, k.at desc, k.id desc limit 21) k
  join thread t on t.id = k.id
  join app_user p on p.id = t.parent_id
  join app_user tu on tu.id = t.tutor_id
  join app_user s on s.id = t.student_id
  left join message m on m.id = t.last_message_id
  left join attachment a on a.id = m.attachment_id order by k.pinned desc, k.at desc, k.id desc;
