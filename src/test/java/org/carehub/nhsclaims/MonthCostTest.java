package org.carehub.nhsclaims;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.carehub.finance.CoFundedCareLine;
import org.junit.jupiter.api.Test;

/** A month's cost of one care line, worked out by hand in the comments. */
class MonthCostTest {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    @Test
    void anEndDateAndAnEarlierDateOfDeathCutTheMonthAtTheDeath() {
        // active 1-12 Oct (died 12th, line ends 20th) = 12 days; 24.00 x 7 x 12 / 7 = 288.00
        MonthCost cost = MonthCost.of(line("2026-09-01", "2026-10-20", "2026-10-12", List.of()), OCTOBER);
        assertThat(cost.days()).isEqualTo(12);
        assertThat(cost.cost()).isEqualByComparingTo("288.00");
        // 33.3333% of 288.00 = 95.999904 -> 96.00
        assertThat(cost.nhsShare(new BigDecimal("33.3333"))).isEqualByComparingTo("96.00");
    }

    @Test
    void anInvoiceOverTwoMonthsCountsForTheDaysInThisOne() {
        // paid 620.00 for 17 Oct - 15 Nov (30 days): 15 of them (17-31) in October -> 620 x 15 / 30 = 310.00
        MonthCost cost = MonthCost.of(line("2026-09-01", null, null,
                List.of(new CoFundedCareLine.Actual("DOM-PC", LocalDate.parse("2026-10-17"), LocalDate.parse("2026-11-15"),
                        new BigDecimal("620.00")))), OCTOBER);
        assertThat(cost.basis()).isEqualTo(MonthCost.Basis.DELIVERED);
        assertThat(cost.cost()).isEqualByComparingTo("310.00");
    }

    @Test
    void aLineEndedBeforeTheMonthCostsNothing() {
        MonthCost cost = MonthCost.of(line("2026-09-01", "2026-09-30", null, List.of()), OCTOBER);
        assertThat(cost.basis()).isEqualTo(MonthCost.Basis.NONE);
        assertThat(cost.days()).isZero();
        assertThat(cost.nhsShare(BigDecimal.valueOf(100))).isEqualByComparingTo("0.00");
    }

    private static CoFundedCareLine line(String start, String end, String death, List<CoFundedCareLine.Actual> actuals) {
        return new CoFundedCareLine("CPLI-1", "P-1", "9434765919", "Ann", "Lee", death == null ? null : LocalDate.parse(death),
                LocalDate.parse(start), end == null ? null : LocalDate.parse(end), "JOINT", "QWE", BigDecimal.valueOf(50),
                List.of(new CoFundedCareLine.Element("DOM-PC", new BigDecimal("24.00"), BigDecimal.valueOf(7))), actuals);
    }
}
