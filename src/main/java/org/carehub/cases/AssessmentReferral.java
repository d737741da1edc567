package org.carehub.cases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** LAS asks finance to carry out a financial assessment so the client's contribution is charged. */
public record AssessmentReferral(@NotBlank String lasPersonId, @Size(max = 200) String reason, @Size(max = 100) String referredBy) {
}
