package org.carehub.invoices;

/** What became of one invoice line. */
public enum LineOutcome {
    /** Matched and checked: sent to ContrOCC to be paid. */
    ACCEPTED,
    /** Wrong in a way the provider fixes: sent back with the reason and the fix. */
    REJECTED,
    /** Held for a council team (the reason's owner): the provider is told the council is on it. */
    PARKED
}
