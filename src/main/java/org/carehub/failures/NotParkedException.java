package org.carehub.failures;

/** The journey has no message on any parked queue (never parked, or already retried or discarded). */
public class NotParkedException extends RuntimeException {

    public NotParkedException(String journeyId) {
        super("journey " + journeyId + " is not parked");
    }
}
