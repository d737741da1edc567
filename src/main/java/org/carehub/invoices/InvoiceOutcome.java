package org.carehub.invoices;

import java.util.List;

/** What became of a whole submission (header carehubInvoiceOutcome of the reply). */
public enum InvoiceOutcome {
    ACCEPTED, PART_ACCEPTED, REJECTED,
    /** Not taken at all: unreadable, not an invoice, or a duplicate. */
    REFUSED;

    /** ACCEPTED if every line is (parked lines are neither accepted nor the provider's to fix). */
    static InvoiceOutcome of(List<LineCheck> lines) {
        long accepted = lines.stream().filter(l -> l.outcome() == LineOutcome.ACCEPTED).count();
        if (accepted == lines.size()) {
            return ACCEPTED;
        }
        return accepted > 0 || lines.stream().anyMatch(l -> l.outcome() == LineOutcome.PARKED) ? PART_ACCEPTED : REJECTED;
    }
}
