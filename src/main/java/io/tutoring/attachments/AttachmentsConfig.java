package io.tutoring.attachments;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Attachments, from {@code attachments.*} (env {@code ATTACHMENTS_*}; the bucket also from {@code S3_BUCKET}).
 * Where S3 is (region, endpoint override, path-style access, credentials) is the S3 client's own configuration,
 * {@code quarkus.s3.*}, mapped from {@code S3_REGION}, {@code S3_ENDPOINT}, {@code S3_PATH_STYLE} and the AWS
 * SDK's default credentials chain in application.properties. See docs/attachments.md.
 */
@ConfigMapping(prefix = "attachments")
public interface AttachmentsConfig {

    /** The bucket that holds uploads and attachments. */
    String bucket();

    /** The largest file accepted; checked on request, bound into the presigned upload and checked again on attach. */
    @WithDefault("10M")
    MemorySize maxSize();

    /** How long a presigned upload URL stays valid. */
    @WithDefault("15M")
    Duration uploadTtl();

    /** How long a presigned download URL stays valid; never more than five minutes, whatever is configured. */
    @WithDefault("5M")
    Duration downloadTtl();

    /** Creates the bucket at start-up when it is missing (dev mode against a local S3-compatible store). */
    @WithDefault("false")
    boolean createBucket();

    /** How long the readiness check's {@code HeadBucket} may take before S3 counts as down. */
    @WithDefault("2S")
    Duration readinessTimeout();

    Cleanup cleanup();

    Pending pending();

    /**
     * Uploads not yet attached to a message that one user may hold at once (only those younger than
     * {@code cleanup.after} count: older ones are deleted by the cleanup). Past either limit, a new upload gets 429
     * with {@code Retry-After} until the oldest one stops counting.
     */
    interface Pending {
        @WithDefault("20")
        int maxCount();

        @WithDefault("100M")
        MemorySize maxBytes();
    }

    interface Cleanup {
        /** Uploads not attached to a message this long after they were requested are deleted. */
        @WithDefault("24H")
        Duration after();

        /** How often the cleanup job runs (a Quarkus scheduler interval such as {@code 1h}, or {@code off}). */
        @WithDefault("1h")
        String every();
    }
}
