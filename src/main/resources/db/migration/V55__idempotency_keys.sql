-- Idempotency-Key (SPEC "Retries"): one row per caller and key. A row is claimed (committed on its own) before the
-- request runs, so a concurrent repeat finds it; completed_at and the answer are written once the request succeeded.
-- A request that fails deletes its row, so a retry runs again. Rows are deleted once expires_at has passed.
create table idempotency_key (
    caller_id     uuid        not null,
    idem_key      text        not null,
    -- SHA-256 of the operation and the request body as parsed: "the same key with another body" is a 422.
    fingerprint   bytea       not null,
    created_at    timestamptz not null,
    expires_at    timestamptz not null,
    completed_at  timestamptz,
    status        integer,
    headers       jsonb,
    body          text,
    primary key (caller_id, idem_key)
);
create index idempotency_key_expires_idx on idempotency_key (expires_at);

-- Jobs that must run once across all instances: an instance runs one when it can lock its row (skip locked) and
-- next_run_at has come, then moves next_run_at on.
create table scheduled_job (
    name         text        primary key,
    next_run_at  timestamptz not null
);
insert into scheduled_job (name, next_run_at) values ('idempotency-purge', '-infinity');
