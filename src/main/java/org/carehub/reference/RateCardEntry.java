package org.carehub.reference;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A locked rate for a service element between two dates (validTo null = open-ended). */
public record RateCardEntry(String serviceCode, String elementCode, String unit, BigDecimal rate,
                            LocalDate validFrom, LocalDate validTo, String framework) {

    public boolean coversDate(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
    }
}
