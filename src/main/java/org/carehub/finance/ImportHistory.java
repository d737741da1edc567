package org.carehub.finance;

/** What the caller's own durable record says about earlier attempts at an import: may finance hold it already? */
public enum ImportHistory {
    /**
     * No earlier attempt can have reached finance (the journey ledger shows this is the first): finance is not asked
     * first. Should the ledger be wrong, finance still answers a repeated import reference as a duplicate.
     */
    NEVER_SENT,
    /** An earlier attempt may have reached finance (a redelivery after a crash, a retry): finance is asked first. */
    MAY_HAVE_BEEN_SENT
}
