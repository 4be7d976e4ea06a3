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
 * guard never sees such a target and Quarkus's bare 400 stays. The tests and dev mode set it in the pom; a native
 * image reads it while it is built ({@code quarkus.native.additional-build-args}), not here.
 */
@QuarkusMain
public final class Main {

    static final String DISABLE_URI_VALIDATION = "vertx.disableURIValidation";

    private Main() {
    }

    public static void main(String... args) {
        beforeQuarkus();
        Quarkus.run(args);
    }

    /** What must be set before Quarkus starts, unless the command line set it already. */
    static void beforeQuarkus() {
        if (System.getProperty(DISABLE_URI_VALIDATION) == null) {
            System.setProperty(DISABLE_URI_VALIDATION, "true");
        }
    }
}
