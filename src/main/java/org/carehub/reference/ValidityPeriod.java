package org.carehub.reference;

import java.time.LocalDate;

/** The dates a contract or a rate is in force, both inclusive; {@code to} null means open-ended. */
record ValidityPeriod(LocalDate from, LocalDate to) {

    boolean overlaps(ValidityPeriod other) {
        return (other.to == null || !from.isAfter(other.to)) && (to == null || !other.from.isAfter(to));
    }

    @Override
    public String toString() {
        return to == null ? from + " onwards" : from + " to " + to;
    }
}
