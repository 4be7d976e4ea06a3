package io.tutoring.attachments;

import io.tutoring.common.Sql;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The statements of attachments that are not "load the entity by id": the download view and the cleanup claim. */
@ApplicationScoped
public class AttachmentQueries {

    /** What a download needs: the file, its uploader and the thread of the message that carries it (if any). */
    private static final String DOWNLOAD = """
            select a.owner_id, a.file_name, a.content_type, m.thread_id
              from attachment a left join message m on m.attachment_id = a.id
             where a.id = :id""";

    /** Claims a batch of uploads never attached, oldest first; a send attaching one right now keeps it. */
    private static final String CLAIM_UNATTACHED = """
            select id from attachment
             where attached_at is null and created_at < :cutoff
             order by created_at limit :batch
             for update skip locked""";

    private static final String DELETE = "delete from attachment where id = any(:ids)";

    /** Serializes the upload requests of one user until the transaction ends, so the quota check cannot race. */
    private static final String LOCK_OWNER = "select true as locked from pg_advisory_xact_lock("
            + "hashtext('attachment-quota'), hashtext(cast(:owner as text)))";

    /** A user's uploads that still count against the quota: not attached, requested after {@code since}. */
    private static final String PENDING = """
            select count(*) as uploads, coalesce(sum(size), 0) as bytes, min(created_at) as oldest
              from attachment
             where owner_id = :owner and attached_at is null and created_at > :since""";

    /** What a user has parked: how many uploads, how many bytes, and when the oldest was requested. */
    record Pending(int uploads, long bytes, Instant oldest) {
    }

    /** An attachment as a download sees it; {@code threadId} is null while it is a pending upload. */
    record Download(UUID ownerId, String fileName, String contentType, UUID threadId) {
    }

    private final Sql sql;

    public AttachmentQueries(Sql sql) {
        this.sql = sql;
    }

    Optional<Download> download(UUID id) {
        return sql.query(DOWNLOAD).bind("id", id)
                .first(rs -> new Download(Sql.uuid(rs, "owner_id"), rs.getString("file_name"),
                        rs.getString("content_type"), Sql.uuid(rs, "thread_id")));
    }

    void lockOwner(UUID owner) {
        sql.query(LOCK_OWNER).bind("owner", owner).one(rs -> rs.getBoolean("locked"));
    }

    Pending pending(UUID owner, Instant since) {
        return sql.query(PENDING).bind("owner", owner).bind("since", since)
                .one(rs -> new Pending(rs.getInt("uploads"), rs.getLong("bytes"), Sql.instant(rs, "oldest")));
    }

    List<UUID> claimUnattached(Instant cutoff, int batch) {
        return sql.query(CLAIM_UNATTACHED).bind("cutoff", cutoff).bind("batch", batch).list(rs -> Sql.uuid(rs, "id"));
    }

    void delete(List<UUID> ids) {
        sql.query(DELETE).bind("ids", Sql.array("uuid", ids)).update();
    }
}
