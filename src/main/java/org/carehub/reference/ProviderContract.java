package org.carehub.reference;

import java.time.LocalDate;

/** A provider's contract to deliver a service between two dates (validTo null = open-ended). */
public record ProviderContract(String providerRef, String contractRef, String serviceCode, LocalDate validFrom, LocalDate validTo) {

    public boolean coversDate(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
    }
}
