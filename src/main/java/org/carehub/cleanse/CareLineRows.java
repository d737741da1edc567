package org.carehub.cleanse;

import java.util.List;
import org.carehub.failures.BusinessRuleViolation;

/**
 * The consecutive rows of one care line in a bulk cleanse file. {@code problem} is the first thing wrong with
 * them (naming row and column), or null; a line with a problem keeps the rows read before it went wrong.
 */
public record CareLineRows(String cpliId, long firstRow, List<CleanseRow> rows, BusinessRuleViolation problem) {

    public CareLineRows {
        rows = List.copyOf(rows);
    }

    public boolean readable() {
        return problem == null;
    }
}
