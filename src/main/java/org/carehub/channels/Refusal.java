package org.carehub.channels;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.ConstraintViolation;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a sender is told when the hub could not read its input: the catalogue reason code, what was
 * wrong in words, the journey id under which the original was parked, and the fields at fault.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Refusal(String reasonCode, String detail, String journeyId, List<FieldError> fieldErrors) {

    /** One field that broke the contract, by its path in the event (e.g. {@code careLine.startDate}). */
    public record FieldError(String field, String message) {
    }

    public static Refusal of(String reasonCode, String detail) {
        return new Refusal(reasonCode, detail, null, List.of());
    }

    /** A refusal listing each field error, its detail the errors joined in one line. */
    public static Refusal of(String reasonCode, List<FieldError> fieldErrors) {
        List<FieldError> sorted = fieldErrors.stream()
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message)).toList();
        String detail = sorted.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
        return new Refusal(reasonCode, detail, null, sorted);
    }

    /** Bean Validation's violations as field errors, paths as Bean Validation writes them. */
    public static List<FieldError> fieldErrors(Collection<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage()))
                .toList();
    }

    public Refusal withJourneyId(String id) {
        return new Refusal(reasonCode, detail, id, fieldErrors);
    }

    /** The first field at fault, or empty when the whole input was unreadable. */
    public String field() {
        return fieldErrors.isEmpty() ? "" : fieldErrors.get(0).field();
    }
}
