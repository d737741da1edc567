package org.carehub.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A rate that departs from the locked rate card. It counts only when someone authorised it, with a
 * reason and a date: the seeds' hand-overridden rates are what this guards against.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RateOverride(
        @Size(max = 100) String authorisedBy,
        @Size(max = 500) String reason,
        LocalDate authorisedOn) {

    public boolean isAuthorised() {
        return authorisedBy != null && !authorisedBy.isBlank()
                && reason != null && !reason.isBlank()
                && authorisedOn != null;
    }
}
