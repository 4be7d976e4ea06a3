-- The pending-upload quota (issue 11 item 8) counts a user's uploads not yet attached, by owner and age.
create index attachment_pending_owner_idx on attachment (owner_id, created_at) where attached_at is null;
