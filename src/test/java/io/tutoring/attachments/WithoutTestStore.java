package io.tutoring.attachments;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.tutoring.support.OidcServer;

import java.util.List;

/**
 * A test profile without the tests' S3 server (and the other global test resources), keeping the token issuer: the
 * subclass says where the S3 client goes instead.
 */
abstract class WithoutTestStore implements QuarkusTestProfile {

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(OidcServer.Issuer.class));
    }
}
