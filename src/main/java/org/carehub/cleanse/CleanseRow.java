package org.carehub.cleanse;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One row of a bulk cleanse file, read and checked; cells the action does not use may be null. */
public record CleanseRow(long row, String cpliId, CleanseAction action, LocalDate effectiveDate, String elementCode,
                         String unit, BigDecimal rate, BigDecimal plannedUnitsPerWeek, String endReason) {
}
