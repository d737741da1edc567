package org.carehub.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** One priced element of a care line: what is bought, in what unit, at what rate, how much a week. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CareLineElement(
        @NotBlank @Size(max = 32) String elementCode,
        @NotBlank @Size(max = 16) String unit,
        @NotNull @PositiveOrZero @PoundsAndPence BigDecimal rate,
        @NotNull BigDecimal plannedUnitsPerWeek,
        @Valid RateOverride rateOverride) {
}
