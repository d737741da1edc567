package org.carehub.schedules;

/** Where a scheduled run is. */
public enum RunStatus {
    /** Started and not yet ended (or the hub died during it: the lock expires and the period can be re-run). */
    RUNNING,
    /** Ended with every item done. */
    DONE,
    /** Ended; some items failed and were parked or skipped, each named in the run's failures. */
    DONE_WITH_FAILURES,
    /** Stopped by an error; nothing after the error was done, and the period can be re-run. */
    FAILED,
    /** Not run: another hub holds the job's lock, or a scheduled run found the period already done. */
    SKIPPED
}
