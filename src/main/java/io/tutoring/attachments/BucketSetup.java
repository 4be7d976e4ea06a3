package io.tutoring.attachments;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Creates the bucket at start-up when {@code attachments.create-bucket} is on (dev mode and tests, against a local
 * S3-compatible store). A store that cannot be reached is logged, not fatal: dev mode starts without one, and
 * only attachments fail until it is there.
 */
@ApplicationScoped
public class BucketSetup {

    private static final Logger LOG = Logger.getLogger(BucketSetup.class);

    void onStart(@Observes StartupEvent event, AttachmentsConfig config, AttachmentStore store) {
        if (!config.createBucket()) {
            return;
        }
        try {
            if (store.createBucketIfMissing()) {
                LOG.infof("Created the attachments bucket %s", store.bucket());
            }
        } catch (RuntimeException e) {
            LOG.warnf("Could not check or create the attachments bucket %s (%s). Attachments will fail until an "
                    + "S3-compatible store is reachable; see docs/attachments.md", store.bucket(), e.toString());
        }
    }
}
