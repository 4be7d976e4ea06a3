package io.tutoring.invites;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.tutoring.support.Api;
import io.tutoring.support.Person;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The family and invite pages over plain HTTP, signed in with bearer tokens (pages accept them too): the refused
 * cases, one test each, form checks, escaping of what users wrote, and the magic-link page's headers and answers.
 * The journeys themselves run in a browser: FamilyStudentBrowserTest, FamilyParentBrowserTest, MagicLinkBrowserTest.
 */
@QuarkusTest
class FamilyPagesHttpTest {

    private static final String XSS_NAME = "\"><img src=x onerror=alert(1)><script>alert(2)</script>";

    @Test
    void aTutorGetsTheForbiddenPage() {
        Person tutor = Api.newUser("Tia", "TUTOR");
        RestAssured.given().auth().oauth2(tutor.token()).get("/family").then().statusCode(403)
                .contentType(ContentType.HTML).body(containsString("You cannot open this page"));
    }

    @Test
    void anAdminCannotPostTheFamilyForms() {
        Person admin = Api.admin();
        Session s = Session.of(admin, "/invite");
        s.form().formParam("parentEmail", "x@example.org").post("/family/parent-invites").then().statusCode(403)
                .contentType(ContentType.HTML);
    }

    @Test
    void revokingAnotherStudentsInviteIsNotFound() {
        Person sam = Api.newUser("Sam", "STUDENT");
        String invite = InviteFlows.inviteParentOk(sam, InviteFlows.uniqueEmail("pat"));
        Person other = Api.newUser("Olly", "STUDENT");
        Session.of(other, "/invite").form().post("/family/parent-invites/" + invite + "/revoke").then()
                .statusCode(404).contentType(ContentType.HTML).body(containsString("We could not find that page"));
        Session.of(other, "/invite").form().post("/family/parent-invites/" + invite + "/resend").then()
                .statusCode(404);
        // Still pending for Sam.
        Api.as(sam).get("/api/student/parent-invites").then().body("items[0].status", org.hamcrest.Matchers
                .equalTo("PENDING"));
    }

    @Test
    void revokingAnotherParentsInviteIsNotFound() {
        Person pat = Api.newUser("Pat", "PARENT");
        String invite = InviteFlows.inviteStudent(pat, Map.of("studentEmail", InviteFlows.uniqueEmail("kid")))
                .statusCode(202).extract().path("id");
        Person other = Api.newUser("Oona", "PARENT");
        Session.of(other, "/invite").form().post("/family/student-invites/" + invite + "/revoke").then()
                .statusCode(404).contentType(ContentType.HTML);
    }

    @Test
    void confirmingAnInviteToSomeoneElseIsNotFound() {
        Person pat = Api.newUser("Pat", "PARENT");
        String invite = InviteFlows.inviteStudent(pat, Map.of("studentEmail", InviteFlows.uniqueEmail("kid")))
                .statusCode(202).extract().path("id");
        Person stranger = Api.newUser("Sid", "STUDENT");
        Session.of(stranger, "/invite").form().post("/family/invites/" + invite + "/confirm").then()
                .statusCode(404);
    }

    @Test
    void removingALinkOneDoesNotHaveIsNotFound() {
        Person sam = Api.newUser("Sam", "STUDENT");
        Person pat = Api.newUser("Pat", "PARENT");
        Api.link(Api.admin(), pat, sam);
        Person other = Api.newUser("Oona", "PARENT");
        Session.of(other, "/invite").form().post("/family/students/" + sam.id() + "/remove").then().statusCode(404);
        Person student = Api.newUser("Olly", "STUDENT");
        Session.of(student, "/invite").form().post("/family/parents/" + pat.id() + "/remove").then().statusCode(404);
        Session.of(student, "/invite").form().post("/family/parents/not-a-uuid/remove").then().statusCode(400);
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefused() {
        Person sam = Api.newUser("Sam", "STUDENT");
        Session s = Session.of(sam, "/invite");
        RestAssured.given().auth().oauth2(sam.token()).cookie("csrf-token", s.token).contentType(ContentType.URLENC)
                .formParam("parentEmail", "pat@example.org").post("/family/parent-invites").then().statusCode(400);
        Api.as(sam).get("/api/student/parent-invites").then().body("items.size()", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void aWrongEmailIsShownNextToTheFieldAndRedirectsWhenRight() {
        Person sam = Api.newUser("Sam", "STUDENT");
        Session s = Session.of(sam, "/invite");
        s.form().formParam("parentEmail", "not an email").post("/family/parent-invites").then().statusCode(400)
                .contentType(ContentType.HTML)
                .body(containsString("There is a problem"), containsString("id=\"parentEmail-error\""),
                        containsString("aria-invalid=\"true\""), containsString("value=\"not an email\""));
        String email = InviteFlows.uniqueEmail("pat");
        s.form().formParam("parentEmail", email).post("/family/parent-invites").then().statusCode(303)
                .header("Location", endsWith("/family?done=parent-invited"));
        // The same address again: the service's conflict, next to the field.
        s.form().formParam("parentEmail", email).post("/family/parent-invites").then().statusCode(409)
                .body(containsString("already have a pending invite"));
        s.get("/family?done=parent-invited").then().statusCode(200).body(containsString(email),
                containsString("Invite sent by email."), containsString("Resend"));
    }

    @Test
    void aParentInvitesByPhoneAndABadNumberIsExplained() {
        Person pat = Api.newUser("Pat", "PARENT");
        Session s = Session.of(pat, "/invite");
        s.form().formParam("studentEmail", "").formParam("studentPhone", "12").post("/family/student-invites")
                .then().statusCode(400).body(containsString("with its country code"),
                        containsString("id=\"studentPhone-error\""));
        s.form().formParam("studentEmail", "").formParam("studentPhone", "").post("/family/student-invites")
                .then().statusCode(400).body(containsString("Enter an email address or a phone number"));
        s.form().formParam("studentEmail", "").formParam("studentPhone", "+442079460018")
                .post("/family/student-invites").then().statusCode(303);
        // Stored in E.164; shown grouped, as people write it.
        s.get("/family").then().statusCode(200).body(containsString("+44 20 7946 0018"),
                not(containsString("+442079460018")));
    }

    @Test
    void whatUsersWroteIsEscaped() {
        Person evilParent = Api.signIn(new Person("sub-" + UUID.randomUUID(), XSS_NAME,
                InviteFlows.uniqueEmail("evil"), null, new String[] {"PARENT"}, null));
        Person evilStudent = Api.signIn(new Person("sub-" + UUID.randomUUID(), XSS_NAME,
                InviteFlows.uniqueEmail("evil"), null, new String[] {"STUDENT"}, null));
        Person sam = Api.newUser("Sam", "STUDENT");
        Person pat = Api.newUser("Pat", "PARENT");
        // Sam has an invite from the evil parent, and is linked to it; Pat is linked to the evil student.
        InviteFlows.inviteStudent(evilParent, Map.of("studentEmail", sam.email())).statusCode(202);
        Person admin = Api.admin();
        Person otherEvil = Api.signIn(new Person("sub-" + UUID.randomUUID(), XSS_NAME,
                InviteFlows.uniqueEmail("evil"), null, new String[] {"PARENT"}, null));
        Api.link(admin, otherEvil, sam);
        Api.link(admin, pat, evilStudent);
        for (Person who : new Person[] {sam, pat}) {
            String html = Session.of(who, "/invite").get("/family").then().statusCode(200).extract().asString();
            assertFalse(html.contains("<img src=x") || html.contains("<script>alert"), html);
            assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"), html);
            assertTrue(html.contains("&quot;&gt;&lt;img"), "attributes escape quotes too: " + html);
        }
    }

    @Test
    void theInvitePageKeepsTheTokenOutOfUrlsAndSaysWhatItNeeds() {
        RestAssured.given().get("/invite").then().statusCode(200).contentType(ContentType.HTML)
                .header("Referrer-Policy", "no-referrer")
                .body(containsString("<script src=\"/assets/invite.js\" defer></script>"),
                        containsString("This page needs JavaScript to read your invite"),
                        containsString("Paste the invite link"), not(containsString("<script>")));
        RestAssured.given().get("/assets/invite.js").then().statusCode(200).body(containsString("sessionStorage"));
    }

    @Test
    void theInvitePageExplainsEachLinkThatCannotBeUsed() {
        Session anon = Session.anonymous("/invite");
        String client = InviteFlows.newClient();
        anon.form().header("X-Forwarded-For", client).formParam("token", "https://app.tutoring.test/invite#token=garbled")
                .post("/invite/preview").then().statusCode(404).body(containsString("This invite link is not valid"),
                        containsString("Paste the invite link"));

        Person sam = Api.newUser("Sam", "STUDENT");
        String email = InviteFlows.uniqueEmail("pat");
        String id = InviteFlows.inviteParentOk(sam, email);
        String token = InviteFlows.tokenFromMail(email, 1);
        String link = InviteFlows.PUBLIC_URL + "/invite#token=" + token;
        anon.form().header("X-Forwarded-For", client).formParam("token", link).post("/invite/preview").then()
                .statusCode(200).body(containsString("invited you to be linked as a parent"),
                        containsString("Sign in to accept"), not(containsString("name=\"token\" value=")));
        Api.as(sam).delete("/api/student/parent-invites/" + id).then().statusCode(204);
        anon.form().header("X-Forwarded-For", client).formParam("token", token).post("/invite/preview").then()
                .statusCode(410).body(containsString("This invite was withdrawn"));

        String email2 = InviteFlows.uniqueEmail("pat");
        InviteFlows.inviteParentOk(sam, email2);
        String token2 = InviteFlows.tokenFromMail(email2, 1);
        Person pat = Api.newUser("Pat", "PARENT");
        Session parent = Session.of(pat, "/invite");
        parent.form().header("X-Forwarded-For", client).formParam("token", token2).post("/invite/preview").then()
                .statusCode(200).body(containsString("Accept and link"), containsString("name=\"token\" value=\""
                        + token2 + "\""));
        parent.form().header("X-Forwarded-For", client).formParam("token", token2).post("/invite/accept").then()
                .statusCode(303).header("Location", endsWith("/messages"));
        parent.form().header("X-Forwarded-For", client).formParam("token", token2).post("/invite/accept").then()
                .statusCode(410).body(containsString("This invite has already been used"),
                        containsString("Go to your messages"));
        Api.as(pat).get("/api/parent/links").then().body("[0].student.id", org.hamcrest.Matchers
                .equalTo(sam.id().toString()));
    }

    @Test
    void aStudentCannotAcceptTheirOwnInviteNorAnyoneWithoutTheParentRole() {
        Person both = Api.newUser("Bo", "STUDENT", "PARENT");
        String email = InviteFlows.uniqueEmail("pat");
        InviteFlows.inviteParentOk(both, email);
        String token = InviteFlows.tokenFromMail(email, 1);
        String client = InviteFlows.newClient();
        Session.of(both, "/invite").form().header("X-Forwarded-For", client).formParam("token", token)
                .post("/invite/accept").then().statusCode(403).body(containsString("You cannot accept your own invite"));
        Person tutor = Api.newUser("Tia", "TUTOR");
        Session.of(tutor, "/invite").form().header("X-Forwarded-For", client).formParam("token", token)
                .post("/invite/accept").then().statusCode(403).body(containsString("You cannot open this page"));
    }

    /** A signed-in (bearer) or anonymous browser-like client: the CSRF cookie from a GET, then forms with it. */
    private record Session(Person person, String token) {

        static Session of(Person person, String path) {
            String token = RestAssured.given().auth().oauth2(person.token()).get(path).then().extract()
                    .cookie("csrf-token");
            return new Session(person, token);
        }

        static Session anonymous(String path) {
            return new Session(null, RestAssured.given().get(path).then().extract().cookie("csrf-token"));
        }

        private RequestSpecification base() {
            RequestSpecification spec = RestAssured.given().redirects().follow(false).cookie("csrf-token", token);
            return person == null ? spec : spec.auth().oauth2(person.token());
        }

        RequestSpecification form() {
            return base().contentType(ContentType.URLENC).formParam("csrf-token", token);
        }

        io.restassured.response.Response get(String path) {
            return base().get(path);
        }
    }
}
