package io.tutoring.users;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalTime;
import java.util.UUID;

/** A user's saved notification settings; a user without a row has the defaults of {@link NotificationSettings}. */
@Entity
@Table(name = "user_preferences")
public class UserPreferences extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public UUID userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EmailFrequency email;

    @Column(name = "digest_hour", nullable = false)
    public short digestHour;

    @Column(name = "time_zone")
    public String timeZone;

    @Column(name = "quiet_from")
    public LocalTime quietFrom;

    @Column(name = "quiet_to")
    public LocalTime quietTo;

    @Column(name = "show_message_text", nullable = false)
    public boolean showMessageText;

    /** {@code MONDAY 15:00 19:00} per element. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "office_hours", columnDefinition = "text[]", nullable = false)
    public String[] officeHours;

    @Column(name = "reply_within_hours")
    public Integer replyWithinHours;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
