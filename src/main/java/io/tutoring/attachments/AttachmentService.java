package io.tutoring.attachments;

import io.tutoring.admin.AdminAudit;
import io.tutoring.common.ApiException;
import io.tutoring.common.Time;
import io.tutoring.messaging.ThreadAccess;
import io.tutoring.users.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of attachments: who may upload what, what a message may carry, and who may download it. The bytes
 * never pass through the service; S3 is reached through {@link AttachmentStore}.
 */
@ApplicationScoped
public class AttachmentService {

    private static final Pattern URL = Pattern.compile(Pattern.quote(Attachment.PATH) + "([0-9a-fA-F-]{36})");

    private final EntityManager em;
    private final AttachmentStore store;
    private final ThreadAccess access;
    private final AttachmentsConfig config;
    private final TransactionSynchronizationRegistry transactions;
    private final Clock clock;

    public AttachmentService(EntityManager em, AttachmentStore store, ThreadAccess access, AttachmentsConfig config,
                             TransactionSynchronizationRegistry transactions, Clock clock) {
        this.em = em;
        this.store = store;
        this.access = access;
        this.config = config;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Issues an upload: checks type and size, records the pending attachment and presigns a PUT for it. */
    @Transactional
    public UploadTicket requestUpload(Caller caller, UploadRequest request) {
        FileType type = FileType.of(request.contentType()).orElseThrow(() -> ApiException.badRequest(
                "contentType must be one of " + FileType.allowed() + ", got '" + abbreviate(request.contentType())
                        + "'"));
        checkSize(request.size());

        Attachment a = new Attachment();
        a.id = UUID.randomUUID();
        a.ownerId = caller.id();
        a.fileName = FileNames.sanitize(request.fileName(), type);
        a.contentType = type.mediaType();
        a.size = request.size();
        a.createdAt = Time.now(clock);
        var presigned = store.presignUpload(a.uploadKey(), a.contentType, a.size);
        a.uploadExpiresAt = presigned.expiration();
        em.persist(a);
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
    @Transactional(Transactional.TxType.MANDATORY)
    public Attachment attach(Caller caller, String attachmentUrl) {
        UUID id = idOf(attachmentUrl);
        Attachment a = em.find(Attachment.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (a == null || !a.ownerId.equals(caller.id())) {
            throw ApiException.notFound("attachmentUrl " + attachmentUrl + " is not an upload issued to you");
        }
        if (a.attachedAt != null) {
            throw ApiException.conflict("This attachment already belongs to a message; upload the file again");
        }
        AttachmentStore.StoredObject stored = store.head(a.uploadKey()).orElseThrow(() -> ApiException.conflict(
                "Nothing has been uploaded for this attachment yet: PUT the file to the upload URL first"));
        checkSize(stored.size());
        if (stored.size() != a.size) {
            throw ApiException.badRequest("The uploaded file has " + stored.size() + " bytes, but " + a.size
                    + " were declared");
        }
        FileType type = FileType.of(a.contentType).orElseThrow();
        if (!type.mediaType().equals(FileType.of(stored.contentType()).map(FileType::mediaType).orElse(null))) {
            throw ApiException.badRequest("The file was uploaded as '" + abbreviate(stored.contentType())
                    + "', not as the declared " + a.contentType);
        }
        byte[] head = store.firstBytes(a.uploadKey(), stored.eTag(), FileType.SIGNATURE_LENGTH);
        if (!type.matches(head)) {
            throw ApiException.badRequest("The file's content is not " + a.contentType
                    + ": its first bytes do not match that type");
        }
        if (!store.copyChecked(a.uploadKey(), stored.eTag(), a.storedKey(), a.contentType,
                FileNames.contentDisposition(a.fileName))) {
            throw ApiException.conflict("The upload changed while it was being checked; send the message again");
        }
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
        return a;
    }

    /**
     * Where the caller may fetch an attachment: a presigned download of at most five minutes. An attached file is
     * for whoever may read its message's thread (an admin's download is recorded like any admin read); a pending
     * upload only for its uploader. Everyone else gets a 404, as if it did not exist.
     */
    @Transactional
    public URI download(Caller caller, UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createQuery("select a, m.threadId from Attachment a"
                        + " left join Message m on m.attachmentId = a.id where a.id = :id")
                .setParameter("id", id).getResultList();
        if (rows.isEmpty()) {
            throw notFound(id);
        }
        Attachment a = (Attachment) rows.get(0)[0];
        UUID threadId = (UUID) rows.get(0)[1];
        String key;
        if (threadId == null) {
            if (!a.ownerId.equals(caller.id())) {
                throw notFound(id);
            }
            key = a.uploadKey();
        } else {
            ThreadAccess.Grant grant;
            try {
                grant = access.check(caller, threadId, true);
            } catch (ApiException e) {
                throw e.status() == 404 ? notFound(id) : e;
            }
            if (grant.side() == ThreadAccess.Side.ADMIN) {
                audit(caller, threadId);
            }
            key = a.storedKey();
        }
        return store.presignDownload(key, a.contentType, FileNames.contentDisposition(a.fileName));
    }

    private void audit(Caller admin, UUID threadId) {
        AdminAudit audit = new AdminAudit();
        audit.id = UUID.randomUUID();
        audit.adminId = admin.id();
        audit.threadId = threadId;
        audit.action = AdminAudit.READ_ATTACHMENT;
        audit.at = Time.now(clock);
        audit.persist();
    }

    private void checkSize(long size) {
        long max = config.maxSize().asLongValue();
        if (size > max) {
            throw ApiException.payloadTooLarge("Attachments may be at most " + max + " bytes ("
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
            throw ApiException.badRequest("attachmentUrl must be the attachmentUrl returned by POST /api/attachments");
        }
        try {
            return UUID.fromString(m.group(1));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("attachmentUrl must be the attachmentUrl returned by POST /api/attachments");
        }
    }

    private static ApiException notFound(UUID id) {
        return ApiException.notFound("No attachment " + id + " that you can read");
    }

    private static String abbreviate(String value) {
        if (value == null) {
            return "";
        }
        return value.length() > 60 ? value.substring(0, 60) + "…" : value;
    }
}
