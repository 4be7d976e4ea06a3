package io.tutoring.attachments;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;

/**
 * The bucket, through the S3 client and presigner that quarkus-amazon-s3 builds from {@code quarkus.s3.*}. Only
 * this class talks to S3; it knows keys and bytes, not users or messages.
 */
@ApplicationScoped
public class AttachmentStore {

    /** Downloads never live longer than this, whatever is configured. */
    static final Duration MAX_DOWNLOAD_TTL = Duration.ofMinutes(5);

    private static final Logger LOG = Logger.getLogger(AttachmentStore.class);

    private final S3Client s3;
    private final S3Presigner presigner;
    private final AttachmentsConfig config;

    public AttachmentStore(S3Client s3, S3Presigner presigner, AttachmentsConfig config) {
        this.s3 = s3;
        this.presigner = presigner;
        this.config = config;
    }

    /** What is stored under a key: its size, type and version (ETag). */
    public record StoredObject(long size, String contentType, String eTag) {
    }

    /**
     * A presigned PUT for exactly {@code size} bytes of {@code contentType}: both go into the signature, so a
     * client that sends another type or another length is refused by S3 itself.
     */
    public PresignedPutObjectRequest presignUpload(String key, String contentType, long size) {
        return presigner.presignPutObject(p -> p.signatureDuration(config.uploadTtl())
                .putObjectRequest(r -> r.bucket(config.bucket()).key(key).contentType(contentType)
                        .contentLength(size)));
    }

    /** A presigned GET that makes S3 answer with the given type and an attachment disposition. */
    public URI presignDownload(String key, String contentType, String contentDisposition) {
        Duration ttl = config.downloadTtl().compareTo(MAX_DOWNLOAD_TTL) > 0 ? MAX_DOWNLOAD_TTL : config.downloadTtl();
        try {
            return presigner.presignGetObject(p -> p.signatureDuration(ttl)
                            .getObjectRequest(r -> r.bucket(config.bucket()).key(key)
                                    .responseContentType(contentType)
                                    .responseContentDisposition(contentDisposition)
                                    .responseCacheControl("private, no-store")))
                    .url().toURI();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("The presigner built an invalid URL", e);
        }
    }

    public Optional<StoredObject> head(String key) {
        try {
            HeadObjectResponse head = s3.headObject(r -> r.bucket(config.bucket()).key(key));
            return Optional.of(new StoredObject(head.contentLength(), head.contentType(), head.eTag()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The first {@code length} bytes of the object, as long as it is still the version {@code eTag}. */
    public byte[] firstBytes(String key, String eTag, int length) {
        ResponseBytes<GetObjectResponse> bytes = s3.getObjectAsBytes(r -> r.bucket(config.bucket()).key(key)
                .ifMatch(eTag).range("bytes=0-" + (length - 1)));
        byte[] all = bytes.asByteArrayUnsafe();
        return all.length <= length ? all : java.util.Arrays.copyOf(all, length);
    }

    /**
     * The SHA-256 of the object's bytes, read as a stream (an attachment is at most the size limit; nothing is
     * kept in memory but the read buffer).
     */
    public byte[] sha256(String key) {
        java.security.MessageDigest digest = io.tutoring.messaging.ChainHash.sha256();
        try (var in = s3.getObject(r -> r.bucket(config.bucket()).key(key))) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Could not read s3://" + config.bucket() + "/" + key, e);
        }
        return digest.digest();
    }

    /**
     * Copies the checked version of an upload to its final key, with the checked type and a safe disposition. The
     * copy is conditional on the ETag, so bytes replaced after the check are never copied: returns false then.
     */
    public boolean copyChecked(String from, String eTag, String to, String contentType, String contentDisposition) {
        try {
            s3.copyObject(r -> r.sourceBucket(config.bucket()).sourceKey(from).copySourceIfMatch(eTag)
                    .destinationBucket(config.bucket()).destinationKey(to)
                    .metadataDirective(MetadataDirective.REPLACE)
                    .contentType(contentType).contentDisposition(contentDisposition));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 412 || e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** Deletes the keys (missing keys are fine), in batches of at most 1,000 as S3 allows. */
    public void delete(Collection<String> keys) {
        var all = java.util.List.copyOf(keys);
        for (int from = 0; from < all.size(); from += 1000) {
            var batch = all.subList(from, Math.min(all.size(), from + 1000)).stream()
                    .map(k -> ObjectIdentifier.builder().key(k).build()).toList();
            var result = s3.deleteObjects(r -> r.bucket(config.bucket())
                    .delete(Delete.builder().objects(batch).quiet(true).build()));
            if (result.hasErrors() && !result.errors().isEmpty()) {
                throw new IllegalStateException("S3 did not delete " + result.errors().size() + " objects, e.g. "
                        + result.errors().get(0).key() + ": " + result.errors().get(0).code());
            }
        }
    }

    /** Deletes one key, logging instead of failing: for leftovers whose removal is not essential. */
    public void deleteQuietly(String key) {
        try {
            s3.deleteObject(r -> r.bucket(config.bucket()).key(key));
        } catch (RuntimeException e) {
            LOG.warnf("Could not delete s3://%s/%s: %s", config.bucket(), key, e.toString());
        }
    }

    /**
     * Checks that the bucket answers with a {@code HeadBucket} (the cheapest authenticated request), giving up
     * after {@code timeout} including the SDK's retries; throws what S3 or the connection answered otherwise.
     */
    public void checkBucket(Duration timeout) {
        s3.headBucket(r -> r.bucket(config.bucket()).overrideConfiguration(o -> o.apiCallTimeout(timeout)));
    }

    /** Creates the bucket unless it exists. */
    public boolean createBucketIfMissing() {
        try {
            s3.headBucket(r -> r.bucket(config.bucket()));
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
        }
        s3.createBucket(r -> r.bucket(config.bucket()));
        return true;
    }

    public String bucket() {
        return config.bucket();
    }
}
