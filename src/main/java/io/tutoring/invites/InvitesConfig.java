package io.tutoring.invites;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Settings of family invites, from {@code invites.*} (env {@code INVITES_*}; the public URL from {@code PUBLIC_URL}). */
@ConfigMapping(prefix = "invites")
public interface InvitesConfig {

    /**
     * Base URL of the web front end; magic links are {@code <public-url>/invite#token=…}. Never taken from a request.
     * Required in production (common/ProductionSettings); unset, links point to {@code http://localhost:8080}.
     */
    Optional<String> publicUrl();

    /** How long a magic link stays valid. */
    @WithDefault("P7D")
    Duration tokenTtl();

    /**
     * Region (ISO 3166 code, e.g. {@code GB}) for phone numbers given without a country code. Unset: numbers must
     * start with {@code +} and their country code.
     */
    Optional<String> phoneDefaultRegion();

    RateLimits rateLimit();

    interface RateLimits {
        /** Invites created or resent by one user, both kinds together. */
        @WithDefault("10")
        int invitesPerWindow();

        @WithDefault("PT1H")
        Duration invitesWindow();

        /**
         * Failed token tries (previews and accepts of a token that matches no invite) from one client address; past
         * this, its failed tries get 429. Tries of a token that matches an invite are never counted nor refused.
         * High enough for a school's or a carrier's shared address.
         */
        @WithDefault("100")
        int tokenFailuresPerWindow();

        @WithDefault("PT10M")
        Duration tokenFailuresWindow();

        /** Failed token tries from all clients together past which an alarm is logged and counted (no refusal). */
        @WithDefault("1000")
        int tokenFailureBudget();

        @WithDefault("PT1H")
        Duration tokenFailureBudgetWindow();
    }
}
