package io.tutoring.attachments;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Readiness: the attachments bucket answers a {@code HeadBucket} within {@code attachments.readiness-timeout} (2 s).
 * An instance that cannot reach S3 stops taking traffic; liveness does not look at S3, so the orchestrator does not
 * restart instances for an S3 outage. Disable with
 * {@code quarkus.smallrye-health.check."io.tutoring.attachments.S3Readiness".enabled=false} where an S3 outage should
 * rather fail only the attachment requests.
 */
@Readiness
@ApplicationScoped
public class S3Readiness implements HealthCheck {

    private final AttachmentStore store;
    private final AttachmentsConfig config;

    public S3Readiness(AttachmentStore store, AttachmentsConfig config) {
        this.store = store;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("s3").withData("bucket", store.bucket());
        try {
            store.checkBucket(config.readinessTimeout());
            return response.up().build();
        } catch (AwsServiceException e) {
            return response.down().withData("status", e.statusCode())
                    .withData("error", e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null
                            ? "S3 answered " + e.statusCode() : e.awsErrorDetails().errorCode()).build();
        } catch (RuntimeException e) {
            // Connection refused, unknown host, timeout: the SDK's message names the endpoint, never credentials.
            return response.down().withData("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
        }
    }
}
