package org.carehub.invoices;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The invoices the hub checked (tables provider_invoice, provider_invoice_line; V4). The database refuses a second
 * invoice holding the same provider + number or the same content, so duplicates are caught even when two channels
 * deliver the same invoice at once.
 */
@Repository
public class InvoiceStore {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public InvoiceStore(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** An invoice already held: its id, and why it counts as the same one. */
    public record Earlier(String invoiceId, String why) {
    }

    /** How an invoice arrived. */
    public record Receipt(String receiptId, String channel, String fileName, String originalFile) {
    }

    /** The invoice stored under this receipt (the same broker message or upload, redelivered), if any. */
    public Optional<String> invoiceOf(String receiptId) {
        return jdbc.queryForList("SELECT invoice_id FROM provider_invoice WHERE receipt_id = ?", String.class, receiptId)
                .stream().findFirst();
    }

    /** An earlier invoice still holding this provider's number, or this exact content. */
    public Optional<Earlier> earlier(String providerRef, String invoiceNumber, String contentHash) {
        return jdbc.query("SELECT invoice_id, number_claim FROM provider_invoice WHERE number_claim = ? OR content_claim = ?",
                (rs, i) -> new Earlier(rs.getString(1), rs.getString(2) != null && rs.getString(2).equals(numberClaim(
                        providerRef, invoiceNumber)) ? "the same invoice number" : "the same file content"),
                numberClaim(providerRef, invoiceNumber), contentHash).stream().findFirst();
    }

    /**
     * Stores the invoice and its lines in one transaction.
     *
     * @return empty if stored; the earlier invoice if the database found this one a duplicate
     */
    public Optional<Earlier> save(String invoiceId, ProviderInvoice invoice, String contentHash, Receipt receipt,
                                  InvoiceOutcome outcome, List<LineCheck> lines) {
        // A wholly rejected invoice does not hold its number: the provider corrects it and sends it again.
        boolean claims = outcome != InvoiceOutcome.REJECTED;
        try {
            transactions.executeWithoutResult(tx -> {
                jdbc.update("""
                        INSERT INTO provider_invoice (invoice_id, provider_ref, invoice_number, content_hash, number_claim,
                               content_claim, receipt_id, channel, file_name, original_file, outcome, received_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        invoiceId, invoice.provider(), invoice.invoiceNumber(), contentHash,
                        claims ? numberClaim(invoice.provider(), invoice.invoiceNumber()) : null, claims ? contentHash : null,
                        receipt.receiptId(), receipt.channel(), receipt.fileName(), receipt.originalFile(), outcome.name(),
                        Timestamp.from(Instant.now()));
                for (LineCheck check : lines) {
                    ProviderInvoice.Line line = check.line();
                    jdbc.update("""
                            INSERT INTO provider_invoice_line (invoice_id, line_id, client_id, service_code, element_code,
                                   period_from, period_to, units, unit_rate, amount, care_line_id, outcome, reason_code,
                                   owner_team, explanation)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                            invoiceId, line.lineId(), line.clientId(), line.serviceCode(), line.elementCode(),
                            date(line.periodFrom()), date(line.periodTo()), line.units(), line.unitRate(), line.amount(),
                            check.careLine() == null ? null : check.careLine().cpliId(), check.outcome().name(),
                            check.reasonCode(), check.ownerTeam(), check.explanation());
                }
            });
            return Optional.empty();
        } catch (DuplicateKeyException raced) {
            return earlier(invoice.provider(), invoice.invoiceNumber(), contentHash);
        }
    }

    /** The lines of the invoice that were accepted, i.e. are to be paid. */
    public List<String> acceptedLines(String invoiceId) {
        return jdbc.queryForList("SELECT line_id FROM provider_invoice_line WHERE invoice_id = ? AND outcome = ?",
                String.class, invoiceId, LineOutcome.ACCEPTED.name());
    }

    /** A parked line that passed its checks on retry: accepted now. */
    public void lineAccepted(String invoiceId, LineCheck check) {
        jdbc.update("UPDATE provider_invoice_line SET outcome = ?, reason_code = NULL, owner_team = NULL, explanation = NULL,"
                        + " care_line_id = ? WHERE invoice_id = ? AND line_id = ?", LineOutcome.ACCEPTED.name(),
                check.careLine().cpliId(), invoiceId, check.line().lineId());
    }

    private static String numberClaim(String providerRef, String invoiceNumber) {
        return providerRef + "|" + invoiceNumber;
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}
