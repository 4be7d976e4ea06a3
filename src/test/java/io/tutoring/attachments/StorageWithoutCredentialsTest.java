package io.tutoring.attachments;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.tutoring.support.Api;
import io.tutoring.support.Person;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.tutoring.support.Api.problem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * No credentials for S3 (what dev mode had before it got its own store): presigning an upload fails in the AWS SDK.
 * The client gets a 503 problem with Retry-After, not a 500 with the SDK's text.
 */
@QuarkusTest
@TestProfile(StorageWithoutCredentialsTest.NoCredentials.class)
class StorageWithoutCredentialsTest {

    /** Credentials from a profile that no AWS config file defines: resolving them fails without network. */
    public static class NoCredentials extends WithoutTestStore {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.s3.aws.credentials.type", "profile",
                    "quarkus.s3.aws.credentials.profile-provider.profile-name", "no-such-profile-for-tests",
                    "attachments.bucket", "nowhere");
        }
    }

    @Test
    void askingForAnUploadWithoutCredentialsIsA503Problem() {
        Person parent = Api.newUser("Noa", "PARENT");
        var answer = Uploads.request(parent, "drawing.png", "image/png", Uploads.PNG.length);
        String detail = problem(answer, 503);
        answer.header("Retry-After", equalTo(String.valueOf(StorageFailures.RETRY_AFTER_SECONDS)))
                .body(not(containsString("SdkClientException")));
        assertEquals("The file storage is unavailable; try again shortly", detail);
    }
}
