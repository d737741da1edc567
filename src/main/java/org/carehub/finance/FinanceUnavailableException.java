package org.carehub.finance;

/**
 * ContrOCC could not be reached or did not answer in time. A technical failure: the message is
 * redelivered with backoff, and parked only when finance stays down.
 */
public class FinanceUnavailableException extends RuntimeException {

    public FinanceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public FinanceUnavailableException(String message) {
        super(message);
    }
}
