package org.carehub.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A care line finance holds with NHS co-funding, as ContrOCC's co-funded care extract gives it: the service line
 * (dates, elements, NHS funding), the client's NHS number, name and date of death, and the providers' actuals
 * finance accepted for it in the period asked.
 */
public record CoFundedCareLine(
        String cpliId,
        String personRef,
        String nhsNumber,
        String forename,
        String surname,
        LocalDate dateOfDeath,
        LocalDate startDate,
        LocalDate endDate,
        String scheme,
        String nhsBody,
        BigDecimal sharePercent,
        List<Element> elements,
        List<Actual> actuals) {

    /** A priced element as commissioned: ContrOCC element type, rate and planned units a week. */
    public record Element(String elementType, BigDecimal rate, BigDecimal plannedUnitsPerWeek) {
    }

    /** A provider's accepted invoice line: what finance paid for the element over the period (credits negative). */
    public record Actual(String elementType, LocalDate periodFrom, LocalDate periodTo, BigDecimal amount) {
    }

    public String clientName() {
        return ((forename == null ? "" : forename + " ") + (surname == null ? "" : surname)).trim();
    }
}
