package io.tutoring.support;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;

/** Calls to the service as a given person, and the setup steps that most tests share. */
public final class Api {

    private Api() {
    }

    public static RequestSpecification as(Person person) {
        return RestAssured.given().auth().oauth2(person.token()).contentType(ContentType.JSON);
    }

    public static RequestSpecification anonymous() {
        return RestAssured.given().contentType(ContentType.JSON);
    }

    /** The person's first request: creates their user row and learns its id. */
    public static Person signIn(Person person) {
        String id = as(person).get("/api/me").then().statusCode(200).extract().path("id");
        return person.withId(UUID.fromString(id));
    }

    public static Person newUser(String name, String... roles) {
        return signIn(Person.of(name, roles));
    }

    public static Person admin() {
        return newUser("Admin", "ADMIN");
    }

    public static void enroll(Person admin, Person student, Person tutor) {
        as(admin).body(Map.of("studentId", student.id(), "tutorId", tutor.id()))
                .put("/api/admin/enrollments").then().statusCode(204);
    }

    public static void link(Person admin, Person parent, Person student) {
        as(admin).body(Map.of("parentId", parent.id(), "studentId", student.id()))
                .put("/api/admin/links").then().statusCode(204);
    }

    public static void unlink(Person admin, Person parent, Person student) {
        as(admin).delete("/api/admin/links/" + parent.id() + "/" + student.id()).then().statusCode(204);
    }

    public static ValidatableResponse send(Person sender, Person tutor, Person student, String text) {
        return as(sender).body(Map.of("tutorId", tutor.id(), "studentId", student.id(), "message", text))
                .post("/api/parent/messages").then();
    }

    /** Sends and expects success; returns the thread id. */
    public static String sendOk(Person sender, Person tutor, Person student, String text) {
        return send(sender, tutor, student, text).statusCode(201).body("message", equalTo(text.strip()))
                .extract().path("threadId");
    }

    /** A problem+json answer with the status, and its detail. */
    public static String problem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status)).extract().path("detail");
    }
}
