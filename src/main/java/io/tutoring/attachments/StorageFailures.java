package io.tutoring.attachments;

import io.tutoring.common.Problem;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * When the file storage fails, the client gets a problem, not a stack trace: 503 with {@code Retry-After} when S3
 * cannot be used right now (not reachable, no credentials, or S3 itself overloaded or failing), 500 when it answers
 * in a way this service does not expect (a misconfigured bucket or policy, say). The cause goes to the log only.
 * Answers S3 gives on purpose (a missing key, a failed condition) are handled where they happen, in
 * {@link AttachmentStore}.
 */
public class StorageFailures {

    /** How long a client should wait before trying again. */
    static final int RETRY_AFTER_SECONDS = 30;

    private static final Logger LOG = Logger.getLogger(StorageFailures.class);

    @ServerExceptionMapper
    public Response unreachable(SdkClientException e) {
        LOG.warnf("The file storage could not be used: %s", e.getMessage());
        return unavailable();
    }

    @ServerExceptionMapper
    public Response failed(SdkServiceException e) {
        if (e.statusCode() >= 500 || e.isThrottlingException()) {
            LOG.warnf("The file storage is unavailable: %s", e.getMessage());
            return unavailable();
        }
        LOG.errorf(e, "The file storage refused a request of this service");
        return Problem.response(500, "Server error", "The file storage refused the request");
    }

    private static Response unavailable() {
        return Response.fromResponse(Problem.response(503, "Service unavailable",
                        "The file storage is unavailable; try again shortly"))
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .build();
    }
}
