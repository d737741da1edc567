package org.carehub.cleanse;

/** Where a cleanse stands. A hub runs those that are requested; the others wait for a person. */
public enum CleanseStatus {
    /** Uploaded; the dry run is to run (or runs, or will start again after a hub stopped). */
    DRY_RUN_REQUESTED,
    /** The report is ready: an operator reads it and may apply. */
    DRY_RUN_DONE,
    /** Applying, batch by batch (or to be resumed after a hub stopped). */
    APPLY_REQUESTED,
    APPLIED,
    /** The file cannot be read; the reason says why. */
    FAILED,
    /** The upload was refused (too large); what was received is kept. */
    REFUSED;

    public boolean runnable() {
        return this == DRY_RUN_REQUESTED || this == APPLY_REQUESTED;
    }
}
