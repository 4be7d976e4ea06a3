package io.tutoring.common;

import io.tutoring.common.idempotency.Idempotency;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Keeps the OpenAPI document to the JSON API (the pages and test-only paths are not part of it) and completes the
 * error answers of every operation in the OpenAPI document, so that resources state only what is
 * particular to them (registered as {@code mp.openapi.filter}; it runs when the application is built).
 * <ul>
 * <li>401 where the operation needs the bearer token, 403 where it also needs a role (the roles are the scopes of
 * its security requirement; a 403 the resource describes gets "or the account has no role that may…" appended),
 * 400 where it takes parameters or a body, 404 where its path names something by id; each only if the resource has
 * not described that answer itself.</li>
 * <li>The paging parameters ({@code limit}, {@code cursor}, {@code before}) get their shared description, and
 * parameters named {@code id} or {@code …Id} the UUID format.</li>
 * <li>Every 4xx/5xx answer gets the body it really has: {@link Problem} as {@code application/problem+json}, with
 * an example built from its status and description; 401 also {@code WWW-Authenticate}, 429 and 503
 * {@code Retry-After}.</li>
 * </ul>
 */
public class ProblemResponses implements OASFilter {

    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    private static final Map<String, String> SHARED_PARAMETERS = Map.of(
            "limit", "Page size: 1 to the configured maximum (100 unless changed); 20 when absent",
            "cursor", "The `nextCursor` of the previous page; absent for the first page",
            "before", "The `nextCursor` of the previous page, for older messages; absent for the newest",
            Idempotency.HEADER, "Makes a retry safe: 1 to 255 visible ASCII characters, new for each new request. A "
                    + "repeat with the same key within 24 hours gets the first answer (with `Idempotent-Replayed: "
                    + "true`) and does nothing else");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        List.copyOf(openAPI.getPaths().getPathItems().keySet()).stream().filter(path -> !path.startsWith("/api/"))
                .forEach(openAPI.getPaths()::removePathItem);
        List<SecurityRequirement> defaultSecurity = openAPI.getSecurity();
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().values().forEach(operation -> {
            List<SecurityRequirement> security = operation.getSecurity() != null ? operation.getSecurity()
                    : defaultSecurity;
            List<Parameter> parameters = parameters(item, operation);
            parameters.forEach(ProblemResponses::describe);
            complete(operation, parameters, security == null ? List.of() : security);
        }));
    }

    private static void complete(Operation operation, List<Parameter> parameters, List<SecurityRequirement> security) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        List<String> roles = security.stream().map(SecurityRequirement::getSchemes).filter(Objects::nonNull)
                .flatMap(schemes -> schemes.values().stream()).filter(Objects::nonNull).flatMap(List::stream)
                .distinct().toList();
        boolean signedIn = security.stream().map(SecurityRequirement::getSchemes)
                .anyMatch(schemes -> schemes != null && !schemes.isEmpty());
        if (signedIn) {
            addIfAbsent(responses, "401", "No valid bearer token: it is missing, expired, or not one the identity "
                    + "provider signed");
        }
        if (!roles.isEmpty()) {
            String noRole = "the account has no role that may use this endpoint (" + String.join(" or ", roles) + ")";
            APIResponse forbidden = responses.getAPIResponse("403");
            if (forbidden == null) {
                addIfAbsent(responses, "403", Character.toUpperCase(noRole.charAt(0)) + noRole.substring(1));
            } else if (forbidden.getDescription() != null && !forbidden.getDescription().contains(noRole)) {
                forbidden.setDescription(forbidden.getDescription() + "; or " + noRole);
            }
        }
        if (!parameters.isEmpty() || operation.getRequestBody() != null) {
            addIfAbsent(responses, "400", "Malformed input: a body that is not valid JSON for this endpoint or "
                    + "fails its checks (the problem's `errors` name the fields), or a malformed id, cursor or limit");
        }
        if (parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH)) {
            addIfAbsent(responses, "404", "Nothing with this id, or nothing the caller may know exists");
        }
        if (parameters.stream().anyMatch(p -> Idempotency.HEADER.equals(p.getName()))) {
            addOrExtend(responses, "409", "a request with the same `Idempotency-Key` is still being processed");
            addOrExtend(responses, "422", "the `Idempotency-Key` was already used with another body");
        }
        responses.getAPIResponses().forEach((code, response) -> {
            if (isError(code)) {
                describeProblem(code, response);
            }
        });
    }

    /** The paging parameters every list shares get their description here; ids get the UUID format. */
    private static void describe(Parameter parameter) {
        String name = parameter.getName();
        if (parameter.getDescription() == null && SHARED_PARAMETERS.containsKey(name)) {
            parameter.setDescription(SHARED_PARAMETERS.get(name));
        }
        Schema schema = parameter.getSchema();
        if ((name.equals("id") || name.endsWith("Id")) && schema != null && schema.getFormat() == null
                && schema.getType() != null && schema.getType().contains(Schema.SchemaType.STRING)) {
            schema.setFormat("uuid");
        }
    }

    private static List<Parameter> parameters(PathItem item, Operation operation) {
        List<Parameter> all = new ArrayList<>();
        Stream.of(item.getParameters(), operation.getParameters()).filter(Objects::nonNull).forEach(all::addAll);
        return all;
    }

    private static void addIfAbsent(APIResponses responses, String code, String description) {
        if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description));
        }
    }

    private static void addOrExtend(APIResponses responses, String code, String reason) {
        APIResponse response = responses.getAPIResponse(code);
        if (response == null) {
            addIfAbsent(responses, code, Character.toUpperCase(reason.charAt(0)) + reason.substring(1));
        } else if (response.getDescription() != null && !response.getDescription().contains(reason)) {
            response.setDescription(response.getDescription() + "; or " + reason);
        }
    }

    private static boolean isError(String code) {
        return code.length() == 3 && (code.charAt(0) == '4' || code.charAt(0) == '5');
    }

    private static void describeProblem(String code, APIResponse response) {
        if (response.getRef() != null) {
            return;
        }
        if (response.getContent() == null || response.getContent().getMediaTypes().isEmpty()) {
            int status = Integer.parseInt(code);
            Map<String, Object> example = new LinkedHashMap<>();
            example.put("type", "about:blank");
            example.put("title", title(status));
            example.put("status", status);
            example.put("detail", response.getDescription());
            response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                    OASFactory.createMediaType()
                            .schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA))
                            .addExample("problem", OASFactory.createExample().value(example))));
        }
        switch (code) {
            case "401" -> addHeaderIfAbsent(response, "WWW-Authenticate", "`Bearer`: how to authenticate");
            case "429", "503" -> addHeaderIfAbsent(response, "Retry-After", "Seconds to wait before trying again");
            default -> {
            }
        }
    }

    private static void addHeaderIfAbsent(APIResponse response, String name, String description) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
            Header header = OASFactory.createHeader().description(description)
                    .schema(OASFactory.createSchema().addType(name.equals("Retry-After") ? Schema.SchemaType.INTEGER
                            : Schema.SchemaType.STRING));
            response.addHeader(name, header);
        }
    }

    /** The title the mappers in {@link ProblemMappers} give each status. */
    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            case 413 -> "Payload too large";
            case 422 -> "Unprocessable content";
            case 429 -> "Too many requests";
            case 503 -> "Service unavailable";
            default -> "Error";
        };
    }
}
