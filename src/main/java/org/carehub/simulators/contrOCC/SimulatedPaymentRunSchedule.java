package org.carehub.simulators.contrOCC;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import org.carehub.finance.PaymentRun;
import org.carehub.finance.PaymentRun.BankAccount;
import org.carehub.finance.contrOCC.ProviderActual;
import org.carehub.finance.contrOCC.ServiceLine;
import org.carehub.finance.contrOCC.ServiceLineElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finance's side of payments in the default run ({@code carehub.simulators.controcc.payment-runs.enabled}): every
 * interval, last week's commissioned care on each service line is recorded as delivered (as if the providers'
 * invoices had been accepted) and a payment run is authorised for every provider owed money. Once, after the first
 * run, the bank account of the provider it paid most is changed, so the hub's fraud control holds that provider's next
 * payment for Accounts Payable.
 */
@Component
@ConditionalOnContrOCCSimulator
@ConditionalOnProperty(prefix = "carehub.simulators.controcc.payment-runs", name = "enabled", havingValue = "true")
class SimulatedPaymentRunSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedPaymentRunSchedule.class);
    /** The demo's changed account: a Vocalink test account, so only the fraud control stops it. */
    private static final BankAccount CHANGED_ACCOUNT = new BankAccount("309070", "12345668", "New account");

    private final ContrOCCSimulator simulator;
    private final SimulatedPaymentRuns runs;
    private final AtomicInteger published = new AtomicInteger();

    SimulatedPaymentRunSchedule(ContrOCCSimulator simulator, SimulatedPaymentRuns runs) {
        this.simulator = simulator;
        this.runs = runs;
    }

    @Scheduled(initialDelayString = "${carehub.simulators.controcc.payment-runs.initial-delay-ms:60000}",
            fixedDelayString = "${carehub.simulators.controcc.payment-runs.interval-ms:300000}")
    void payLastWeeksCare() {
        LocalDate monday = LocalDate.now().with(TemporalAdjusters.previous(DayOfWeek.MONDAY)).minusWeeks(1);
        simulator.serviceLines(null, null).forEach(line -> recordWeek(line.line(), monday));
        runs.publish(LocalDate.now().plusDays(2)).ifPresent(run -> {
            LOG.info("Simulated finance authorised payment run {}: {} provider payment(s)", run.runRef(), run.payments().size());
            if (published.incrementAndGet() == 1) {
                String provider = run.payments().stream().max(Comparator.comparing(PaymentRun.ProviderPayment::amount))
                        .orElseThrow().providerRef();
                runs.changeBankAccount(provider, CHANGED_ACCOUNT);
                LOG.info("Simulated finance: {} asked to be paid to a new bank account from its next payment", provider);
            }
        });
    }

    /** The line's first element for the week, once per line and week (the import reference says which). */
    private void recordWeek(ServiceLine line, LocalDate monday) {
        if (line.getElements().isEmpty() || line.getStartDate().isAfter(monday.plusDays(6))
                || line.getEndDate() != null && line.getEndDate().isBefore(monday)) {
            return;
        }
        ServiceLineElement element = line.getElements().get(0);
        BigDecimal amount = element.getPlannedUnitsPerWeek().multiply(element.getRate());
        if (amount.stripTrailingZeros().scale() > 2 || amount.signum() <= 0) {
            return; // providers invoice whole pence: this line's week would need rounding, so the demo leaves it out
        }
        String invoiceId = "DEMO-" + line.getCpliId() + "-" + monday;
        ProviderActual actual = new ProviderActual();
        actual.setProviderRef(line.getProviderRef());
        actual.setInvoiceId(invoiceId);
        actual.setInvoiceNumber("W" + monday + "-" + line.getCpliId());
        actual.setLineId("1");
        actual.setPersonRef(line.getPersonRef());
        actual.setCpliId(line.getCpliId());
        actual.setElementType(element.getElementType());
        actual.setPeriodFrom(monday);
        actual.setPeriodTo(monday.plusDays(6));
        actual.setUnits(element.getPlannedUnitsPerWeek());
        actual.setUnitRate(element.getRate());
        actual.setAmount(amount.setScale(2));
        simulator.recordActuals(invoiceId + "/1", actual);
    }
}
