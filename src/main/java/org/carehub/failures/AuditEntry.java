package org.carehub.failures;

import java.time.OffsetDateTime;

/**
 * One operator action on a parked message as the audit keeps it.
 *
 * @param before what the message held before the action (the edited field's value; the whole payload for a discard)
 * @param after  what it holds after (the edited field's new value)
 * @param outcome what came of it: RETRIED, RESUBMITTED, DISCARDED, NOT_FOUND, REFUSED: ..., FAILED: ...
 */
public record AuditEntry(OffsetDateTime at, String operator, String action, String journeyId, String queue,
                         String reasonCode, String why, String before, String after, String outcome) {
}
