package io.tutoring.papertrail;

import io.restassured.response.ValidatableResponse;
import io.tutoring.support.Person;

import static io.tutoring.support.Api.as;

/** Fetching exports in tests. */
final class Exported {

    private Exported() {
    }

    static ValidatableResponse export(Person who, String threadId, String query) {
        return as(who).get("/api/parent/threads/" + threadId + "/export" + query).then();
    }

    /** The JSON export's bytes as the service wrote them. */
    static byte[] json(Person who, String threadId) {
        return export(who, threadId, "").statusCode(200).contentType("application/json")
                .extract().asByteArray();
    }
}
