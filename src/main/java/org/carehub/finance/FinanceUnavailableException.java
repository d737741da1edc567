package org.carehub.finance;

/**
 * ContrOCC could not be reached or did not answer properly (refused connection, timeout, HTTP 5xx,
 * SOAP fault). A technical failure: the hub redelivers with backoff, then parks.
 */
public class FinanceUnavailableException extends RuntimeException {

    public FinanceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
