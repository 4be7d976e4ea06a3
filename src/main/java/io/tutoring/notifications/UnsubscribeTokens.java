package io.tutoring.notifications;

import io.tutoring.common.failures.Gone;
import io.tutoring.common.failures.InvalidInput;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * The token of a mail's unsubscribe link: {@code base64url(userId.kind.expiry)} + {@code .} +
 * {@code base64url(HMAC-SHA256(secret, that payload))}; expiry is epoch seconds, 0 for none. It names the user and the
 * kind of mail, works without a session, and nobody can make one without the secret. Nothing is stored.
 */
@ApplicationScoped
public class UnsubscribeTokens {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(UnsubscribeTokens.class);

    /** Who and which kind of mail a valid token names. */
    public record Claims(UUID userId, MailKind kind) {
    }

    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();
    private static final String INVALID = "This unsubscribe link is not valid; use the link of a recent mail, or "
            + "change your settings after signing in";

    private final SecretKeySpec key;
    private final NotificationsConfig config;
    private final Clock clock;

    public UnsubscribeTokens(NotificationsConfig config, Clock clock) {
        byte[] secret;
        if (config.unsubscribe().secret().filter(s -> !s.isBlank()).isPresent()) {
            String given = config.unsubscribe().secret().get();
            if (given.length() < 32) {
                throw new IllegalStateException("UNSUBSCRIBE_SECRET must have at least 32 characters");
            }
            secret = given.getBytes(StandardCharsets.UTF_8);
        } else {
            secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            LOG.warn("UNSUBSCRIBE_SECRET is not set: unsubscribe links of this instance's mails work only on this "
                    + "instance and only until it restarts. Set it (32+ characters, the same on every instance).");
        }
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.config = config;
        this.clock = clock;
    }

    public String sign(UUID userId, MailKind kind) {
        long expiry = config.unsubscribe().ttl().map(ttl -> clock.instant().plus(ttl).getEpochSecond()).orElse(0L);
        byte[] payload = (userId + "." + kind.token() + "." + expiry).getBytes(StandardCharsets.UTF_8);
        return ENCODE.encodeToString(payload) + "." + ENCODE.encodeToString(mac(payload));
    }

    /** The claims of a token this service signed: {@link InvalidInput} if it did not, {@link Gone} if expired. */
    public Claims verify(String token) {
        if (token == null || token.length() > 200) {
            throw InvalidInput.field("token", INVALID);
        }
        int dot = token.indexOf('.');
        try {
            byte[] payload = DECODE.decode(token.substring(0, Math.max(dot, 0)));
            byte[] given = DECODE.decode(token.substring(dot + 1));
            if (dot < 1 || !MessageDigest.isEqual(mac(payload), given)) {
                throw InvalidInput.field("token", INVALID);
            }
            String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\.");
            MailKind kind = parts.length == 3 ? MailKind.ofToken(parts[1]) : null;
            if (kind == null) {
                throw InvalidInput.field("token", INVALID);
            }
            long expiry = Long.parseLong(parts[2]);
            if (expiry != 0 && clock.instant().isAfter(Instant.ofEpochSecond(expiry))) {
                throw new Gone("This unsubscribe link has expired; use the link of a recent mail, or change your "
                        + "settings after signing in");
            }
            return new Claims(UUID.fromString(parts[0]), kind);
        } catch (IllegalArgumentException e) {
            throw InvalidInput.field("token", INVALID);
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
