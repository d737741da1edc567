package org.carehub.failures;

import java.time.Duration;
import java.time.Instant;

/**
 * One parked message as support staff see it: what it is about, why it stopped, who must act and
 * how long it has waited. Identified by its journey id, which stays the same across retries.
 *
 * @param messageId the broker's id of the parked copy (changes when it is retried; for Hawtio's JMX tab only)
 */
public record ParkedItem(String journeyId, String queue, String flow, String reasonCode, String reasonTitle,
                         String explanation, String field, String value, String fix, String ownerTeam,
                         String clientId, String careLineId, String providerRef, Instant firstFailedAt,
                         Instant lastFailedAt, int attempts, String messageId) {

    /** Whole days since the message first failed (0 = failed within the last 24 hours). */
    public long ageDays(Instant now) {
        return firstFailedAt == null ? 0 : Duration.between(firstFailedAt, now).toDays();
    }
}
