package io.tutoring.invites;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tutoring.common.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * The invite limits: per inviter for sending (create and resend); and for trying magic-link tokens, only FAILED tries
 * count (a token that matches no invite), per client address, plus a global failure budget that raises an alarm.
 * A token that matches an invite is never limited: behind a school's or a carrier's shared address, others' junk
 * cannot lock a real holder out. Guessing stays infeasible because of the 2^256 token space, not because of these
 * limits (docs/invites.md, "Rate limits", has the arithmetic); the limits shed junk and make guessing visible.
 */
@ApplicationScoped
public class InviteRateLimits {

    static final String FAILURES_ALL = "invite-token-failures:all";

    private static final Logger LOG = Logger.getLogger(InviteRateLimits.class);

    private final RateLimiter limiter;
    private final InvitesConfig.RateLimits config;
    private final Counter failures;
    private final Counter alarms;

    public InviteRateLimits(RateLimiter limiter, InvitesConfig config, MeterRegistry metrics) {
        this.limiter = limiter;
        this.config = config.rateLimit();
        this.failures = Counter.builder("invites.token.failures")
                .description("Magic-link tokens tried that match no invite").register(metrics);
        this.alarms = Counter.builder("invites.token.failure.alarms")
                .description("Windows in which failed token tries went over the global budget").register(metrics);
    }

    void invite(UUID inviterId) {
        limiter.hit("invite-send:" + inviterId, config.invitesPerWindow(), config.invitesWindow(), "invites sent");
    }

    /**
     * A token that matches no invite was tried from {@code clientAddress}: counts it against the global budget
     * (the first try over it logs an alarm and counts {@code invites_token_failure_alarms_total}) and against the
     * address, which gets 429 once over its ceiling.
     */
    void tokenFailure(String clientAddress) {
        failures.increment();
        int all = limiter.count(FAILURES_ALL, config.tokenFailureBudgetWindow());
        if (all == config.tokenFailureBudget() + 1) {
            alarms.increment();
            LOG.errorf("ALARM: more than %d invalid invite tokens were tried within %s across all clients;"
                    + " someone may be guessing tokens (per-address ceiling: %d per %s)", config.tokenFailureBudget(),
                    config.tokenFailureBudgetWindow(), config.tokenFailuresPerWindow(), config.tokenFailuresWindow());
        }
        limiter.hit("invite-token-failures:" + clientAddress, config.tokenFailuresPerWindow(),
                config.tokenFailuresWindow(), "invalid invite links tried from your network address");
    }
}
