-- Notification settings of a user (issue 13). No row: the defaults (see users/NotificationSettings).
-- office_hours: a tutor's weekly hours, one 'MONDAY 15:00 19:00' per element, in the tutor's time zone.
create table user_preferences (
    user_id             uuid        primary key references app_user (id),
    email               text        not null default 'BATCHED' check (email in ('BATCHED', 'DAILY', 'OFF')),
    digest_hour         smallint    not null default 18 check (digest_hour between 0 and 23),
    time_zone           text,
    quiet_from          time,
    quiet_to            time,
    show_message_text   boolean     not null default true,
    office_hours        text[]      not null default '{}',
    reply_within_hours  integer     check (reply_within_hours between 1 and 168),
    updated_at          timestamptz not null,
    constraint user_preferences_quiet_both check ((quiet_from is null) = (quiet_to is null))
);
