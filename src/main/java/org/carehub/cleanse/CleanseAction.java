package org.carehub.cleanse;

import java.util.List;

/** What a row of a bulk cleanse file does to its care line, and the columns it must fill. */
public enum CleanseAction {
    /** Replace the line's elements by the priced elements of its rows (one row per element). */
    SPLIT(List.of(CleanseFile.ELEMENT_CODE, CleanseFile.UNIT, CleanseFile.RATE, CleanseFile.PLANNED_UNITS)),
    /** Move elements of the line to a new framework rate from the effective date (one row per element moved). */
    MOVE_TO_RATE(List.of(CleanseFile.EFFECTIVE_DATE, CleanseFile.ELEMENT_CODE, CleanseFile.RATE)),
    /** End the line on the effective date, for the reason given (one row). */
    END(List.of(CleanseFile.EFFECTIVE_DATE, CleanseFile.END_REASON));

    private final List<String> requiredColumns;

    CleanseAction(List<String> requiredColumns) {
        this.requiredColumns = requiredColumns;
    }

    public List<String> requiredColumns() {
        return requiredColumns;
    }
}
