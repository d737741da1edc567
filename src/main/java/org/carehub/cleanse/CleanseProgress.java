package org.carehub.cleanse;

import java.time.Duration;
import java.time.Instant;

/**
 * How far a cleanse is, as REST ({@code /api/cleanses}), JMX and the log show it. During a dry run the number of
 * lines is not known until the end: {@code linesTotal} is then estimated from the share of the file read.
 *
 * @param linesPerSecond over the current run on the hub running it; null when not running
 * @param etaSeconds     at that rate; null when not running
 */
public record CleanseProgress(long cleanseId, String fileName, String checksum, CleanseStatus status, long linesDone,
                              Long linesTotal, boolean totalEstimated, Double linesPerSecond, Long etaSeconds,
                              long wouldChange, long fails, long applied, long rejectedByFinance, String reasonCode,
                              String explanation, String lastError, String uploadedBy, Instant uploadedAt,
                              String applyRequestedBy, Instant updatedAt) {

    static CleanseProgress of(CleanseRecord c) {
        boolean dryRun = c.status() == CleanseStatus.DRY_RUN_REQUESTED;
        Long total = c.linesTotal();
        if (dryRun && c.bytesRead() > 0) {
            total = Math.max(c.linesDone(), Math.round((double) c.linesDone() * c.sizeBytes() / c.bytesRead()));
        }
        Double rate = null;
        Long eta = null;
        if (c.status().runnable() && c.runStartedAt() != null) {
            double seconds = Duration.between(c.runStartedAt(), c.updatedAt()).toMillis() / 1000.0;
            long done = c.linesDone() - c.runStartedDone();
            if (seconds > 0 && done > 0) {
                rate = Math.round(done / seconds * 10) / 10.0;
                eta = total == null ? null : Math.round(Math.max(0, total - c.linesDone()) / rate);
            }
        }
        return new CleanseProgress(c.cleanseId(), c.fileName(), c.checksum(), c.status(), c.linesDone(), total,
                dryRun, rate, eta, c.wouldChange(), c.fails(), c.applied(), c.rejectedByFinance(), c.reasonCode(),
                c.explanation(), c.lastError(), c.uploadedBy(), c.uploadedAt(), c.applyRequestedBy(), c.updatedAt());
    }

    /** One line for the log and JMX. */
    @Override
    public String toString() {
        return "cleanse " + cleanseId + " (" + fileName + ") " + status + ": " + linesDone + "/"
                + (linesTotal == null ? "?" : (totalEstimated ? "~" : "") + linesTotal) + " lines"
                + (linesPerSecond == null ? "" : ", " + linesPerSecond + " lines/s")
                + (etaSeconds == null ? "" : ", ETA " + Duration.ofSeconds(etaSeconds).toString().substring(2).toLowerCase())
                + "; would change " + wouldChange + ", fails " + fails + ", applied " + applied
                + ", rejected by finance " + rejectedByFinance;
    }
}
