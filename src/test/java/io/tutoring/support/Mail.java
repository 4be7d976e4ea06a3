package io.tutoring.support;

import io.quarkus.test.common.QuarkusTestResource;

/** The SMTP server for every test: declared once here, like {@link OidcServer}, it applies to all tests. */
@QuarkusTestResource(SmtpServer.class)
public final class Mail {

    private Mail() {
    }
}
