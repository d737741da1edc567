package org.carehub.payments;

import java.time.LocalDate;
import java.util.List;
import org.carehub.failures.BusinessRuleViolation;
import org.carehub.finance.ContrOCCPaymentRuns;
import org.carehub.finance.PaymentRun;
import org.carehub.schedules.RunTally;
import org.carehub.schedules.ScheduledJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Scheduled job {@code payment-runs}: its period is one of finance's authorised payment runs (e.g. {@code PR000012}).
 * A run is taken from finance once; each payment is checked (held ones parked for their team); every payment READY
 * then (this run's and held ones released since) goes into this run's payment files, which are made once, checked
 * and released to the AP outbox; then each paid provider gets its remittance advice, once. Running a period again
 * finishes what an interrupted run left (release, remittances) and never writes a second file or advice.
 */
@Component
public class PaymentRunJob implements ScheduledJob {

    public static final String NAME = "payment-runs";
    /** The period while finance has authorised no run at all. */
    static final String NO_RUN_YET = "no-run-yet";
    private static final Logger LOG = LoggerFactory.getLogger(PaymentRunJob.class);

    private final ContrOCCPaymentRuns finance;
    private final PaymentStore store;
    private final PaymentChecks checks;
    private final HeldPayments held;
    private final PaymentFiles files;
    private final Remittances remittances;

    public PaymentRunJob(ContrOCCPaymentRuns finance, PaymentStore store, PaymentChecks checks, HeldPayments held, PaymentFiles files,
                         Remittances remittances) {
        this.finance = finance;
        this.store = store;
        this.checks = checks;
        this.held = held;
        this.files = files;
        this.remittances = remittances;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The oldest authorised run not taken yet; with none new, the latest run (already done, so the schedule skips it). */
    @Override
    public String periodDue(LocalDate today) {
        List<String> authorised = finance.authorisedRuns();
        return authorised.stream().filter(run -> !store.taken(run)).findFirst()
                .orElse(authorised.isEmpty() ? NO_RUN_YET : authorised.get(authorised.size() - 1));
    }

    @Override
    public void run(String runRef, RunTally tally) throws Exception {
        if (runRef.equals(NO_RUN_YET)) {
            return;
        }
        if (!store.taken(runRef)) {
            PaymentRun run = finance.run(runRef)
                    .orElseThrow(() -> new IllegalArgumentException("Finance has no authorised payment run " + runRef));
            store.take(run);
            tally.add("payments taken", run.payments().size());
        }
        for (StoredPayment payment : store.payments(runRef, PaymentStatus.NEW)) {
            try {
                checks.check(payment.payment());
                store.status(payment.paymentRef(), PaymentStatus.NEW, PaymentStatus.READY, null);
            } catch (BusinessRuleViolation stopped) {
                String journeyId = held.hold(payment, stopped);
                tally.count("payments held");
                tally.failure("payment " + payment.paymentRef() + " to " + payment.providerRef() + " held: " + stopped.reasonCode()
                        + " (journey " + journeyId + ")");
            }
        }
        LocalDate paymentDate = store.paymentDate(runRef).orElseThrow();
        List<PaymentFile> runFiles = store.files(runRef);
        if (runFiles.isEmpty()) {
            runFiles = fileReadyPayments(runRef, paymentDate, tally);
        }
        for (PaymentFile file : runFiles) {
            if (!store.released(file.fileName())) {
                files.release(file);
                store.markReleased(file.fileName());
                tally.count("files released");
                LOG.info("Payment file {} released: {} payments, {} pence", file.fileName(), file.transactions(), file.totalPence());
            }
        }
        for (StoredPayment paid : store.toRemit(runRef)) {
            try {
                tally.count("remittances by " + remittances.deliver(paid, paymentDate));
                store.remitted(paid.paymentRef());
            } catch (Exception notSent) {
                // The payment stands; a re-run of the period sends the advice still missing.
                tally.failure("remittance for " + paid.paymentRef() + " to " + paid.providerRef() + " not sent: " + notSent.getMessage());
            }
        }
    }

    private List<PaymentFile> fileReadyPayments(String runRef, LocalDate paymentDate, RunTally tally) {
        List<StoredPayment> ready = store.ready();
        if (ready.isEmpty()) {
            return List.of();
        }
        List<PaymentInstruction> instructions = ready.stream().map(p -> new PaymentInstruction(p.paymentRef(), p.providerRef(),
                p.payment().amount().movePointRight(2).longValueExact(), p.payment().bankAccount())).toList();
        List<PaymentFile> prepared = files.prepare(runRef, paymentDate, instructions);
        store.file(runRef, prepared, ready);
        tally.add("payments filed", ready.size());
        tally.add("pence filed", instructions.stream().mapToLong(PaymentInstruction::pence).sum());
        return prepared;
    }
}
