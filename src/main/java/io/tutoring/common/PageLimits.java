package io.tutoring.common;

import jakarta.enterprise.context.ApplicationScoped;

/** Turns a client's {@code limit} into a bounded page size. */
@ApplicationScoped
public class PageLimits {

    private final MessagingConfig config;

    public PageLimits(MessagingConfig config) {
        this.config = config;
    }

    public int resolve(Integer requested) {
        if (requested == null) {
            return config.page().defaultSize();
        }
        if (requested < 1 || requested > config.page().maxSize()) {
            throw ApiException.badRequest("limit must be between 1 and " + config.page().maxSize());
        }
        return requested;
    }
}
