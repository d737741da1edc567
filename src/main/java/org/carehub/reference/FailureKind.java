package org.carehub.reference;

/** Business failures are parked at once; technical ones are redelivered with backoff first. */
public enum FailureKind {
    BUSINESS,
    TECHNICAL
}
