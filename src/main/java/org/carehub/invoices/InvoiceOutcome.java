package org.carehub.invoices;

import java.util.List;

/**
 * What became of a whole submission (header carehubInvoiceOutcome of the reply), named for what the provider can
 * expect: paid, partly paid, waiting on the council, or theirs to correct.
 */
public enum InvoiceOutcome {
    /** Every line accepted and sent for payment. */
    ACCEPTED,
    /** Some lines accepted and sent for payment; the others rejected or held. */
    PART_ACCEPTED,
    /** Nothing paid yet, and at least one line held by the council (any others rejected): the number stays taken. */
    HELD,
    /** Every line the provider's to correct: nothing paid or held, so the invoice number may be used again. */
    REJECTED,
    /** Not taken at all: unreadable, not an invoice, or a duplicate. */
    REFUSED;

    static InvoiceOutcome of(List<LineCheck> lines) {
        long accepted = lines.stream().filter(l -> l.outcome() == LineOutcome.ACCEPTED).count();
        if (accepted == lines.size()) {
            return ACCEPTED;
        }
        if (accepted > 0) {
            return PART_ACCEPTED;
        }
        return lines.stream().anyMatch(l -> l.outcome() == LineOutcome.PARKED) ? HELD : REJECTED;
    }
}
