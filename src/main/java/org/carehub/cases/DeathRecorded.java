package org.carehub.cases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** LAS recorded a client's date of death. */
public record DeathRecorded(@NotBlank String lasPersonId, @NotNull LocalDate dateOfDeath) {
}
