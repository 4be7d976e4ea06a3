package io.tutoring.common;

import io.tutoring.common.failures.InvalidInput;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns a client's {@code limit} into a bounded page size. */
@ApplicationScoped
public class PageLimits {

    private final MessagingConfig config;

    public PageLimits(MessagingConfig config) {
        this.config = config;
    }

    /** Takes the raw query value so that "ten" is a clear 400 rather than the framework's 404. */
    public int resolve(String raw) {
        if (raw == null || raw.isBlank()) {
            return config.page().defaultSize();
        }
        int requested;
        try {
            requested = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            requested = -1;
        }
        if (requested < 1 || requested > config.page().maxSize()) {
            throw new InvalidInput("limit must be between 1 and " + config.page().maxSize());
        }
        return requested;
    }
}
