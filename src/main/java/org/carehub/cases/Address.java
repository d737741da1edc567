package org.carehub.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Size;

/** A postal address as LAS holds it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Address(
        @Size(max = 100) String line1,
        @Size(max = 100) String line2,
        @Size(max = 60) String town,
        @Size(max = 10) String postcode) {
}
