package org.carehub.failures;

import java.time.Instant;
import java.util.List;

/**
 * The backlog at a glance: how many messages are parked, why, for how long and whose move it is,
 * and the longest-waiting ones.
 *
 * @param counts one row per reason × owner team × age bucket that has anything parked
 * @param oldest the longest-waiting parked messages, oldest first
 */
public record BacklogView(Instant generatedAt, long totalParked, List<BacklogCount> counts, List<ParkedItem> oldest) {
}
