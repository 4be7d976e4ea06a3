-- A file a parent or tutor uploads straight to S3 and then attaches to one message.
-- The object keys derive from the id (uploads/<id> until attached, attachments/<id> after); nothing comes from the
-- file name. attached_at is null until a message claims the attachment; the claim runs under a row lock.
create table attachment (
    id                 uuid        primary key,
    owner_id           uuid        not null references app_user (id),
    file_name          text        not null,
    content_type       text        not null,
    size               bigint      not null check (size > 0),
    created_at         timestamptz not null,
    upload_expires_at  timestamptz not null,
    attached_at        timestamptz
);
-- The cleanup job: uploads never attached, oldest first; only those rows are in the index.
create index attachment_unattached_idx on attachment (created_at) where attached_at is null;
create index attachment_owner_idx on attachment (owner_id, created_at desc);

-- A message carries at most one attachment, and an attachment belongs to at most one message.
alter table message add column attachment_id uuid references attachment (id);
alter table message add constraint message_attachment_uk unique (attachment_id);
