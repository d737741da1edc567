package org.carehub.payments;

/** Where a provider's payment is on its way to the bank. */
public enum PaymentStatus {
    /** Taken from finance's run, not checked yet (a run interrupted after taking it checks it when run again). */
    NEW,
    /** Stopped by a check (bank account changed, modulus check failed, a fraction of a penny) and parked for its team. */
    HELD,
    /** Passed the checks; goes into the next file written. */
    READY,
    /** In a released payment file. */
    FILED
}
