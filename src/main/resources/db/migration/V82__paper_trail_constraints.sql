-- After V81 filled the chain of every existing message: every message has its place and hashes, and a thread has
-- one chain (no two messages at one place). The unique index also finds a thread's chain head (the send path reads
-- it under the thread's row lock) and walks a thread in chain order for exports.
alter table message alter column chain_index set not null;
alter table message alter column prev_hash set not null;
alter table message alter column hash set not null;
create unique index message_chain_uk on message (thread_id, chain_index);
