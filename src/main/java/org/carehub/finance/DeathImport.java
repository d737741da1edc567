package org.carehub.finance;

import java.time.LocalDate;

/**
 * A client's death as finance is told it: ContrOCC records the date of death and ends the client's service lines
 * still running after it. The import reference makes a resend harmless, as for every import.
 */
public record DeathImport(String importReference, String personRef, LocalDate dateOfDeath) {
}
