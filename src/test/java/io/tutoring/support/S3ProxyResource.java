package io.tutoring.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

import java.net.URI;
import java.util.Map;

/**
 * A real S3 API for the tests: s3proxy in-process on a free port, over jclouds' in-memory ("transient") blob
 * store, checking AWS v4 signatures (presigned URLs included) with static credentials. Returns the configuration
 * that points the service's S3 client and presigner at it.
 */
public class S3ProxyResource implements QuarkusTestResourceLifecycleManager {

    public static final String BUCKET = "test-attachments";
    private static final String ACCESS_KEY = "test-access-key";
    private static final String SECRET_KEY = "test-secret-key";

    private BlobStoreContext context;
    private S3Proxy proxy;

    @Override
    public Map<String, String> start() {
        context = ContextBuilder.newBuilder("transient").credentials("identity", "credential")
                .build(BlobStoreContext.class);
        proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                // s3proxy answers 501 to x-amz- headers it does not implement, such as the SDK's CRC checksums.
                .ignoreUnknownHeaders(true)
                // The pages PUT files straight from the browser (another origin): CORS for PUT and GET.
                .corsRules(new org.gaul.s3proxy.CrossOriginResourceSharing(java.util.List.of("*"),
                        java.util.List.of("GET", "PUT", "HEAD"), java.util.List.of("*"), java.util.List.of("ETag"), "false"))
                .build();
        try {
            proxy.start();
            long deadline = System.currentTimeMillis() + 10_000;
            while (!"STARTED".equals(proxy.getState())) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("s3proxy did not start: " + proxy.getState());
                }
                Thread.sleep(10);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not start s3proxy", e);
        }
        return Map.of(
                "quarkus.s3.endpoint-override", "http://127.0.0.1:" + proxy.getPort(),
                "quarkus.s3.path-style-access", "true",
                "quarkus.s3.aws.region", "us-east-1",
                "quarkus.s3.aws.credentials.type", "static",
                "quarkus.s3.aws.credentials.static-provider.access-key-id", ACCESS_KEY,
                "quarkus.s3.aws.credentials.static-provider.secret-access-key", SECRET_KEY,
                "attachments.bucket", BUCKET,
                "attachments.create-bucket", "true");
    }

    @Override
    public void stop() {
        try {
            if (proxy != null) {
                proxy.stop();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop s3proxy", e);
        } finally {
            if (context != null) {
                context.close();
            }
        }
    }
}
