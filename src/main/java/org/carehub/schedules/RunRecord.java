package org.carehub.schedules;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One run of a scheduled job, as recorded. A skipped run has no id (it is logged and answered, not
 * recorded) and says in {@code note} why it was skipped.
 */
public record RunRecord(
        Long runId,
        String job,
        String period,
        String hub,
        String requestedBy,
        Instant startedAt,
        Instant endedAt,
        RunStatus status,
        Map<String, Long> counts,
        List<String> failures,
        String note) {
}
