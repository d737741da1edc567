package org.carehub.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** The NHS co-funding of a care line, if any: scheme (CHC, JOINT, S117, local), body and share. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NhsFundingShare(
        @Size(max = 32) String scheme,
        @Size(max = 16) String nhsBody,
        BigDecimal sharePercent) {
}
