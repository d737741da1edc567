package org.carehub.nhsclaims;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.carehub.finance.CoFundedCareLine;

/**
 * What a co-funded care line cost in one month, and the NHS share of it (docs/nhs-claims.md):
 * <ul>
 * <li>days: the days of the month the line was active, from its start to its end or the client's date of death
 *     (the day of death included: care that day is paid), whichever is first;</li>
 * <li>each element as <b>delivered</b> where finance holds providers' actuals for it over those days (what the
 *     council paid, pro-rated by days where an invoice period runs over the month or past the cut-off), otherwise as
 *     <b>commissioned</b>: rate × planned units a week × days / 7;</li>
 * <li>the month's cost rounded half-up to the penny once per line, and the NHS share of that rounded cost rounded
 *     half-up to the penny; schedule totals are sums of these rounded amounts.</li>
 * </ul>
 */
public record MonthCost(YearMonth month, LocalDate from, LocalDate to, int days, Basis basis, BigDecimal cost) {

    public enum Basis {
        /** No element had actuals: planned units at the commissioned rate. */
        COMMISSIONED,
        /** Every element as paid to the provider. */
        DELIVERED,
        /** Some elements as paid, the others as commissioned. */
        MIXED,
        /** Not active in the month (ended, or the client died, before it): nothing is due. */
        NONE
    }

    private static final BigDecimal SEVEN = BigDecimal.valueOf(7);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int WORKING_SCALE = 10;

    public static MonthCost of(CoFundedCareLine line, YearMonth month) {
        LocalDate from = later(line.startDate(), month.atDay(1));
        LocalDate to = earlier(earlier(line.endDate(), line.dateOfDeath()), month.atEndOfMonth());
        if (to.isBefore(from)) {
            return new MonthCost(month, null, null, 0, Basis.NONE, BigDecimal.ZERO.setScale(2));
        }
        int days = days(from, to);
        BigDecimal cost = BigDecimal.ZERO;
        int delivered = 0;
        for (CoFundedCareLine.Element element : line.elements()) {
            List<CoFundedCareLine.Actual> paid = line.actuals().stream()
                    .filter(a -> a.elementType().equals(element.elementType()) && overlap(a.periodFrom(), a.periodTo(), from, to) > 0)
                    .toList();
            if (paid.isEmpty()) {
                cost = cost.add(element.rate().multiply(element.plannedUnitsPerWeek()).multiply(BigDecimal.valueOf(days))
                        .divide(SEVEN, WORKING_SCALE, RoundingMode.HALF_UP));
            } else {
                delivered++;
                for (CoFundedCareLine.Actual actual : paid) {
                    cost = cost.add(actual.amount().multiply(BigDecimal.valueOf(overlap(actual.periodFrom(), actual.periodTo(), from, to)))
                            .divide(BigDecimal.valueOf(days(actual.periodFrom(), actual.periodTo())), WORKING_SCALE, RoundingMode.HALF_UP));
                }
            }
        }
        Basis basis = delivered == 0 ? Basis.COMMISSIONED : delivered == line.elements().size() ? Basis.DELIVERED : Basis.MIXED;
        return new MonthCost(month, from, to, days, basis, cost.setScale(2, RoundingMode.HALF_UP));
    }

    /** The NHS share of the month's (rounded) cost, rounded half-up to the penny. */
    public BigDecimal nhsShare(BigDecimal sharePercent) {
        return cost.multiply(sharePercent).divide(HUNDRED, 2, RoundingMode.HALF_UP);
    }

    private static int days(LocalDate from, LocalDate to) {
        return (int) ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** Days two date ranges (both ends included) have in common. */
    private static int overlap(LocalDate from1, LocalDate to1, LocalDate from2, LocalDate to2) {
        LocalDate from = later(from1, from2);
        LocalDate to = earlier(to1, to2);
        return to.isBefore(from) ? 0 : days(from, to);
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** The earlier date; a null (open-ended, not dead) is later than any. */
    private static LocalDate earlier(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
