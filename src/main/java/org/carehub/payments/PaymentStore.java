package org.carehub.payments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.carehub.finance.PaymentRun;
import org.carehub.finance.PaymentRun.BankAccount;
import org.carehub.finance.PaymentRun.PaidLine;
import org.carehub.finance.PaymentRun.ProviderPayment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** The hub's record of payment runs taken, payments, files and bank accounts (tables of V6): SQL for H2 and PostgreSQL. */
@Repository
public class PaymentStore {

    private static final TypeReference<List<PaidLine>> LINES = new TypeReference<>() { };
    private static final String PAYMENTS = "SELECT p.*, r.payment_date FROM payment p JOIN payment_run r ON r.run_ref = p.run_ref";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    public PaymentStore(JdbcTemplate jdbc, TransactionTemplate transaction, ObjectMapper json) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.json = json;
    }

    public boolean taken(String runRef) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM payment_run WHERE run_ref = ?", Integer.class, runRef) > 0;
    }

    /** Records the run and its payments (NEW) together; a run is taken once, its reference is the key. */
    public void take(PaymentRun run) {
        transaction.executeWithoutResult(status -> {
            jdbc.update("INSERT INTO payment_run (run_ref, payment_date, taken_at) VALUES (?, ?, ?)", run.runRef(), run.paymentDate(), now());
            for (ProviderPayment p : run.payments()) {
                jdbc.update("""
                        INSERT INTO payment (payment_ref, run_ref, provider_ref, amount, sort_code, account_number, account_name,
                                             lines, status, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        p.paymentRef(), run.runRef(), p.providerRef(), p.amount(), p.bankAccount().sortCode(),
                        p.bankAccount().accountNumber(), p.bankAccount().accountName(), write(p.lines()), PaymentStatus.NEW.name(), now());
            }
        });
    }

    public List<StoredPayment> payments(String runRef, PaymentStatus status) {
        return jdbc.query(PAYMENTS + " WHERE p.run_ref = ? AND p.status = ? ORDER BY p.payment_ref", this::row, runRef, status.name());
    }

    /** Every payment ready for a file, whatever run it came in (a held one released by finance comes in a later file). */
    public List<StoredPayment> ready() {
        return jdbc.query(PAYMENTS + " WHERE p.status = ? ORDER BY p.payment_ref", this::row, PaymentStatus.READY.name());
    }

    public Optional<StoredPayment> payment(String paymentRef) {
        return jdbc.query(PAYMENTS + " WHERE p.payment_ref = ?", this::row, paymentRef).stream().findFirst();
    }

    /** Moves a payment on, only from the status expected (so a second release of a held payment does nothing). */
    public boolean status(String paymentRef, PaymentStatus from, PaymentStatus to, String reasonCode) {
        return jdbc.update("UPDATE payment SET status = ?, reason_code = ?, updated_at = ? WHERE payment_ref = ? AND status = ?",
                to.name(), reasonCode, now(), paymentRef, from.name()) == 1;
    }

    public Optional<BankAccount> lastPaidAccount(String providerRef) {
        return jdbc.query("SELECT sort_code, account_number FROM provider_paid_account WHERE provider_ref = ?",
                (rs, n) -> new BankAccount(rs.getString("sort_code"), rs.getString("account_number"), ""), providerRef).stream().findFirst();
    }

    public boolean confirmed(String providerRef, BankAccount account) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM bank_account_confirmation WHERE provider_ref = ? AND sort_code = ?"
                + " AND account_number = ?", Integer.class, providerRef, account.sortCode(), account.accountNumber()) > 0;
    }

    public void confirm(String providerRef, BankAccount account, String confirmedBy, String how) {
        jdbc.update("INSERT INTO bank_account_confirmation (provider_ref, sort_code, account_number, confirmed_by, how, confirmed_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)", providerRef, account.sortCode(), account.accountNumber(), confirmedBy, how, now());
    }

    public List<PaymentFile> files(String runRef) {
        return jdbc.query("SELECT * FROM payment_file WHERE run_ref = ? ORDER BY file_name", (rs, n) -> new PaymentFile(
                rs.getString("file_name"), PaymentFileFormat.valueOf(rs.getString("format")), rs.getString("content"),
                rs.getInt("transactions"), rs.getLong("total_pence")), runRef);
    }

    public boolean released(String fileName) {
        return "RELEASED".equals(jdbc.queryForObject("SELECT status FROM payment_file WHERE file_name = ?", String.class, fileName));
    }

    /**
     * Files the payments in the run's files, in one transaction: the files (PREPARED, with their content), the
     * payments FILED, and each provider's account as the one last paid. Fails, changing nothing, if any payment is
     * no longer READY (another hub or an operator got there first).
     */
    public void file(String runRef, List<PaymentFile> files, List<StoredPayment> payments) {
        transaction.executeWithoutResult(status -> {
            for (PaymentFile file : files) {
                jdbc.update("INSERT INTO payment_file (file_name, run_ref, format, transactions, total_pence, content, status, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, 'PREPARED', ?)", file.fileName(), runRef, file.format().name(), file.transactions(),
                        file.totalPence(), file.content(), now());
            }
            for (StoredPayment p : payments) {
                if (jdbc.update("UPDATE payment SET status = ?, filed_in_run = ?, updated_at = ? WHERE payment_ref = ? AND status = ?",
                        PaymentStatus.FILED.name(), runRef, now(), p.paymentRef(), PaymentStatus.READY.name()) != 1) {
                    throw new IllegalStateException("Payment " + p.paymentRef() + " is no longer ready to file; nothing filed");
                }
                BankAccount account = p.payment().bankAccount();
                if (jdbc.update("UPDATE provider_paid_account SET sort_code = ?, account_number = ?, payment_ref = ?, paid_at = ?"
                        + " WHERE provider_ref = ?", account.sortCode(), account.accountNumber(), p.paymentRef(), now(), p.providerRef()) == 0) {
                    jdbc.update("INSERT INTO provider_paid_account (provider_ref, sort_code, account_number, payment_ref, paid_at)"
                            + " VALUES (?, ?, ?, ?, ?)", p.providerRef(), account.sortCode(), account.accountNumber(), p.paymentRef(), now());
                }
            }
        });
    }

    public void markReleased(String fileName) {
        jdbc.update("UPDATE payment_file SET status = 'RELEASED', released_at = ? WHERE file_name = ?", now(), fileName);
    }

    /** Payments filed by the run whose remittance advice has not gone yet. */
    public List<StoredPayment> toRemit(String runRef) {
        return jdbc.query(PAYMENTS + " WHERE p.filed_in_run = ? AND p.remitted_at IS NULL ORDER BY p.payment_ref", this::row, runRef);
    }

    public void remitted(String paymentRef) {
        jdbc.update("UPDATE payment SET remitted_at = ? WHERE payment_ref = ?", now(), paymentRef);
    }

    /** The date the run pays on. */
    public Optional<LocalDate> paymentDate(String runRef) {
        return jdbc.queryForList("SELECT payment_date FROM payment_run WHERE run_ref = ?", LocalDate.class, runRef).stream().findFirst();
    }

    private StoredPayment row(ResultSet rs, int rowNumber) throws SQLException {
        ProviderPayment payment = new ProviderPayment(rs.getString("payment_ref"), rs.getString("provider_ref"), money(rs.getBigDecimal("amount")),
                new BankAccount(rs.getString("sort_code"), rs.getString("account_number"), rs.getString("account_name")),
                read(rs.getString("lines")));
        return new StoredPayment(payment, rs.getString("run_ref"), rs.getObject("payment_date", LocalDate.class),
                PaymentStatus.valueOf(rs.getString("status")), rs.getString("reason_code"), rs.getString("filed_in_run"));
    }

    /** The amount as finance sent it: the column's extra zeros dropped, never a digit that matters (no rounding). */
    private static BigDecimal money(BigDecimal stored) {
        BigDecimal amount = stored.stripTrailingZeros();
        return amount.scale() < 2 ? amount.setScale(2) : amount;
    }

    private String write(List<PaidLine> lines) {
        try {
            return json.writeValueAsString(lines);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private List<PaidLine> read(String text) {
        try {
            return json.readValue(text, LINES);
        } catch (JsonProcessingException corrupt) {
            throw new IllegalStateException("payment.lines holds unreadable JSON", corrupt);
        }
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
