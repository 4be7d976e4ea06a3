package io.tutoring.common;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What the OpenAPI document ({@code /q/openapi}, Swagger UI at {@code /q/swagger-ui}) says about the API as a
 * whole: its description, one tag per feature, the bearer-token scheme and the problem schema. Each resource says
 * the rest next to its methods: its tag, {@code @SecurityRequirement(name = BEARER, scopes = <the roles it
 * allows>)}, and per operation a summary, who may call it, its success answer and the error answers particular to
 * it. The error answers every operation shares (401, 403, 400, 404) and their problem+json bodies are added by
 * {@link ProblemResponses}.
 * <p>
 * A JAX-RS {@link Application} without classes or a path: it changes nothing in how resources are found.
 */
@OpenAPIDefinition(
        info = @Info(title = "Parent–tutor messaging API", version = "1",
                description = """
                        A private, direct line between each parent and each of their child's tutors: one thread per \
                        (parent, tutor, student), read receipts, one attachment per message, family links made by \
                        invites, and admins who may read any thread (every admin read is recorded).

                        Bodies are JSON; ids are UUIDs; times are ISO-8601 UTC. Errors are `application/problem+json` \
                        (RFC 9457) with a `detail` written for the API's user. Lists are pages with a `nextCursor` \
                        to pass back as `cursor` (or `before`) until it is null; `limit` is 1 to 100 (default 20).

                        Operations with a lock need `Authorization: Bearer <access token>` from the platform's \
                        OpenID Connect provider; the roles PARENT, TUTOR, STUDENT and ADMIN come from the token, and \
                        each operation lists the roles that may call it. In dev mode the OIDC dev service hands out \
                        tokens (see the README), and the Authorize button takes one."""),
        tags = {
                @Tag(name = ApiDocs.ACCOUNT, description = "The signed-in user"),
                @Tag(name = ApiDocs.MESSAGING, description = "Sending messages, thread lists, opening a thread "
                        + "(which stamps read receipts) and whom the caller can write to"),
                @Tag(name = ApiDocs.TUTOR_INBOX, description = "A tutor's controls of their own inbox: pin, snooze"),
                @Tag(name = ApiDocs.ATTACHMENTS, description = "One file per message: a presigned upload straight "
                        + "to S3, checked when the message is sent, and authorized short-lived downloads"),
                @Tag(name = ApiDocs.INVITES, description = "How parents and students link up: a parent invites a "
                        + "student (who confirms), or a student invites a parent by a magic link (which the parent "
                        + "accepts)"),
                @Tag(name = ApiDocs.LINKS, description = "A family's active parent–student links, and removing them"),
                @Tag(name = ApiDocs.ADMIN, description = "The platform's back office: users ahead of sign-in, "
                        + "enrollments, support fixes of links, reading any thread (recorded) and the audit"),
                @Tag(name = ApiDocs.PAPER_TRAIL, description = "Hash-chained exports of a thread (JSON, PDF), "
                        + "verifying an export, and the family timeline (docs/paper-trail.md)"),
                @Tag(name = ApiDocs.LIVE, description = "Live updates: server-sent events of the caller's threads "
                        + "and links, ids only")
        },
        components = @Components(schemas = @Schema(name = "Problem", implementation = Problem.class)))
@SecurityScheme(securitySchemeName = ApiDocs.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "An access token (a signed JWT) from the platform's OpenID Connect "
        + "provider. The roles it carries decide what the caller may do.")
public class ApiDocs extends Application {

    /** The name of the bearer-token security scheme. */
    public static final String BEARER = "bearer";

    public static final String ACCOUNT = "Account";
    public static final String MESSAGING = "Messaging";
    public static final String TUTOR_INBOX = "Tutor inbox";
    public static final String ATTACHMENTS = "Attachments";
    public static final String INVITES = "Invites";
    public static final String LINKS = "Links";
    public static final String ADMIN = "Admin";
    public static final String PAPER_TRAIL = "Paper trail";
    public static final String LIVE = "Live updates";
}
