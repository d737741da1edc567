package org.carehub.failures;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * How long a parked message has waited, in the council's calendar days (Europe/London by default):
 * failed today, 1-6 days ago, 7-29 days ago, or 30 days ago and more.
 */
public enum AgeBucket {
    TODAY, UNDER_7_DAYS, UNDER_30_DAYS, OLDER;

    /** The bucket of a message by the calendar days since it first failed. */
    public static AgeBucket of(long daysWaiting) {
        if (daysWaiting <= 0) {
            return TODAY;
        }
        return daysWaiting < 7 ? UNDER_7_DAYS : daysWaiting < 30 ? UNDER_30_DAYS : OLDER;
    }

    /**
     * Calendar days between the day the message first failed and today, both in the zone: 0 for a message
     * that failed since local midnight. A message without a first-failed time counts as today's, as in
     * {@link ParkedItem#ageDays}.
     */
    public static long daysWaiting(Instant firstFailedAt, Instant now, ZoneId zone) {
        if (firstFailedAt == null) {
            return 0;
        }
        return ChronoUnit.DAYS.between(LocalDate.ofInstant(firstFailedAt, zone), LocalDate.ofInstant(now, zone));
    }
}
