package io.tutoring.invites;

import io.tutoring.common.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** The two invite limits: per inviter for sending (create and resend), per client address for trying tokens. */
@ApplicationScoped
public class InviteRateLimits {

    private final RateLimiter limiter;
    private final InvitesConfig.RateLimits config;

    public InviteRateLimits(RateLimiter limiter, InvitesConfig config) {
        this.limiter = limiter;
        this.config = config.rateLimit();
    }

    void invite(UUID inviterId) {
        limiter.hit("invite-send:" + inviterId, config.invitesPerWindow(), config.invitesWindow(), "invites sent");
    }

    void tokenAttempt(String clientAddress) {
        limiter.hit("invite-token:" + clientAddress, config.tokenAttemptsPerWindow(), config.tokenAttemptsWindow(),
                "invite link attempts from your network address");
    }
}
