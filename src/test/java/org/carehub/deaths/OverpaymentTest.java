package org.carehub.deaths;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.carehub.deaths.Overpayments.RecoveryList;
import org.carehub.finance.FinanceActual;
import org.carehub.finance.contrOCC.ProviderActual;
import org.junit.jupiter.api.Test;

/** The overpayment on an actual, worked by hand: care is due to the day of death, not after it. */
class OverpaymentTest {

    private static final LocalDate DIED = LocalDate.of(2026, 4, 20);

    @Test
    void an_actual_spanning_the_death_is_overpaid_by_its_days_after_it() {
        // 6 April to 3 May is 28 days; 21 April to 3 May, after the death, is 13: 1,044.00 × 13 / 28 = 484.714... → 484.71
        Overpayment o = Overpayment.of(actual("PA000001", "2026-04-06", "2026-05-03", "1044.00"), DIED);

        assertThat(o.daysInPeriod()).isEqualTo(28);
        assertThat(o.daysAfterDeath()).isEqualTo(13);
        assertThat(o.amountPaid()).isEqualByComparingTo("1044.00");
        assertThat(o.overpaid()).isEqualTo(new BigDecimal("484.71"));
        assertThat(o.clientId()).isEqualTo("LAS-1");
        assertThat(o.careLineId()).isEqualTo("CPLI-1");
    }

    @Test
    void an_actual_wholly_after_the_death_is_overpaid_whole_and_the_day_of_death_is_due() {
        Overpayment after = Overpayment.of(actual("PA000002", "2026-05-04", "2026-05-10", "261.00"), DIED);
        // 20 April (the day of death) to 26 April: 7 days, 6 after the death: 182.70 × 6 / 7 = 156.60
        Overpayment fromTheDay = Overpayment.of(actual("PA000003", "2026-04-20", "2026-04-26", "182.70"), DIED);

        assertThat(after.overpaid()).isEqualTo(new BigDecimal("261.00"));
        assertThat(after.daysAfterDeath()).isEqualTo(7);
        assertThat(fromTheDay.daysAfterDeath()).isEqualTo(6);
        assertThat(fromTheDay.overpaid()).isEqualTo(new BigDecimal("156.60"));
    }

    @Test
    void a_credit_note_after_the_death_is_money_given_back_and_an_actual_ending_by_the_death_is_no_overpayment() {
        Overpayment credit = Overpayment.of(actual("PA000004", "2026-05-04", "2026-05-10", "-261.00"), DIED);

        assertThat(credit.overpaid()).isEqualTo(new BigDecimal("-261.00"));
        assertThatThrownBy(() -> Overpayment.of(actual("PA000005", "2026-04-13", "2026-04-20", "208.80"), DIED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not after the date of death");
    }

    @Test
    void the_csv_neutralises_formula_text_but_keeps_a_credit_a_number() {
        Overpayment credit = Overpayment.of(actual("PA000004", "2026-05-04", "2026-05-10", "-261.00"), DIED);
        Overpayment formula = new Overpayment("PA000006", "LAS-1", DIED, "PRV-001", "=HYPERLINK(\"x\")", "1", "CPLI-1",
                "PERSONAL_CARE", DIED.plusDays(1), DIED.plusDays(7), 7, 7, new BigDecimal("10.00"), new BigDecimal("10.00"));

        String csv = Overpayments.csv(new RecoveryList(List.of(credit, formula), new BigDecimal("-251.00")));

        assertThat(csv.lines().toList()).containsExactly(
                String.join(",", Overpayments.HEADER),
                "PA000004,LAS-1,2026-04-20,PRV-001,INV-1,2,CPLI-1,PERSONAL_CARE,2026-05-04,2026-05-10,7,7,-261.00,-261.00",
                "PA000006,LAS-1,2026-04-20,PRV-001,\"'=HYPERLINK(\"\"x\"\")\",1,CPLI-1,PERSONAL_CARE,2026-04-21,2026-04-27,7,7,10.00,10.00");
    }

    private static FinanceActual actual(String financeId, String from, String to, String amount) {
        ProviderActual a = new ProviderActual();
        a.setProviderRef("PRV-001");
        a.setInvoiceId("INV-ID-1");
        a.setInvoiceNumber("INV-1");
        a.setLineId("2");
        a.setPersonRef("LAS-1");
        a.setCpliId("CPLI-1");
        a.setElementType("PERSONAL_CARE");
        a.setPeriodFrom(LocalDate.parse(from));
        a.setPeriodTo(LocalDate.parse(to));
        a.setUnits(BigDecimal.TEN);
        a.setUnitRate(new BigDecimal("26.10"));
        a.setAmount(new BigDecimal(amount));
        return new FinanceActual(financeId, a);
    }
}
