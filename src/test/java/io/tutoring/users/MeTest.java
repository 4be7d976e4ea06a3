package io.tutoring.users;

import io.quarkus.test.junit.QuarkusTest;
import io.tutoring.support.Person;
import org.junit.jupiter.api.Test;

import static io.tutoring.support.Api.anonymous;
import static io.tutoring.support.Api.as;
import static io.tutoring.support.Api.problem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class MeTest {

    @Test
    void firstRequestCreatesTheUserAndLaterClaimsUpdateIt() {
        Person person = Person.of("Pat", "PARENT", "TUTOR").withPhone("+14155550100");
        String id = as(person).get("/api/me").then().statusCode(200)
                .body("email", equalTo(person.email()))
                .body("name", equalTo(person.name()))
                .body("phone", equalTo("+14155550100"))
                .body("roles", contains("PARENT", "TUTOR"))
                .extract().path("id");

        Person renamed = new Person(person.subject(), "Pat Renamed", "pat.new@example.org", null,
                new String[] {"PARENT"}, null);
        as(renamed).get("/api/me").then().statusCode(200)
                .body("id", equalTo(id))
                .body("name", equalTo("Pat Renamed"))
                .body("email", equalTo("pat.new@example.org"))
                .body("roles", contains("PARENT"));
    }

    @Test
    void anonymousCallersGetAProblem() {
        problem(anonymous().get("/api/me").then(), 401);
    }
}
