package org.carehub.failures;

/** A failure desk request that cannot be carried out as asked (400): says which field and why. */
public class DeskRequestException extends RuntimeException {

    private final String field;

    public DeskRequestException(String field, String error) {
        super(error);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
