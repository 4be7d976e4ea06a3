-- Users: one row per OIDC subject, created on first request or registered by an admin.
create table app_user (
    id          uuid primary key,
    subject     text        not null unique,
    email       text,
    name        text,
    phone       text,
    roles       text[]      not null default '{}',
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);
create index app_user_email_idx on app_user (lower(email));
create index app_user_phone_idx on app_user (phone);

-- A tutor teaches a student (from the platform's purchases).
create table enrollment (
    student_id  uuid        not null references app_user (id),
    tutor_id    uuid        not null references app_user (id),
    created_at  timestamptz not null default now(),
    primary key (student_id, tutor_id)
);
create index enrollment_tutor_idx on enrollment (tutor_id, student_id);

-- An active parent-student link; removing the link deletes the row (history lives in link_event).
create table parent_student_link (
    parent_id   uuid        not null references app_user (id),
    student_id  uuid        not null references app_user (id),
    created_at  timestamptz not null default now(),
    primary key (parent_id, student_id)
);
create index parent_student_link_student_idx on parent_student_link (student_id, parent_id);

-- Who created or removed a link, how and when.
create table link_event (
    id          uuid        primary key,
    parent_id   uuid        not null references app_user (id),
    student_id  uuid        not null references app_user (id),
    action      text        not null,
    actor_id    uuid        references app_user (id),
    at          timestamptz not null default now()
);
create index link_event_pair_idx on link_event (parent_id, student_id, at);
create index link_event_student_idx on link_event (student_id, at);

-- A thread is the triple (parent, tutor, student). last_message_* is kept in step with message
-- by the send path so that thread lists never aggregate over messages.
create table thread (
    id               uuid        primary key,
    parent_id        uuid        not null references app_user (id),
    tutor_id         uuid        not null references app_user (id),
    student_id       uuid        not null references app_user (id),
    created_at       timestamptz not null,
    last_message_id  uuid,
    last_message_at  timestamptz not null,
    -- the tutor's own state; never shown to the parent
    pinned           boolean     not null default false,
    snoozed_until    timestamptz,
    constraint thread_triple_uk unique (parent_id, tutor_id, student_id)
);
-- Thread lists: keyset on (last_message_at, id) per side; the tutor's list puts pinned threads first.
create index thread_parent_activity_idx on thread (parent_id, last_message_at desc, id desc);
create index thread_tutor_activity_idx on thread (tutor_id, pinned desc, last_message_at desc, id desc);
create index thread_tutor_student_idx on thread (tutor_id, student_id);
create index thread_student_idx on thread (student_id, last_message_at desc, id desc);
create index thread_activity_idx on thread (last_message_at desc, id desc);

create table message (
    id           uuid        primary key,
    thread_id    uuid        not null references thread (id),
    sender_role  text        not null check (sender_role in ('PARENT', 'TUTOR')),
    sender_id    uuid        not null references app_user (id),
    body         text        not null,
    created_at   timestamptz not null,
    read_at      timestamptz
);
-- A page of a thread, newest first.
create index message_thread_created_idx on message (thread_id, created_at desc, id desc);
-- Unread counts: only unread rows are in this index, so a count touches just them.
create index message_unread_idx on message (thread_id, sender_role) where read_at is null;

-- Deferred: the send path points the thread at its new message in the same transaction, before inserting it.
alter table thread add constraint thread_last_message_fk
    foreign key (last_message_id) references message (id) deferrable initially deferred;

-- Every admin read of a thread.
create table admin_audit (
    id         uuid        primary key,
    admin_id   uuid        not null references app_user (id),
    thread_id  uuid        not null references thread (id),
    action     text        not null,
    at         timestamptz not null default now()
);
create index admin_audit_thread_idx on admin_audit (thread_id, at desc);
create index admin_audit_at_idx on admin_audit (at desc, id desc);
