package io.tutoring.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the API, from {@code messaging.*} (env {@code MESSAGING_*}). */
@ConfigMapping(prefix = "messaging")
public interface MessagingConfig {

    PageConfig page();

    MessageConfig message();

    interface PageConfig {
        @WithDefault("20")
        int defaultSize();

        @WithDefault("100")
        int maxSize();
    }

    interface MessageConfig {
        @WithDefault("5000")
        int maxLength();
    }
}
