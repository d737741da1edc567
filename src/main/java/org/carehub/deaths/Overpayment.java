package org.carehub.deaths;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.carehub.finance.FinanceActual;
import org.carehub.finance.contrOCC.ProviderActual;

/**
 * What finance paid a provider for days after the client's date of death, on one actual: to be recovered.
 * Care on the day of death is due; the days after it are not. An actual wholly after the death is overpaid whole;
 * one spanning the death is overpaid by its share of days after it (amount × days after ÷ days in its period,
 * rounded half up to the penny). A credit note after the death (a negative actual) is the provider giving it back.
 */
public record Overpayment(String financeActualId, String clientId, LocalDate dateOfDeath, String providerRef,
                          String invoiceNumber, String invoiceLine, String careLineId, String elementType,
                          LocalDate periodFrom, LocalDate periodTo, int daysInPeriod, int daysAfterDeath,
                          BigDecimal amountPaid, BigDecimal overpaid) {

    /** The overpayment on an actual whose period ends after the date of death. */
    static Overpayment of(FinanceActual held, LocalDate dateOfDeath) {
        ProviderActual a = held.actual();
        if (!a.getPeriodTo().isAfter(dateOfDeath)) {
            throw new IllegalArgumentException("Actual " + held.financeId() + " ends " + a.getPeriodTo()
                    + ", not after the date of death " + dateOfDeath);
        }
        int daysInPeriod = (int) ChronoUnit.DAYS.between(a.getPeriodFrom(), a.getPeriodTo()) + 1;
        LocalDate firstDayAfter = a.getPeriodFrom().isAfter(dateOfDeath) ? a.getPeriodFrom() : dateOfDeath.plusDays(1);
        int daysAfter = (int) ChronoUnit.DAYS.between(firstDayAfter, a.getPeriodTo()) + 1;
        BigDecimal overpaid = daysAfter == daysInPeriod ? a.getAmount()
                : a.getAmount().multiply(BigDecimal.valueOf(daysAfter)).divide(BigDecimal.valueOf(daysInPeriod), 2, RoundingMode.HALF_UP);
        return new Overpayment(held.financeId(), a.getPersonRef(), dateOfDeath, a.getProviderRef(), a.getInvoiceNumber(),
                a.getLineId(), a.getCpliId(), a.getElementType(), a.getPeriodFrom(), a.getPeriodTo(), daysInPeriod, daysAfter,
                a.getAmount(), overpaid);
    }
}
