package org.carehub.cleanse;

/** No cleanse has this id. */
public class CleanseNotFoundException extends RuntimeException {

    public CleanseNotFoundException(long cleanseId) {
        super("No cleanse " + cleanseId);
    }
}
