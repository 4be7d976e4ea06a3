package io.tutoring;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The service's entry point: Quarkus's own, with one JVM setting made before Quarkus starts.
 * <p>
 * Quarkus answers a request target that {@link java.net.URI} refuses (a {@code %zz} escape, a lone {@code %}, a
 * {@code |}) with a bare, bodiless 400 before any route runs. {@code vertx.disableURIValidation} turns that check off
 * so that {@link io.tutoring.common.HttpGuards}, the first route, makes the same check and answers in problem+json like
 * every other error (issue 11 item 4). Quarkus reads the property once, when its HTTP recorder is loaded, so it must be
 * set here, before {@link Quarkus#run}. An explicit {@code -Dvertx.disableURIValidation=false} is respected; then the
 * guard never sees such a target and Quarkus's bare 400 stays. The tests and dev mode set it in the pom.
 */
@QuarkusMain
public final class Main {

    static final String URI_VALIDATION = "vertx.disableURIValidation";

    private Main() {
    }

    public static void main(String... args) {
        if (System.getProperty(URI_VALIDATION) == null) {
            System.setProperty(URI_VALIDATION, "true");
        }
        Quarkus.run(args);
    }
}
