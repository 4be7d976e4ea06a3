package io.tutoring.messaging;

import io.tutoring.common.ApiDocs;
import io.tutoring.common.Cursor;
import io.tutoring.common.Ids;
import io.tutoring.common.Page;
import io.tutoring.common.PageLimits;
import io.tutoring.common.failures.InvalidInput;
import io.tutoring.users.CurrentUser;
import io.tutoring.users.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Tag(name = ApiDocs.MESSAGING)
@SecurityRequirement(name = ApiDocs.BEARER, scopes = {Role.PARENT_NAME, Role.TUTOR_NAME})
@Path("/api/parent/threads")
@RolesAllowed({Role.PARENT_NAME, Role.TUTOR_NAME})
@Produces(MediaType.APPLICATION_JSON)
public class ThreadsResource {

    private final MessagingService messaging;
    private final CurrentUser currentUser;
    private final PageLimits limits;

    public ThreadsResource(MessagingService messaging, CurrentUser currentUser, PageLimits limits) {
        this.messaging = messaging;
        this.currentUser = currentUser;
        this.limits = limits;
    }

    /**
     * The caller's threads. {@code as} picks the side for someone who is both parent and tutor; by default a tutor
     * sees their tutor inbox and a parent their own threads. Filters: {@code studentId}, {@code unread=true}, and
     * for tutors {@code pinned=true|false} and {@code snoozed=true} (the snoozed threads instead of the inbox).
     */
    @Operation(summary = "List the caller's threads", description = """
            The caller's threads, newest activity first (a tutor's pinned threads first), each with the parent, \
            tutor and student, the last message and the number of the other side's messages the caller has not \
            opened; tutors also see `pinned` and `snoozedUntil`. A tutor's snoozed threads stay out of the list \
            until the snooze ends or the parent writes. Following `nextCursor` never repeats or skips a thread, \
            even while messages arrive.

            Who may call: a parent or a tutor (their own threads only).""")
    @Parameter(name = "as", in = ParameterIn.QUERY, description = "`PARENT` or `TUTOR`: the side to list for "
            + "someone who holds both roles (default: the tutor inbox)")
    @Parameter(name = "studentId", in = ParameterIn.QUERY, description = "Only the threads about this student")
    @Parameter(name = "unread", in = ParameterIn.QUERY, description = "`true`: only threads with unread messages")
    @Parameter(name = "pinned", in = ParameterIn.QUERY, description = "Tutors: `true` only pinned threads, "
            + "`false` only the others")
    @Parameter(name = "snoozed", in = ParameterIn.QUERY, description = "Tutors: `true` lists the snoozed "
            + "threads instead of the inbox")
    @APIResponse(responseCode = "200", description = "A page of threads", content = @Content(
            schema = @Schema(ref = "PageThreadView"), examples = @ExampleObject(name = "threads", value = """
                    {"items": [{"threadId": "1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d",
                                "parent": {"id": "3f8a2c1e-5b7d-4e9a-8c6f-1d2e3f4a5b6c", "name": "Alice Parent"},
                                "tutor": {"id": "9b1c2d3e-4f5a-4b7c-8d9e-0f1a2b3c4d5e", "name": "Bob Tutor"},
                                "student": {"id": "7e6d5c4b-3a29-4817-9605-f4e3d2c1b0a9", "name": "Carol"},
                                "lastMessage": {"id": "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a", "role": "PARENT",
                                                "message": "Hello, how is Carol getting on with fractions?",
                                                "createdAt": "2026-03-02T15:58:40.117Z"},
                                "unreadCount": 1, "pinned": false}],
                     "nextCursor": null}""")))
    @APIResponse(responseCode = "403", description = "`as` names a side whose role the account does not hold")
    @GET
    public Page<ThreadView> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
                                 @QueryParam("as") String as, @QueryParam("studentId") String studentId,
                                 @QueryParam("unread") String unread, @QueryParam("pinned") String pinned,
                                 @QueryParam("snoozed") String snoozed) {
        ThreadFilter filter = new ThreadFilter(Ids.parseOptional(studentId, "studentId"),
                Boolean.TRUE.equals(flag(unread, "unread")), flag(pinned, "pinned"),
                Boolean.TRUE.equals(flag(snoozed, "snoozed")));
        Role side = side(as);
        int size = limits.resolve(limit);
        return messaging.threads(currentUser.get(), side, filter, Cursor.decode(cursor, "cursor"), size);
    }

    @Operation(summary = "Open a thread", description = """
            A page of the thread's messages, newest first, each with `readAt`; `nextCursor` (passed as `before`) \
            loads older ones. Opening the thread stamps the other side's unread messages read, in the same request.

            Who may call: the thread's tutor, or its parent while linked to the student. Admins read threads through \
            `/api/admin/threads/{threadId}/messages`, which never stamps anything.""")
    @APIResponse(responseCode = "200", description = "A page of messages, newest first")
    @APIResponse(responseCode = "403", description = "The parent's link to the student was removed: the thread "
            + "is closed to them")
    @APIResponse(responseCode = "404", description = "No thread with this id that the caller can read")
    @GET
    @Path("/{threadId}/messages")
    public Page<MessageView> messages(@PathParam("threadId") String threadId, @QueryParam("limit") String limit,
                                      @QueryParam("before") String before) {
        UUID thread = Ids.parse(threadId, "threadId");
        int size = limits.resolve(limit);
        return messaging.open(currentUser.get(), thread, Cursor.decode(before, "before"), size);
    }

    @Operation(summary = "Acknowledge a message", description = """
            Acknowledges a message whose sender asked for it (`requestAck: true` on send), apart from reading it. \
            The answer is the message with `ackedAt` set; both sides see it from then on, and it is part of the \
            thread's export. An acknowledgement is final.

            Who may call: the other side of the thread than the message's sender (a tutor's message is acknowledged \
            by the thread's parent while linked to the student, a parent's by the thread's tutor).""")
    @APIResponse(responseCode = "200", description = "The acknowledged message", content = @Content(
            schema = @Schema(implementation = MessageView.class)))
    @APIResponse(responseCode = "403", description = "The caller wrote the message, or the parent's link to the "
            + "student was removed")
    @APIResponse(responseCode = "404", description = "No thread with this id that the caller can read, or no "
            + "such message in it")
    @APIResponse(responseCode = "409", description = "The sender did not ask for an acknowledgement, or the "
            + "message was already acknowledged")
    @POST
    @Path("/{threadId}/messages/{messageId}/ack")
    public MessageView acknowledge(@PathParam("threadId") String threadId, @PathParam("messageId") String messageId) {
        return messaging.acknowledge(currentUser.get(), Ids.parse(threadId, "threadId"),
                Ids.parse(messageId, "messageId"));
    }

    /** A true/false query parameter; absent is null, anything else is a 400. */
    private static Boolean flag(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new InvalidInput(name + " must be true or false");
        };
    }

    private static Role side(String as) {
        if (as == null || as.isBlank()) {
            return null;
        }
        return switch (as.trim().toUpperCase(java.util.Locale.ROOT)) {
            case "PARENT" -> Role.PARENT;
            case "TUTOR" -> Role.TUTOR;
            default -> throw new InvalidInput("as must be PARENT or TUTOR");
        };
    }
}
