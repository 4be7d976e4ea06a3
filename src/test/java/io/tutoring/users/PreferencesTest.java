package io.tutoring.users;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.tutoring.support.Person;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static io.tutoring.support.Api.anonymous;
import static io.tutoring.support.Api.as;
import static io.tutoring.support.Api.newUser;
import static io.tutoring.support.Api.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET/PUT /api/me/preferences: defaults, round trip, validation, tutors' fields, and the availability line. */
@QuarkusTest
class PreferencesTest {

    private static final Map<String, Object> OFFICE = Map.of(
            "email", "DAILY", "digestHour", 7, "timeZone", "Europe/Berlin",
            "quietHours", Map.of("from", "21:00", "to", "07:00"), "showMessageText", false,
            "officeHours", List.of(
                    Map.of("day", "FRIDAY", "from", "15:00", "to", "19:00"),
                    Map.of("day", "MONDAY", "from", "15:00", "to", "19:00"),
                    Map.of("day", "TUESDAY", "from", "15:00", "to", "19:00"),
                    Map.of("day", "WEDNESDAY", "from", "15:00", "to", "19:00"),
                    Map.of("day", "THURSDAY", "from", "15:00", "to", "19:00")),
            "replyWithinHours", 24);

    @Inject
    Availability availability;

    @Inject
    PreferencesService preferences;

    @Test
    void aNewUserHasTheDocumentedDefaults() {
        Person parent = newUser("Parent", "PARENT");
        as(parent).get("/api/me/preferences").then().statusCode(200)
                .body("email", equalTo("BATCHED"))
                .body("digestHour", equalTo(18))
                .body("timeZone", nullValue())
                .body("quietHours", nullValue())
                .body("showMessageText", equalTo(true))
                .body("$", not(hasKey("officeHours")))
                .body("$", not(hasKey("replyWithinHours")));
        as(newUser("Tutor", "TUTOR")).get("/api/me/preferences").then().statusCode(200)
                .body("officeHours", equalTo(List.of()));
    }

    @Test
    void aTutorSavesEverythingAndParentsSeeTheAvailabilityLine() {
        Person tutor = newUser("Tutor", "TUTOR");
        as(tutor).body(OFFICE).put("/api/me/preferences").then().statusCode(200)
                .body("email", equalTo("DAILY"))
                .body("officeHours[0].day", equalTo("MONDAY"));
        as(tutor).get("/api/me/preferences").then().statusCode(200)
                .body("email", equalTo("DAILY"))
                .body("digestHour", equalTo(7))
                .body("timeZone", equalTo("Europe/Berlin"))
                .body("quietHours.from", equalTo("21:00"))
                .body("quietHours.to", equalTo("07:00"))
                .body("showMessageText", equalTo(false))
                .body("officeHours.day", equalTo(List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")))
                .body("officeHours[4].from", equalTo("15:00"))
                .body("replyWithinHours", equalTo(24));

        assertEquals("Usually replies within a day; office hours Mon–Fri 15:00–19:00",
                availability.line(tutor.id()).orElseThrow());
        assertEquals("Usually replies within a day; office hours Mon–Fri 15:00–19:00 (Europe/Berlin time)",
                availability.line(tutor.id(), ZoneId.of("America/New_York")).orElseThrow());
        assertEquals(ZoneId.of("Europe/Berlin"), preferences.zoneOf(tutor.id()).orElseThrow());
        assertTrue(availability.line(newUser("Tutor", "TUTOR").id()).isEmpty(), "nothing set, nothing shown");

        // A PUT replaces: what is left out is back to its default.
        as(tutor).body(Map.of("email", "OFF")).put("/api/me/preferences").then().statusCode(200)
                .body("email", equalTo("OFF")).body("digestHour", equalTo(18))
                .body("timeZone", nullValue()).body("officeHours", equalTo(List.of()));
    }

    @Test
    void availabilityGroupsDaysWithTheSameHours() {
        Person tutor = newUser("Tutor", "TUTOR");
        as(tutor).body(Map.of("email", "BATCHED", "replyWithinHours", 3, "officeHours", List.of(
                Map.of("day", "SATURDAY", "from", "10:00", "to", "12:00"),
                Map.of("day", "MONDAY", "from", "15:00", "to", "19:00"),
                Map.of("day", "TUESDAY", "from", "15:00", "to", "19:00"),
                Map.of("day", "THURSDAY", "from", "09:00", "to", "11:00"))))
                .put("/api/me/preferences").then().statusCode(200);
        assertEquals("Usually replies within 3 hours; office hours Mon–Tue 15:00–19:00, Thu 09:00–11:00, "
                + "Sat 10:00–12:00", availability.line(tutor.id()).orElseThrow());
    }

    @Test
    void aParentMayNotSendOfficeHours() {
        Person parent = newUser("Parent", "PARENT");
        String detail = problem(put(parent, Map.of("email", "BATCHED",
                "officeHours", List.of(Map.of("day", "MONDAY", "from", "15:00", "to", "19:00")))), 400);
        assertTrue(detail.contains("officeHours"), detail);
    }

    @Test
    void aParentMayNotSendAReplyTime() {
        Person parent = newUser("Parent", "PARENT");
        String detail = problem(put(parent, Map.of("email", "BATCHED", "replyWithinHours", 24)), 400);
        assertTrue(detail.contains("replyWithinHours"), detail);
    }

    @Test
    void fieldsOutOfBoundsAre400s() {
        Person tutor = newUser("Tutor", "TUTOR");
        List<Map<String, Object>> bad = List.of(
                Map.of("digestHour", 12),
                Map.of("email", "WEEKLY"),
                Map.of("email", "BATCHED", "digestHour", 24),
                Map.of("email", "BATCHED", "digestHour", -1),
                Map.of("email", "BATCHED", "timeZone", "Mars/Olympus"),
                Map.of("email", "BATCHED", "timeZone", "+02:00"),
                Map.of("email", "BATCHED", "quietHours", Map.of("from", "25:00", "to", "07:00")),
                Map.of("email", "BATCHED", "quietHours", Map.of("from", "7:00", "to", "08:00")),
                Map.of("email", "BATCHED", "quietHours", Map.of("from", "07:00", "to", "07:00")),
                Map.of("email", "BATCHED", "quietHours", Map.of("from", "07:00")),
                Map.of("email", "BATCHED", "officeHours", List.of(Map.of("day", "MONDAY", "from", "19:00", "to",
                        "15:00"))),
                Map.of("email", "BATCHED", "officeHours", List.of(Map.of("day", "MONTAG", "from", "15:00", "to",
                        "19:00"))),
                Map.of("email", "BATCHED", "replyWithinHours", 0),
                Map.of("email", "BATCHED", "replyWithinHours", 169));
        for (Map<String, Object> body : bad) {
            problem(put(tutor, body), 400);
        }
        as(tutor).get("/api/me/preferences").then().body("email", equalTo("BATCHED"))
                .body("officeHours", equalTo(List.of()));
    }

    @Test
    void anonymousGets401() {
        anonymous().get("/api/me/preferences").then().statusCode(401);
        anonymous().body(Map.of("email", "OFF")).put("/api/me/preferences").then().statusCode(401);
    }

    private static ValidatableResponse put(Person person, Map<String, Object> body) {
        return as(person).body(body).put("/api/me/preferences").then();
    }
}
