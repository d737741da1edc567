package org.carehub.cases;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;

/**
 * A sum of money as finance holds it: pounds and pence (trailing zeros aside, at most two decimal places), written
 * in full. A rate of 26.105 would otherwise reach finance as sent (with an authorised override), and 1E+3 is how a
 * spreadsheet mangles a figure, not how LAS writes one.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PoundsAndPence.Check.class)
public @interface PoundsAndPence {

    String message() default "must be pounds and pence with at most 2 decimal places, written in full (e.g. 26.10)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<PoundsAndPence, BigDecimal> {
        @Override
        public boolean isValid(BigDecimal value, ConstraintValidatorContext context) {
            return value == null || (value.scale() >= 0 && value.stripTrailingZeros().scale() <= 2);
        }
    }
}
