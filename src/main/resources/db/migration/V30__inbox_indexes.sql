-- Tutor inbox (issue 5). The inbox itself and paging after a snapshot read thread_tutor_activity_idx
-- (tutor_id, pinned desc, last_message_at desc, id desc) from V1; the parent's list reads thread_parent_activity_idx.
--
-- The snoozed list (?snoozed=true) in the same order, touching only threads that carry a snooze. An expired
-- snooze stays in the column (nothing clears it), so this index also holds those; they are few and filtered out.
create index thread_tutor_snoozed_idx on thread (tutor_id, pinned desc, last_message_at desc, id desc)
    where snoozed_until is not null;

-- Opening a thread reads message_thread_created_idx in order and stops after a page. With the default statistics
-- the planner takes every thread for an average one (~20 messages) and, for a long thread, prefers a bitmap scan of
-- all its messages plus a sort. A larger sample keeps the long threads in the most-common-values list, so their
-- estimates are right and the ordered index scan is chosen (measured in docs/inbox.md).
alter table message alter column thread_id set statistics 1000;
