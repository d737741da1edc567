package org.carehub.cleanse;

import java.time.Instant;

/** A cleanse as table {@code cleanse} holds it (V13). */
public record CleanseRecord(long cleanseId, String fileName, String checksum, long sizeBytes, long bytesRead,
                            String uploadedBy, Instant uploadedAt, CleanseStatus status, String reasonCode,
                            String explanation, Long linesTotal, long wouldChange, long fails, long linesDone,
                            Instant runStartedAt, long runStartedDone, long appliedThroughRow, long applied,
                            long rejectedByFinance, String applyRequestedBy, String lastError, Instant updatedAt) {
}
