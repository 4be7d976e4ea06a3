package io.tutoring.support;

import io.quarkus.test.common.QuarkusTestResource;

/** The S3 API for every test (see {@link S3ProxyResource}). Declared once here, it applies to all tests. */
@QuarkusTestResource(S3ProxyResource.class)
public final class S3Server {

    private S3Server() {
    }
}
