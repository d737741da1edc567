package org.carehub.invoices;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carehub.cases.CareLine;
import org.carehub.cases.CareLineElement;
import org.carehub.cases.Client;
import org.carehub.finance.contrOCC.ProviderActual;
import org.carehub.reference.MappingsFixture;
import org.carehub.reference.MappingsLoader;
import org.carehub.reference.ReferenceData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each invoice line check on its own: care lines and clients held in memory, the rate card and reason catalogue
 * from {@link MappingsFixture} (home care personal care at 24.50 until 31 March 2026, 26.10 from 1 April 2026).
 */
class InvoiceChecksTest {

    private static final String PROVIDER = "PRV-001";
    private static final String ALIVE = "LAS-100";
    private static final String DIED = "LAS-200";
    private static final LocalDate DATE_OF_DEATH = LocalDate.of(2026, 1, 10);
    /** A Monday-to-Sunday week in June 2025: 10 planned hours a week are 10 hours here. */
    private static final LocalDate WEEK_FROM = LocalDate.of(2025, 6, 2);
    private static final LocalDate WEEK_TO = LocalDate.of(2025, 6, 8);

    @TempDir
    static Path dir;
    private static InvoiceChecks checks;

    @BeforeAll
    static void checksOverMemory() {
        ReferenceData reference = new MappingsLoader(MappingsFixture.write(dir)).load();
        Map<String, Client> clients = Map.of(ALIVE, client(ALIVE, null), DIED, client(DIED, DATE_OF_DEATH));
        Map<String, List<CareLine>> careLines = Map.of(ALIVE, List.of(homeCare("CPLI-100", ALIVE)),
                DIED, List.of(homeCare("CPLI-200", DIED)));
        checks = new InvoiceChecks(new InvoiceChecks.CareRecords() {
            @Override
            public Optional<Client> client(String clientId) {
                return Optional.ofNullable(clients.get(clientId));
            }

            @Override
            public List<CareLine> careLinesOf(String clientId) {
                return careLines.getOrDefault(clientId, List.of());
            }
        }, reference);
    }

    @Test
    void aLineMatchingItsCareLineInEveryRespectIsAccepted() {
        LineCheck check = only(line("1", ALIVE, "10", "24.50", "245.00"));

        assertThat(check.outcome()).isEqualTo(LineOutcome.ACCEPTED);
        assertThat(check.careLine().cpliId()).isEqualTo("CPLI-100");
        assertThat(check.reasonCode()).isNull();
        assertThat(check.ownerTeam()).isNull();
    }

    @Test
    void aServiceNotCommissionedFromTheProviderIsParkedForCareNavigation() {
        LineCheck check = only(new ProviderInvoice.Line("1", ALIVE, "SUPPORTED_LIVING", "DAY_SUPPORT", WEEK_FROM, WEEK_TO,
                new BigDecimal("2"), new BigDecimal("22.80"), new BigDecimal("45.60"), null, null));

        assertProblem(check, "INVOICE_NO_CARE_LINE", "CARE_NAVIGATION", LineOutcome.PARKED);
        assertThat(check.careLine()).isNull();
    }

    @Test
    void aPeriodBeforeTheCareLineStartedHasNoCareLine() {
        LineCheck check = only(new ProviderInvoice.Line("1", ALIVE, "HOMECARE", "PERSONAL_CARE", LocalDate.of(2025, 3, 24),
                LocalDate.of(2025, 3, 30), new BigDecimal("10"), new BigDecimal("24.50"), new BigDecimal("245.00"), null, null));

        assertProblem(check, "INVOICE_NO_CARE_LINE", "CARE_NAVIGATION", LineOutcome.PARKED);
    }

    @Test
    void aRateNeitherTheCareLinesNorTheCardsIsRejectedToTheProvider() {
        LineCheck check = only(line("1", ALIVE, "10", "25.00", "250.00"));

        assertProblem(check, "INVOICE_RATE_DIFFERS", "PROVIDER", LineOutcome.REJECTED);
        assertThat(check.details()).containsEntry("agreedRate", "24.50").containsEntry("invoicedRate", "25.00");
    }

    @Test
    void theCurrentCardRateOnACareLineStillAtTheOldOneIsParkedForFinance() {
        LineCheck check = only(new ProviderInvoice.Line("1", ALIVE, "HOMECARE", "PERSONAL_CARE", LocalDate.of(2026, 4, 6),
                LocalDate.of(2026, 4, 12), new BigDecimal("10"), new BigDecimal("26.10"), new BigDecimal("261.00"), null, null));

        assertProblem(check, "INVOICE_RATE_CARD_BEHIND", "FINANCE_SYSTEMS", LineOutcome.PARKED);
        assertThat(check.details()).containsEntry("cardFrom", LocalDate.of(2026, 4, 1));
    }

    @Test
    void moreUnitsThanCommissionedForThePeriodAreRejectedToTheProvider() {
        LineCheck check = only(line("1", ALIVE, "12", "24.50", "294.00"));

        assertProblem(check, "INVOICE_UNITS_ABOVE_COMMISSIONED", "PROVIDER", LineOutcome.REJECTED);
        assertThat(check.details()).containsEntry("commissioned", "10");
    }

    @Test
    void careAfterTheClientsDateOfDeathIsParkedForSocialWork() {
        LineCheck check = only(new ProviderInvoice.Line("1", DIED, "HOMECARE", "PERSONAL_CARE", LocalDate.of(2026, 1, 5),
                LocalDate.of(2026, 1, 11), new BigDecimal("10"), new BigDecimal("24.50"), new BigDecimal("245.00"), null, null));

        assertProblem(check, "INVOICE_AFTER_DATE_OF_DEATH", "SOCIAL_WORK", LineOutcome.PARKED);
        assertThat(check.careLine().cpliId()).isEqualTo("CPLI-200");
        assertThat(check.details()).containsEntry("dateOfDeath", DATE_OF_DEATH);
    }

    @Test
    void aLineWhoseAmountIsNotUnitsTimesRateIsRejected() {
        LineCheck check = only(line("1", ALIVE, "10", "24.50", "240.00"));

        assertProblem(check, "INVOICE_TOTALS_WRONG", "PROVIDER", LineOutcome.REJECTED);
        assertThat(check.explanation()).contains("245.00").contains("240.00");
    }

    @Test
    void documentTotalsThatDoNotAddUpRejectEveryLineEvenAGoodOne() {
        ProviderInvoice invoice = invoice(new ProviderInvoice.Totals(new BigDecimal("500.00"), BigDecimal.ZERO,
                new BigDecimal("500.00")), line("1", ALIVE, "10", "24.50", "245.00"), line("2", ALIVE, "10", "24.50", "245.00"));

        List<LineCheck> lines = checks.check(invoice);

        assertThat(lines).hasSize(2).allSatisfy(check -> {
            assertProblem(check, "INVOICE_TOTALS_WRONG", "PROVIDER", LineOutcome.REJECTED);
            assertThat(check.explanation()).contains("490.00").contains("500.00");
        });
    }

    @Test
    void aClientTheCouncilDoesNotKnowIsRejectedToTheProvider() {
        assertProblem(only(line("1", "LAS-999", "10", "24.50", "245.00")), "INVOICE_UNKNOWN_CLIENT", "PROVIDER",
                LineOutcome.REJECTED);
    }

    @Test
    void aLineWithoutClientOrPeriodIsIncompleteAndSaysWhatIsMissing() {
        LineCheck check = only(new ProviderInvoice.Line("1", null, "HOMECARE", "PERSONAL_CARE", null, WEEK_TO,
                new BigDecimal("10"), new BigDecimal("24.50"), new BigDecimal("245.00"), null, null));

        assertProblem(check, "INVOICE_LINE_INCOMPLETE", "PROVIDER", LineOutcome.REJECTED);
        assertThat(check.details()).containsEntry("missing", "client id, period start");
    }

    @Test
    void eachLineOfOneInvoiceIsCheckedOnItsOwn() {
        List<LineCheck> lines = checks.check(invoice(null, line("1", ALIVE, "10", "24.50", "245.00"),
                line("2", ALIVE, "10", "25.00", "250.00"), line("3", "LAS-999", "10", "24.50", "245.00")));

        assertThat(lines).extracting(LineCheck::outcome)
                .containsExactly(LineOutcome.ACCEPTED, LineOutcome.REJECTED, LineOutcome.REJECTED);
        assertThat(lines).extracting(LineCheck::reasonCode)
                .containsExactly(null, "INVOICE_RATE_DIFFERS", "INVOICE_UNKNOWN_CLIENT");
    }

    @Test
    void theOutcomeSaysWhetherAnythingIsPaidHeldOrTheProvidersToCorrect() {
        ProviderInvoice.Line good = line("1", ALIVE, "10", "24.50", "245.00");
        ProviderInvoice.Line wrongRate = line("2", ALIVE, "10", "25.00", "250.00");
        ProviderInvoice.Line afterDeath = new ProviderInvoice.Line("3", DIED, "HOMECARE", "PERSONAL_CARE",
                LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 11), new BigDecimal("10"), new BigDecimal("24.50"),
                new BigDecimal("245.00"), null, null);

        assertThat(outcome(good)).isEqualTo(InvoiceOutcome.ACCEPTED);
        assertThat(outcome(good, wrongRate)).isEqualTo(InvoiceOutcome.PART_ACCEPTED);
        assertThat(outcome(good, afterDeath)).isEqualTo(InvoiceOutcome.PART_ACCEPTED);
        assertThat(outcome(afterDeath)).isEqualTo(InvoiceOutcome.HELD);
        assertThat(outcome(wrongRate, afterDeath)).isEqualTo(InvoiceOutcome.HELD);
        assertThat(outcome(wrongRate)).isEqualTo(InvoiceOutcome.REJECTED);
    }

    @Test
    void aMatchedCreditNoteLineIsANegativeActualAgainstItsCareLine() {
        ProviderInvoice credit = creditNote(line("1", ALIVE, "2", "24.50", "49.00"));

        LineCheck check = checks.check(credit).get(0);
        ProviderActual actual = InvoiceIntake.actual("INV-C1", credit, check);

        assertThat(check.outcome()).isEqualTo(LineOutcome.ACCEPTED);
        assertThat(actual.getCpliId()).isEqualTo("CPLI-100");
        assertThat(actual.getUnits()).isEqualByComparingTo("-2");
        assertThat(actual.getUnitRate()).isEqualByComparingTo("24.50");
        assertThat(actual.getAmount()).isEqualByComparingTo("-49.00");
    }

    @Test
    void anInvoiceLineIsAPositiveActual() {
        ProviderInvoice invoice = invoice(null, line("1", ALIVE, "10", "24.50", "245.00"));

        ProviderActual actual = InvoiceIntake.actual("INV-1", invoice, checks.check(invoice).get(0));

        assertThat(actual.getUnits()).isEqualByComparingTo("10");
        assertThat(actual.getAmount()).isEqualByComparingTo("245.00");
    }

    @Test
    void aCreditNoteLineThatMatchesNoCareLineIsParkedForAccountsPayableNotSentBack() {
        LineCheck check = checks.check(creditNote(line("1", "LAS-999", "2", "24.50", "49.00"))).get(0);

        assertProblem(check, "INVOICE_CREDIT_NOTE_UNMATCHED", "ACCOUNTS_PAYABLE", LineOutcome.PARKED);
        assertThat(check.details()).containsEntry("matchReason", "INVOICE_UNKNOWN_CLIENT");
    }

    @Test
    void aCreditForCareAfterTheDateOfDeathIsTakenAsTheOverpaymentGivenBack() {
        LineCheck check = checks.check(creditNote(new ProviderInvoice.Line("1", DIED, "HOMECARE", "PERSONAL_CARE",
                LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 11), new BigDecimal("10"), new BigDecimal("24.50"),
                new BigDecimal("245.00"), null, null))).get(0);

        assertThat(check.outcome()).isEqualTo(LineOutcome.ACCEPTED);
        assertThat(check.careLine().cpliId()).isEqualTo("CPLI-200");
    }

    @Test
    void aCreditNoteWhoseArithmeticIsWrongGoesBackToTheProvider() {
        LineCheck check = checks.check(creditNote(line("1", ALIVE, "2", "24.50", "50.00"))).get(0);

        assertProblem(check, "INVOICE_TOTALS_WRONG", "PROVIDER", LineOutcome.REJECTED);
    }

    private static ProviderInvoice creditNote(ProviderInvoice.Line... lines) {
        return new ProviderInvoice(PROVIDER, InvoiceFormat.UBL_CREDIT_NOTE, "CN-1", LocalDate.of(2026, 4, 20), "GBP",
                true, null, List.of(lines));
    }

    private static InvoiceOutcome outcome(ProviderInvoice.Line... lines) {
        return InvoiceOutcome.of(checks.check(invoice(null, lines)));
    }

    private static void assertProblem(LineCheck check, String reasonCode, String ownerTeam, LineOutcome outcome) {
        assertThat(check.reasonCode()).isEqualTo(reasonCode);
        assertThat(check.ownerTeam()).isEqualTo(ownerTeam);
        assertThat(check.outcome()).isEqualTo(outcome);
        assertThat(check.explanation()).isNotBlank().doesNotContain("{");
        assertThat(check.fix()).isNotBlank().doesNotContain("{");
    }

    private static LineCheck only(ProviderInvoice.Line line) {
        List<LineCheck> lines = checks.check(invoice(null, line));
        assertThat(lines).hasSize(1);
        return lines.get(0);
    }

    private static ProviderInvoice invoice(ProviderInvoice.Totals totals, ProviderInvoice.Line... lines) {
        return new ProviderInvoice(PROVIDER, InvoiceFormat.CSV_CARE_ACTUALS, "INV-1", LocalDate.of(2026, 4, 20), "GBP",
                false, totals, List.of(lines));
    }

    private static ProviderInvoice.Line line(String lineId, String clientId, String units, String rate, String amount) {
        return new ProviderInvoice.Line(lineId, clientId, "HOMECARE", "PERSONAL_CARE", WEEK_FROM, WEEK_TO,
                new BigDecimal(units), new BigDecimal(rate), new BigDecimal(amount), null, null);
    }

    private static Client client(String id, LocalDate dateOfDeath) {
        return new Client(id, null, null, "Ada", "Test", LocalDate.of(1940, 1, 1), null, true, dateOfDeath);
    }

    /** Home care from Brightwater since April 2025: personal care at the then card rate, 10 hours a week. */
    private static CareLine homeCare(String cpliId, String clientId) {
        return new CareLine(cpliId, clientId, "HOMECARE", PROVIDER, "HC-1", LocalDate.of(2025, 4, 1), null, null,
                List.of(new CareLineElement("PERSONAL_CARE", "hour", new BigDecimal("24.50"), BigDecimal.TEN, null)), null);
    }
}
