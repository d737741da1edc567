package org.carehub.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A person receiving adult social care, as LAS knows them. Only the LAS person id is required at
 * the door; what finance needs (NHS number, date of birth, address) is checked by the hub's rules
 * so a gap is parked with its reason instead of refused without one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Client(
        @NotBlank @Size(max = 32) String lasPersonId,
        @Size(max = 16) String nhsNumber,
        @Size(max = 20) String title,
        @Size(max = 100) String forename,
        @Size(max = 100) String surname,
        LocalDate dateOfBirth,
        @Valid Address address,
        boolean chargeable,
        LocalDate dateOfDeath) {
}
