-- The notification outbox (issue 13). A notice per message for its recipient, written in the send transaction;
-- the mail worker (notifications/NoticeWorker) mails them grouped per recipient.
create table notice (
    id            uuid        primary key,
    recipient_id  uuid        not null references app_user (id),
    message_id    uuid        not null references message (id),
    thread_id     uuid        not null references thread (id),
    created_at    timestamptz not null,
    -- not mailed before this (the message's time plus the batching window)
    due_at        timestamptz not null,
    state         text        not null default 'QUEUED' check (state in ('QUEUED', 'SENT', 'SKIPPED')),
    done_at       timestamptz,
    -- SKIPPED: READ (read before the mail went), OFF (mail turned off), NO_ADDRESS
    reason        text
);
-- The worker's search for recipients with due notices, and one recipient's queued notices; both only queued rows.
create index notice_queued_due_idx on notice (due_at, recipient_id) where state = 'QUEUED';
create index notice_queued_recipient_idx on notice (recipient_id, created_at) where state = 'QUEUED';
create index notice_message_idx on notice (message_id);

-- Per recipient: the row a worker locks (for update skip locked) while it mails them, so that two workers never
-- mail one recipient at once; when they may be mailed next, and the retry state after an SMTP failure.
create table notice_recipient (
    user_id         uuid        primary key references app_user (id),
    hold_until      timestamptz,
    last_mailed_at  timestamptz,
    attempts        integer     not null default 0,
    last_error      text
);
create index notice_recipient_hold_idx on notice_recipient (hold_until);
