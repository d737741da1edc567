package org.carehub.cleanse;

/**
 * What became of one care line of a cleanse (table {@code cleanse_line}), with why it fails if it does.
 *
 * @param batchNo the finance batch that carried it (apply), else null
 */
public record LineOutcome(long firstRow, String cpliId, Outcome outcome, Failure failure, Integer batchNo) {

    public enum Outcome { WOULD_CHANGE, FAILS, APPLIED, REJECTED_BY_FINANCE }

    /** A reason from the catalogue, filled in for the line. */
    public record Failure(String reasonCode, String field, String value, String explanation, String fix, String ownerTeam) {
    }
}
