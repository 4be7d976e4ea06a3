package io.tutoring.invites;

/**
 * The addresses a signed-in student can be invited at: the token's email (lower-cased) and phone (E.164). A claim
 * the identity provider marks unverified ({@code email_verified} / {@code phone_number_verified} false) is left
 * out, so nobody sees invites for an address they have not proven to own.
 */
public record InviteeAddress(String email, String phone) {
}
