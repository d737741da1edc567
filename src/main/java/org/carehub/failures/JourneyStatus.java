package org.carehub.failures;

/** Where a journey stands. Every accepted message ends DELIVERED or PARKED; REFUSED input is parked too. */
public enum JourneyStatus {
    /** Accepted at the door, not yet on the broker. */
    ACCEPTING,
    /** On the broker, waiting to be processed. */
    QUEUED,
    IN_PROGRESS,
    DELIVERED,
    PARKED,
    /** Input that could not be read at all: the sender was told why and a copy is parked. */
    REFUSED,
    /** Taken off the parked queue for good by an operator, with the reason in the failure desk audit. */
    DISCARDED
}
