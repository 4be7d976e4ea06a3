package io.tutoring.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.tutoring.support.Api;
import io.tutoring.support.Person;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI document that Swagger UI shows: every operation is documented with a summary, who may call it, its
 * success answer and the error answers that apply, errors as problem+json; and what it says about sign-in and roles
 * is what the service does (every operation is called anonymously and with each role).
 */
@QuarkusTest
class ApiDocumentationTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final List<String> ROLES = List.of("PARENT", "TUTOR", "STUDENT", "ADMIN");

    private static JsonNode doc;
    private static List<Op> operations;

    /** One operation of the document. */
    record Op(String method, String path, JsonNode node, List<JsonNode> parameters) {

        String name() {
            return method.toUpperCase() + " " + path;
        }

        boolean takesInput() {
            return !parameters.isEmpty() || node.has("requestBody");
        }

        boolean namesAnId() {
            return parameters.stream().anyMatch(p -> p.path("in").asText().equals("path"));
        }

        /** The roles its security requirement lists (empty: any signed-in user); null when it needs no sign-in. */
        List<String> roles(JsonNode doc) {
            JsonNode security = node.has("security") ? node.get("security") : doc.path("security");
            List<String> roles = new ArrayList<>();
            boolean signedIn = false;
            for (JsonNode requirement : security) {
                for (JsonNode scopes : requirement) {
                    signedIn = true;
                    scopes.forEach(scope -> roles.add(scope.asText()));
                }
            }
            return signedIn ? roles : null;
        }

        JsonNode response(String code) {
            return node.path("responses").path(code);
        }
    }

    /** Once per class, but in a @BeforeEach: RestAssured knows the service's port only from then on. */
    @BeforeEach
    void load() throws Exception {
        if (doc != null) {
            return;
        }
        String json = RestAssured.get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        doc = new ObjectMapper().readTree(json);
        operations = new ArrayList<>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
            if (METHODS.contains(entry.getKey())) {
                List<JsonNode> parameters = new ArrayList<>();
                path.getValue().path("parameters").forEach(parameters::add);
                entry.getValue().path("parameters").forEach(parameters::add);
                operations.add(new Op(entry.getKey(), path.getKey(), entry.getValue(), parameters));
            }
        }));
    }

    @Test
    void theBearerSchemeIsDefinedAndEveryReferenceResolves() {
        JsonNode scheme = doc.path("components").path("securitySchemes").path(ApiDocs.BEARER);
        assertEquals("http", scheme.path("type").asText());
        assertEquals("bearer", scheme.path("scheme").asText());
        assertEquals("JWT", scheme.path("bearerFormat").asText());
        assertEquals(Set.of(ApiDocs.BEARER), names(doc.path("components").path("securitySchemes")),
                "one scheme, no generated extras");
        List<String> dangling = new ArrayList<>();
        references(doc, dangling);
        assertEquals(List.of(), dangling);
        assertTrue(operations.size() >= 35, "all endpoints are in the document: " + operations.size());
    }

    @Test
    void theDocumentDescribesTheJsonApiOnly() {
        List<String> others = new ArrayList<>();
        doc.path("paths").fieldNames().forEachRemaining(path -> {
            if (!path.startsWith("/api/")) {
                others.add(path);
            }
        });
        assertEquals(List.of(), others, "pages and test-only paths are not part of the API document");
        assertTrue(doc.path("paths").has("/api/me"), "the API itself is still documented");
    }

    @Test
    void everyOperationIsDocumented() {
        Set<String> tags = new HashSet<>();
        doc.path("tags").forEach(t -> tags.add(t.path("name").asText()));
        Map<String, List<String>> gaps = new TreeMap<>();
        for (Op op : operations) {
            List<String> missing = new ArrayList<>();
            if (op.node().path("summary").asText().isBlank()) {
                missing.add("summary");
            }
            if (!op.node().path("description").asText().contains("Who may call:")) {
                missing.add("description saying who may call");
            }
            if (op.node().path("tags").isEmpty()
                    || !StreamSupport.stream(op.node().path("tags").spliterator(), false)
                    .allMatch(t -> tags.contains(t.asText()))) {
                missing.add("a declared tag");
            }
            List<String> success = names(op.node().path("responses")).stream()
                    .filter(code -> code.startsWith("2") || code.equals("303")).toList();
            if (success.isEmpty()) {
                missing.add("a success response");
            }
            for (String code : success) {
                JsonNode content = op.response(code).path("content");
                if (!code.equals("204") && !code.equals("303")
                        && content.path("application/json").path("schema").isEmpty()
                        && content.path("text/event-stream").path("schema").isEmpty()) {
                    missing.add(code + " with a body schema");
                }
            }
            List<String> roles = op.roles(doc);
            expect(op, missing, roles != null, "401");
            expect(op, missing, roles != null && !roles.isEmpty(), "403");
            expect(op, missing, op.takesInput(), "400");
            expect(op, missing, op.namesAnId(), "404");
            op.node().path("responses").fields().forEachRemaining(r -> {
                if (r.getKey().startsWith("4") || r.getKey().startsWith("5")) {
                    JsonNode problem = r.getValue().path("content").path(Problem.MEDIA_TYPE);
                    if (!problem.path("schema").path("$ref").asText().equals("#/components/schemas/Problem")
                            || problem.path("examples").isEmpty() || r.getValue().path("description").asText().isBlank()) {
                        missing.add(r.getKey() + " described as a problem+json with an example");
                    }
                }
            });
            if (!missing.isEmpty()) {
                gaps.put(op.name(), missing);
            }
        }
        assertEquals(Map.of(), gaps);
    }

    @Test
    void problemAnswersDocumentTheirHeaders() {
        for (Op op : operations) {
            for (String code : List.of("401", "429", "503")) {
                JsonNode response = op.response(code);
                if (!response.isMissingNode()) {
                    String header = code.equals("401") ? "WWW-Authenticate" : "Retry-After";
                    assertTrue(response.path("headers").has(header), op.name() + " " + code + " documents " + header);
                }
            }
        }
    }

    /**
     * Called without a token, an operation answers 401 exactly where the document asks for the bearer token; called
     * with each single role, it answers the role's 403 exactly for the roles the document does not list.
     */
    @Test
    void whatTheDocumentSaysAboutSignInAndRolesIsWhatTheServiceDoes() {
        Map<String, Person> users = new TreeMap<>();
        users.put("(no role)", Api.newUser("Nobody"));
        ROLES.forEach(role -> users.put(role, Api.newUser("Only " + role, role)));
        List<String> mismatches = new ArrayList<>();
        for (Op op : operations) {
            List<String> roles = op.roles(doc);
            int anonymous = call(RestAssured.given(), op).statusCode();
            if ((anonymous == 401) != (roles != null)) {
                mismatches.add(op.name() + ": anonymous call answered " + anonymous + ", documented security "
                        + roles);
            }
            if (roles == null || roles.isEmpty()) {
                continue;
            }
            Response refused = call(as(users.get("(no role)")), op);
            if (refused.statusCode() != 403) {
                mismatches.add(op.name() + ": a user without roles got " + refused.statusCode());
                continue;
            }
            String roleRefusal = refused.path("detail");
            for (String role : ROLES) {
                Response answer = call(as(users.get(role)), op);
                boolean refusedForRole = answer.statusCode() == 403 && roleRefusal.equals(answer.path("detail"));
                if (refusedForRole == roles.contains(role)) {
                    mismatches.add(op.name() + ": documented roles " + roles + ", but " + role + " got "
                            + answer.statusCode() + " " + answer.asString());
                }
            }
        }
        assertEquals(List.of(), mismatches);
    }

    private static void expect(Op op, List<String> missing, boolean applies, String code) {
        if (applies && op.response(code).isMissingNode()) {
            missing.add(code);
        }
    }

    /** Calls the operation with random ids in its path and an empty JSON object as its body, if it takes one. */
    private static Response call(RequestSpecification request, Op op) {
        String path = op.path().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        if (op.node().has("requestBody")) {
            request = request.contentType(ContentType.JSON).body("{}");
        }
        return request.redirects().follow(false).request(op.method(), path);
    }

    private static RequestSpecification as(Person person) {
        return RestAssured.given().auth().oauth2(person.token());
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new java.util.TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void references(JsonNode node, List<String> dangling) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null) {
                String[] parts = ref.asText().replaceFirst("^#/", "").split("/");
                JsonNode target = doc;
                for (String part : parts) {
                    target = target.path(part);
                }
                if (target.isMissingNode()) {
                    dangling.add(ref.asText());
                }
            }
            node.elements().forEachRemaining(child -> references(child, dangling));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> references(child, dangling));
        }
    }
}
