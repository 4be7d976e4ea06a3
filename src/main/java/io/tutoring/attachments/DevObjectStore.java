package io.tutoring.attachments;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jboss.logging.Logger;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Dev mode only: an S3 API in-process, so that attachments work after {@code ./mvnw quarkus:dev} with no Docker and
 * no cloud account. It is s3proxy (the server the tests use) over a directory, checking AWS signatures with the
 * credentials the S3 client is configured with; application.properties points the client at it in dev mode.
 * <p>
 * s3proxy is a {@code provided} dependency: on the classpath of dev mode and the tests, never in the packaged
 * application. {@link IfBuildProfile} leaves this bean out of every other build, so a prod or native build never
 * loads this class. It starts before the other start-up observers (the bucket is created by {@link BucketSetup}).
 */
@IfBuildProfile("dev")
@Singleton
class DevObjectStore {

    private static final Logger LOG = Logger.getLogger(DevObjectStore.class);

    private final boolean enabled;
    private final int port;
    private final Path directory;
    private final String accessKey;
    private final String secretKey;

    private BlobStoreContext context;
    private S3Proxy proxy;

    DevObjectStore(@ConfigProperty(name = "dev-s3.enabled", defaultValue = "true") boolean enabled,
                   @ConfigProperty(name = "dev-s3.port") int port,
                   @ConfigProperty(name = "dev-s3.directory") Path directory,
                   @ConfigProperty(name = "quarkus.s3.aws.credentials.static-provider.access-key-id") String accessKey,
                   @ConfigProperty(name = "quarkus.s3.aws.credentials.static-provider.secret-access-key")
                   String secretKey) {
        this.enabled = enabled;
        this.port = port;
        this.directory = directory;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    void start(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        if (!enabled) {
            return;
        }
        try {
            Files.createDirectories(directory);
            Properties overrides = new Properties();
            overrides.setProperty("jclouds.filesystem.basedir", directory.toAbsolutePath().toString());
            context = ContextBuilder.newBuilder("filesystem-nio2").credentials("identity", "credential")
                    .overrides(overrides).build(BlobStoreContext.class);
            proxy = S3Proxy.builder()
                    .blobStore(context.getBlobStore())
                    .endpoint(URI.create("http://127.0.0.1:" + port))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                    // s3proxy answers 501 to x-amz- headers it does not implement, such as the SDK's CRC checksums.
                    .ignoreUnknownHeaders(true)
                    // The pages PUT files straight from the browser (another origin): CORS for PUT and GET.
                    .corsRules(new org.gaul.s3proxy.CrossOriginResourceSharing(java.util.List.of("*"),
                            java.util.List.of("GET", "PUT", "HEAD"), java.util.List.of("*"), java.util.List.of("ETag"), "false"))
                    .build();
            proxy.start();
            for (long deadline = System.nanoTime() + 10_000_000_000L; !"STARTED".equals(proxy.getState()); ) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("s3proxy did not start: " + proxy.getState());
                }
                Thread.sleep(10);
            }
            LOG.infof("Dev S3 store (s3proxy) listening on http://127.0.0.1:%d, files in %s", port, directory);
        } catch (Exception e) {
            LOG.warnf("Could not start the dev S3 store on port %d (%s). Set DEV_S3_PORT to a free port, or "
                    + "DEV_S3=false and S3_ENDPOINT to a store of your own", port, e);
            stop(null);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        try {
            if (proxy != null) {
                proxy.stop();
            }
        } catch (Exception e) {
            LOG.warnf("Could not stop the dev S3 store: %s", e);
        } finally {
            proxy = null;
            if (context != null) {
                context.close();
                context = null;
            }
        }
    }
}
