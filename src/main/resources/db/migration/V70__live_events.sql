-- Live updates (issue 13): every event a signed-in user's stream (GET /api/events) may carry, one row per recipient.
-- Written by live/LiveEventWriter in the transaction of the fact (a send, a read, a link change), which also calls
-- pg_notify with the new ids; the id is the SSE event id, and a client's Last-Event-ID replays from here.
-- Writers take one transaction-scoped advisory lock before they insert, so ids are handed out in commit order and
-- "every id above the last one seen" is exactly what was missed (no later commit of a lower id).
create table live_event (
    id          bigint      generated always as identity primary key,
    user_id     uuid        not null,
    -- the capacity in which the recipient gets it: PARENT or TUTOR (thread events), PARENT or STUDENT (link events)
    side        text        not null check (side in ('PARENT', 'TUTOR', 'STUDENT')),
    type        text        not null check (type in ('message', 'read', 'unread', 'link')),
    -- the thread of a thread event: a parent receives it only while linked to the thread's student
    thread_id   uuid,
    -- the event's data as sent (ids, a time, a count), JSON
    data        text        not null,
    created_at  timestamptz not null default now()
);
-- A reconnecting client's replay: its own events after an id.
create index live_event_user_idx on live_event (user_id, id);
-- The prune job deletes by age; rows arrive in time order, so a BRIN index is enough and costs the writers nothing.
create index live_event_created_brin on live_event using brin (created_at);
