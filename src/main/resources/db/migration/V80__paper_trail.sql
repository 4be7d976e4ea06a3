-- The paper trail (issue 14): a hash chain over each thread's messages, acknowledgements, the SHA-256 of attached
-- bytes, and the history of enrollments for the family timeline. docs/paper-trail.md gives the canonical form.

-- The SHA-256 of an attachment's bytes, computed from the stored object when a message claims it. Null only for
-- files attached before the paper trail existed (their messages hash "-" in its place).
alter table attachment add column sha256 bytea;

-- chain_index: the message's place in its thread's chain (0 for the first); prev_hash: the hash it chains from
-- (SHA-256 of the thread id for the first); hash: SHA-256 over prev_hash and the canonical form. Filled for existing
-- messages by V81, made mandatory by V82.
alter table message add column chain_index integer;
alter table message add column prev_hash bytea;
alter table message add column hash bytea;
-- The sender asked the other side to acknowledge the message; acked_at is when they did (once, final).
alter table message add column ack_requested boolean not null default false;
alter table message add column acked_at timestamptz;

-- Enrollments start and end (the enrollment row is deleted at the end): the history the family timeline shows.
create table enrollment_event (
    id          uuid        primary key,
    student_id  uuid        not null references app_user (id),
    tutor_id    uuid        not null references app_user (id),
    action      text        not null check (action in ('STARTED', 'ENDED')),
    actor_id    uuid        references app_user (id),
    at          timestamptz not null
);
create index enrollment_event_pair_idx on enrollment_event (student_id, tutor_id, at);
-- Enrollments that exist now started when their row was made (by whom is not known).
insert into enrollment_event (id, student_id, tutor_id, action, actor_id, at)
select gen_random_uuid(), student_id, tutor_id, 'STARTED', null, created_at from enrollment;
