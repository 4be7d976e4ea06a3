-- GET /api/parent/threads as a tutor (first page, 20 + 1 rows): the one statement the service issues, outside a
-- transaction (captured with log_statement=all; bench/out/captured-list.sql), with the tutor's id filled in by run.sh.
select t.id, t.parent_id, p.name, t.tutor_id, tu.name, t.student_id, s.name,
       m.id, m.sender_role, m.body, m.created_at, m.read_at,
       (select count(*) from message u
  where u.thread_id = t.id and u.read_at is null and u.sender_role = 'PARENT') as unread, t.pinned, case when t.snoozed_until > now() then t.snoozed_until end, k.at,
       a.id, a.file_name, a.content_type, a.size
  from (select * from ((select t.id, t.pinned as pinned, t.last_message_at as at from thread t where t.tutor_id = '@TUTOR@' and (t.snoozed_until is null or t.snoozed_until <= now()) order by t.pinned desc, t.last_message_at desc, t.id desc limit 21)) k order by k.pinned desc, k.at desc, k.id desc limit 21) k join thread t on t.id = k.id
  join app_user p on p.id = t.parent_id
  join app_user tu on tu.id = t.tutor_id
  join app_user s on s.id = t.student_id
  left join message m on m.id = t.last_message_id
  left join attachment a on a.id = m.attachment_id
 order by k.pinned desc, k.at desc, k.id desc;
