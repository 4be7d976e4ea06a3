-- Family links by invite (issue 3). Emails are stored lower-cased, phones in E.164.

-- A parent asks a student (by email and/or phone) to confirm a link. It waits for a student account with that
-- email/phone, matched when the student lists their invites; student_id is set when the student answers.
create table student_invite (
    id             uuid        primary key,
    parent_id      uuid        not null references app_user (id),
    student_email  text,
    student_phone  text,
    status         text        not null check (status in ('PENDING', 'CONFIRMED', 'DECLINED', 'REVOKED')),
    student_id     uuid        references app_user (id),
    created_at     timestamptz not null,
    resolved_at    timestamptz,
    constraint student_invite_contact_ck check (student_email is not null or student_phone is not null)
);
-- One pending invite per parent and address: a duplicate is a conflict, never a second row.
create unique index student_invite_pending_email_uk on student_invite (parent_id, student_email)
    where status = 'PENDING' and student_email is not null;
create unique index student_invite_pending_phone_uk on student_invite (parent_id, student_phone)
    where status = 'PENDING' and student_phone is not null;
-- A student's pending invites, found by their email or phone.
create index student_invite_email_idx on student_invite (student_email, created_at desc, id desc)
    where status = 'PENDING';
create index student_invite_phone_idx on student_invite (student_phone, created_at desc, id desc)
    where status = 'PENDING';
-- A parent's outgoing invites, newest first.
create index student_invite_parent_idx on student_invite (parent_id, created_at desc, id desc);

-- A student asks a parent (by email) to accept a link through a magic link. Only the SHA-256 of the token is kept.
create table parent_invite (
    id            uuid        primary key,
    student_id    uuid        not null references app_user (id),
    parent_email  text        not null,
    token_hash    bytea       not null,
    status        text        not null check (status in ('PENDING', 'EXPIRED', 'ACCEPTED', 'REVOKED')),
    expires_at    timestamptz not null,
    parent_id     uuid        references app_user (id),
    created_at    timestamptz not null,
    resolved_at   timestamptz
);
create unique index parent_invite_token_uk on parent_invite (token_hash);
create unique index parent_invite_pending_uk on parent_invite (student_id, parent_email) where status = 'PENDING';
create index parent_invite_student_idx on parent_invite (student_id, created_at desc, id desc);

-- Who invited, resent, confirmed, declined, accepted or revoked an invite of either kind, and when.
create table invite_event (
    id         uuid        primary key,
    invite_id  uuid        not null,
    action     text        not null,
    actor_id   uuid        references app_user (id),
    at         timestamptz not null
);
create index invite_event_invite_idx on invite_event (invite_id, at, id);

-- Fixed-window counters for rate limits, shared by all instances: one upsert per attempt.
create table rate_limit_window (
    bucket        text        not null,
    window_start  timestamptz not null,
    hits          integer     not null,
    primary key (bucket, window_start)
);
create index rate_limit_window_start_idx on rate_limit_window (window_start);
