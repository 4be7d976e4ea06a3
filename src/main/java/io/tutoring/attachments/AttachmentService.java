package io.tutoring.attachments;

import io.tutoring.admin.AdminAudit;
import io.tutoring.admin.AdminAuditLog;
import io.tutoring.common.Time;
import io.tutoring.common.failures.Conflict;
import io.tutoring.common.failures.InvalidInput;
import io.tutoring.common.failures.NotFound;
import io.tutoring.common.failures.RateLimited;
import io.tutoring.common.failures.TooLarge;
import io.tutoring.messaging.AttachmentClaims;
import io.tutoring.messaging.ThreadAccess;
import io.tutoring.users.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of attachments: who may upload what, what a message may carry, and who may download it. The bytes
 * never pass through the service; S3 is reached through {@link AttachmentStore}.
 */
@ApplicationScoped
public class AttachmentService implements AttachmentClaims {

    private static final Pattern URL = Pattern.compile(Pattern.quote(Attachment.PATH) + "([0-9a-fA-F-]{36})");

    private final AttachmentQueries queries;
    private final AttachmentStore store;
    private final ThreadAccess access;
    private final AdminAuditLog auditLog;
    private final AttachmentsConfig config;
    private final TransactionSynchronizationRegistry transactions;
    private final Clock clock;

    public AttachmentService(AttachmentQueries queries, AttachmentStore store, ThreadAccess access,
                             AdminAuditLog auditLog, AttachmentsConfig config,
                             TransactionSynchronizationRegistry transactions, Clock clock) {
        this.queries = queries;
        this.store = store;
        this.access = access;
        this.auditLog = auditLog;
        this.config = config;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Issues an upload: checks type and size, records the pending attachment and presigns a PUT for it. */
    @Transactional
    public UploadTicket requestUpload(Caller caller, UploadRequest request) {
        FileType type = FileType.of(request.contentType()).orElseThrow(() -> new InvalidInput(
                "contentType must be one of " + FileType.allowed() + ", got '" + abbreviate(request.contentType())
                        + "'"));
        checkSize(request.size());
        Instant now = Time.now(clock);
        checkQuota(caller.id(), request.size(), now);

        Attachment a = new Attachment();
        a.id = UUID.randomUUID();
        a.ownerId = caller.id();
        a.fileName = FileNames.sanitize(request.fileName(), type);
        a.contentType = type.mediaType();
        a.size = request.size();
        a.createdAt = now;
        var presigned = store.presignUpload(a.uploadKey(), a.contentType, a.size);
        a.uploadExpiresAt = presigned.expiration();
        a.persist();
        return new UploadTicket(a.url(), new UploadTicket.Upload(presigned.url().toString(),
                presigned.httpRequest().method().name(), UploadTicket.clientHeaders(presigned.signedHeaders())),
                a.uploadExpiresAt);
    }

    /**
     * Claims the caller's upload for the message being sent, inside the send's transaction. The row is locked, so
     * of two messages racing for one attachment exactly one gets it (and message.attachment_id is unique besides).
     * The stored object must be there, have the declared size and type, and start with the type's signature; the
     * checked version is then copied to a key no upload URL was ever issued for, and the upload is deleted once the
     * send commits.
     */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Claimed claim(Caller caller, String attachmentUrl) {
        UUID id = idOf(attachmentUrl);
        Attachment a = Attachment.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (a == null || !a.ownerId.equals(caller.id())) {
            throw new NotFound("attachmentUrl " + attachmentUrl + " is not an upload issued to you");
        }
        if (a.attachedAt != null) {
            throw new Conflict("This attachment already belongs to a message; upload the file again");
        }
        AttachmentStore.StoredObject stored = store.head(a.uploadKey()).orElseThrow(() -> new Conflict(
                "Nothing has been uploaded for this attachment yet: PUT the file to the upload URL first"));
        checkSize(stored.size());
        if (stored.size() != a.size) {
            throw new InvalidInput("The uploaded file has " + stored.size() + " bytes, but " + a.size
                    + " were declared");
        }
        FileType type = FileType.of(a.contentType).orElseThrow();
        if (!type.mediaType().equals(FileType.of(stored.contentType()).map(FileType::mediaType).orElse(null))) {
            throw new InvalidInput("The file was uploaded as '" + abbreviate(stored.contentType())
                    + "', not as the declared " + a.contentType);
        }
        byte[] head = store.firstBytes(a.uploadKey(), stored.eTag(), FileType.SIGNATURE_LENGTH);
        if (!type.matches(head)) {
            throw new InvalidInput("The file's content is not " + a.contentType
                    + ": its first bytes do not match that type");
        }
        if (!store.copyChecked(a.uploadKey(), stored.eTag(), a.storedKey(), a.contentType,
                FileNames.contentDisposition(a.fileName))) {
            throw new Conflict("The upload changed while it was being checked; send the message again");
        }
        // The bytes the message keeps (the checked copy) go into the paper trail's hash chain.
        a.sha256 = store.sha256(a.storedKey());
        String uploadKey = a.uploadKey();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                // Only once the message is stored: a send that fails later keeps the upload for a retry.
                if (status == Status.STATUS_COMMITTED) {
                    store.deleteQuietly(uploadKey);
                }
            }
        });
        a.attachedAt = Time.now(clock);
        return new Claimed(a.id, a.view(), a.sha256);
    }

    /**
     * Where the caller may fetch an attachment: a presigned download of at most five minutes. An attached file is
     * for whoever may read its message's thread (an admin's download is recorded like any admin read); a pending
     * upload only for its uploader. Everyone else gets a 404, as if it did not exist.
     */
    @Transactional
    public URI download(Caller caller, UUID id) {
        AttachmentQueries.Download a = queries.download(id).orElseThrow(() -> notFound(id));
        String key;
        if (a.threadId() == null) {
            if (!a.ownerId().equals(caller.id())) {
                throw notFound(id);
            }
            key = Attachment.uploadKey(id);
        } else {
            ThreadAccess.Grant grant;
            try {
                grant = access.check(caller, a.threadId(), true);
            } catch (NotFound e) {
                throw notFound(id);
            }
            if (grant.side() == ThreadAccess.Side.ADMIN) {
                auditLog.recordRead(caller, a.threadId(), AdminAudit.READ_ATTACHMENT);
            }
            key = Attachment.storedKey(id);
        }
        return store.presignDownload(key, a.contentType(), FileNames.contentDisposition(a.fileName()));
    }

    /**
     * The pending-upload quota: a user may park at most {@code pending.max-count} uploads and
     * {@code pending.max-bytes} bytes (declared sizes) not yet attached to a message. Requests of one user are
     * serialized by a transaction-scoped lock, so two at once cannot both take the last place.
     */
    private void checkQuota(UUID owner, long size, Instant now) {
        queries.lockOwner(owner);
        AttachmentQueries.Pending pending = queries.pending(owner, now.minus(config.cleanup().after()));
        int maxCount = config.pending().maxCount();
        long maxBytes = config.pending().maxBytes().asLongValue();
        if (pending.uploads() + 1 > maxCount || pending.bytes() + size > maxBytes) {
            Duration retryAfter = pending.oldest() == null ? Duration.ofSeconds(1)
                    : Duration.between(now, pending.oldest().plus(config.cleanup().after()));
            if (retryAfter.compareTo(Duration.ofSeconds(1)) < 0) {
                retryAfter = Duration.ofSeconds(1);
            }
            throw new RateLimited("You have " + pending.uploads() + " uploads (" + pending.bytes() + " bytes) not yet"
                    + " sent with a message; at most " + maxCount + " uploads and " + maxBytes + " bytes may wait at"
                    + " once. Send them, or wait until the oldest is discarded", retryAfter);
        }
    }

    private void checkSize(long size) {
        long max = config.maxSize().asLongValue();
        if (size > max) {
            throw new TooLarge("Attachments may be at most " + max + " bytes ("
                    + max / (1024 * 1024) + " MiB); this one has " + size);
        }
    }

    /** The id in an attachmentUrl this service issued: {@code /api/attachments/<id>}, relative or absolute. */
    static UUID idOf(String attachmentUrl) {
        String path;
        try {
            URI uri = new URI(attachmentUrl.trim());
            path = uri.getQuery() == null && uri.getFragment() == null ? uri.getPath() : null;
        } catch (java.net.URISyntaxException | NullPointerException e) {
            path = null;
        }
        Matcher m = path == null ? null : URL.matcher(path);
        if (m == null || !m.matches()) {
            throw new InvalidInput("attachmentUrl must be the attachmentUrl returned by POST /api/attachments");
        }
        try {
            return UUID.fromString(m.group(1));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("attachmentUrl must be the attachmentUrl returned by POST /api/attachments");
        }
    }

    private static NotFound notFound(UUID id) {
        return new NotFound("No attachment " + id + " that you can read");
    }

    private static String abbreviate(String value) {
        if (value == null) {
            return "";
        }
        return value.length() > 60 ? value.substring(0, 60) + "…" : value;
    }
}
