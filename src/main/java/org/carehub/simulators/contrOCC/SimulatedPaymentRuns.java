package org.carehub.simulators.contrOCC;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carehub.finance.PaymentRun;
import org.carehub.finance.PaymentRun.BankAccount;
import org.carehub.finance.PaymentRun.PaidLine;
import org.carehub.finance.PaymentRun.ProviderPayment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The simulated ContrOCC's payment runs: finance pays each provider, in one authorised run, the actuals it recorded
 * and has not paid yet, to the bank account it holds for the provider. As in ContrOCC, an actual is paid in one run
 * only, a provider whose actuals net to nothing or less (credit notes) is not paid, and one without bank details
 * cannot be paid. Tables {@code sim_contrOCC_provider_bank} and {@code sim_contrOCC_payment*} (simulator V3).
 */
@Component
@ConditionalOnContrOCCSimulator
public class SimulatedPaymentRuns {

    private static final String RUN_PREFIX = "PR";
    private static final String PAYMENT_PREFIX = "PY";

    private final JdbcTemplate jdbc;
    private final ContrOCCSimulatorStore store;

    SimulatedPaymentRuns(JdbcTemplate jdbc, ContrOCCSimulatorStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    /** Authorises a run paying every provider its unpaid actuals; empty when nothing is due to anyone. */
    @Transactional
    public Optional<PaymentRun> publish(LocalDate paymentDate) {
        Map<String, List<DueLine>> due = new LinkedHashMap<>();
        jdbc.query("""
                SELECT a.* FROM sim_contrOCC_provider_actual a
                LEFT JOIN sim_contrOCC_payment_item i ON i.actual_reference = a.import_reference
                WHERE i.payment_id IS NULL ORDER BY a.provider_ref, a.actual_id""", (ResultSet rs) -> {
            due.computeIfAbsent(rs.getString("provider_ref"), p -> new ArrayList<>()).add(new DueLine(rs.getString("import_reference"),
                    new PaidLine(rs.getString("invoice_id"), rs.getString("invoice_number"), rs.getString("line_id"),
                            rs.getString("person_ref"), rs.getString("cpli_id"), rs.getObject("period_from", LocalDate.class),
                            rs.getObject("period_to", LocalDate.class), rs.getBigDecimal("amount"))));
        });
        List<Payable> payable = new ArrayList<>();
        due.forEach((provider, lines) -> {
            BigDecimal total = lines.stream().map(l -> l.line().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
            Optional<BankAccount> bank = bankAccount(provider);
            if (total.signum() > 0 && bank.isPresent()) {
                payable.add(new Payable(provider, total, bank.get(), lines));
            }
        });
        return payable.isEmpty() ? Optional.empty() : Optional.of(insertRun(paymentDate, payable));
    }

    /**
     * Authorises a run of the given payments as they stand, bank accounts taken from finance's records when a payment
     * names none. A test and demo control: it lets a run carry what finance should never send (a fraction of a
     * penny), to show the hub stops it.
     */
    @Transactional
    public PaymentRun publish(LocalDate paymentDate, List<ProviderPayment> payments) {
        List<Payable> payable = payments.stream().map(p -> new Payable(p.providerRef(), p.amount(),
                p.bankAccount() != null ? p.bankAccount() : bankAccount(p.providerRef()).orElseThrow(
                        () -> new IllegalArgumentException("finance holds no bank account for " + p.providerRef())),
                p.lines().stream().map(line -> new DueLine(null, line)).toList())).toList();
        return insertRun(paymentDate, payable);
    }

    /** References of every authorised run, oldest first. */
    public List<String> runRefs() {
        return jdbc.queryForList("SELECT run_id FROM sim_contrOCC_payment_run ORDER BY run_id", Long.class).stream()
                .map(id -> ContrOCCSimulatorStore.financeId(RUN_PREFIX, id)).toList();
    }

    public Optional<PaymentRun> run(String runRef) {
        if (runRef == null || !runRef.matches(RUN_PREFIX + "\\d{1,18}")) {
            return Optional.empty();
        }
        long runId = Long.parseLong(runRef.substring(RUN_PREFIX.length()));
        return jdbc.query("SELECT * FROM sim_contrOCC_payment_run WHERE run_id = ?", (rs, n) -> new PaymentRun(runRef,
                rs.getObject("payment_date", LocalDate.class), rs.getTimestamp("authorised_at").toInstant(), payments(runId)), runId)
                .stream().findFirst();
    }

    public Optional<BankAccount> bankAccount(String providerRef) {
        return jdbc.query("SELECT * FROM sim_contrOCC_provider_bank WHERE provider_ref = ?", (rs, n) -> new BankAccount(
                rs.getString("sort_code"), rs.getString("account_number"), rs.getString("account_name")), providerRef)
                .stream().findFirst();
    }

    /** Finance records new bank details for a provider (as after a change request); later runs pay there. */
    public void changeBankAccount(String providerRef, BankAccount account) {
        Timestamp now = Timestamp.from(Instant.now());
        if (jdbc.update("UPDATE sim_contrOCC_provider_bank SET sort_code = ?, account_number = ?, account_name = ?, updated_at = ?"
                + " WHERE provider_ref = ?", account.sortCode(), account.accountNumber(), account.accountName(), now, providerRef) == 0) {
            jdbc.update("INSERT INTO sim_contrOCC_provider_bank (provider_ref, sort_code, account_number, account_name, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?)", providerRef, account.sortCode(), account.accountNumber(), account.accountName(), now);
        }
    }

    private List<ProviderPayment> payments(long runId) {
        return jdbc.query("SELECT * FROM sim_contrOCC_payment WHERE run_id = ? ORDER BY payment_id", (rs, n) -> {
            long paymentId = rs.getLong("payment_id");
            return new ProviderPayment(ContrOCCSimulatorStore.financeId(PAYMENT_PREFIX, paymentId), rs.getString("provider_ref"), rs.getBigDecimal("amount"),
                    new BankAccount(rs.getString("sort_code"), rs.getString("account_number"), rs.getString("account_name")),
                    jdbc.query("SELECT * FROM sim_contrOCC_payment_item WHERE payment_id = ? ORDER BY item_no", (ir, m) -> new PaidLine(
                            ir.getString("invoice_id"), ir.getString("invoice_number"), ir.getString("line_id"), ir.getString("person_ref"),
                            ir.getString("cpli_id"), ir.getObject("period_from", LocalDate.class), ir.getObject("period_to", LocalDate.class),
                            ir.getBigDecimal("amount")), paymentId));
        }, runId);
    }

    private PaymentRun insertRun(LocalDate paymentDate, List<Payable> payable) {
        long runId = store.insert("INSERT INTO sim_contrOCC_payment_run (payment_date, authorised_at) VALUES (?, ?)", "run_id",
                paymentDate, Timestamp.from(Instant.now()));
        for (Payable p : payable) {
            long paymentId = store.insert("INSERT INTO sim_contrOCC_payment (run_id, provider_ref, amount, sort_code, account_number,"
                    + " account_name) VALUES (?, ?, ?, ?, ?, ?)", "payment_id", runId, p.providerRef(), p.amount(),
                    p.bank().sortCode(), p.bank().accountNumber(), p.bank().accountName());
            int itemNo = 0;
            for (DueLine due : p.lines()) {
                PaidLine line = due.line();
                jdbc.update("INSERT INTO sim_contrOCC_payment_item (payment_id, item_no, actual_reference, invoice_id, invoice_number,"
                        + " line_id, person_ref, cpli_id, period_from, period_to, amount) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        paymentId, ++itemNo, due.actualReference(), line.invoiceId(), line.invoiceNumber(), line.lineId(),
                        line.clientRef(), line.careLineId(), line.periodFrom(), line.periodTo(), line.amount());
            }
        }
        return run(ContrOCCSimulatorStore.financeId(RUN_PREFIX, runId)).orElseThrow();
    }

    private record DueLine(String actualReference, PaidLine line) {
    }

    private record Payable(String providerRef, BigDecimal amount, BankAccount bank, List<DueLine> lines) {
    }
}
