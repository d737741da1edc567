package org.carehub.finance;

import java.time.LocalDate;
import java.util.List;
import org.carehub.finance.contrOCC.ImportResult;

/** Finance's answer to a {@link DeathImport}: the import's outcome and the service lines it ended. */
public record DeathImportResult(ImportResult result, List<CeasedLine> ceasedLines) {

    /**
     * A service line ended because the client died.
     *
     * @param previousEndDate the end date before (null: open-ended)
     * @param endDate         the date of death, or the line's start date when it started after the death
     */
    public record CeasedLine(String cpliId, String personRef, LocalDate previousEndDate, LocalDate endDate) {
    }
}
