package io.tutoring.ops;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.tutoring.support.S3ProxyResource;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** With S3 (s3proxy) and PostgreSQL up, the instance is ready; the readiness report names both. */
@QuarkusTest
class S3ReadinessTest {

    @Test
    void readyWhenTheBucketAndTheDatabaseAnswer() {
        RestAssured.get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 's3' }.status", equalTo("UP"))
                .body("checks.find { it.name == 's3' }.data.bucket", equalTo(S3ProxyResource.BUCKET))
                .body("checks.find { it.name =~ /(?i)database/ }.status", equalTo("UP"));
    }

    @Test
    void livenessDoesNotAskS3() {
        RestAssured.get("/q/health/live").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", not(hasItem("s3")));
    }
}
