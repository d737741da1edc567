package org.carehub.deaths;

import java.time.LocalDate;

/**
 * One death the registrar / NHS feed notified, as it travels on {@code carehub.deaths.notifications}.
 *
 * @param nhsNumber may be missing: then the person is matched by name and date of birth only, for a person to confirm
 * @param source    who sent it (e.g. REGISTRAR, NHS-PDS); with the reference it names the notification
 * @param reference the source's own reference for the notification
 * @param feedFile  the file it came in, and its line there
 */
public record DeathNotification(String nhsNumber, String forename, String surname, LocalDate dateOfBirth,
                                LocalDate dateOfDeath, String source, String reference, String feedFile, int feedLine) {

    /** The notification's identity: the same source and reference sent again is the same notification. */
    public String key() {
        return source + ":" + reference;
    }

    public boolean hasNhsNumber() {
        return nhsNumber != null && !nhsNumber.isBlank();
    }
}
