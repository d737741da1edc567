package org.carehub.cleanse;

/** A request about a cleanse that its state does not allow (apply before the dry run, a wrong checksum, ...). */
public class CleanseRequestException extends RuntimeException {

    public CleanseRequestException(String message) {
        super(message);
    }
}
