package org.carehub.deaths;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.carehub.channels.SpreadsheetCells;
import org.carehub.finance.FinanceActual;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The overpayment recovery list: per actual finance paid for days after a date of death, what to recover
 * (table death_overpayment, one row per finance actual, so finding it again adds nothing).
 */
@Component
public class Overpayments {

    static final String[] HEADER = {"financeActualId", "clientId", "dateOfDeath", "providerRef", "invoiceNumber",
            "invoiceLine", "careLineId", "elementType", "periodFrom", "periodTo", "daysInPeriod", "daysAfterDeath",
            "amountPaid", "overpaid"};

    private final JdbcTemplate jdbc;

    public Overpayments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The list with its total to recover. */
    public record RecoveryList(List<Overpayment> overpayments, BigDecimal totalOverpaid) {
    }

    /** Records the overpayments on these actuals (each ending after the date of death); returns how many were new. */
    int record(List<FinanceActual> actuals, LocalDate dateOfDeath, String notificationKey) {
        int added = 0;
        for (FinanceActual actual : actuals) {
            Overpayment o = Overpayment.of(actual, dateOfDeath);
            try {
                jdbc.update("""
                        INSERT INTO death_overpayment (finance_actual_id, client_id, date_of_death, provider_ref, invoice_number,
                               invoice_line, care_line_id, element_type, period_from, period_to, days_in_period,
                               days_after_death, amount_paid, overpaid, notification_key, found_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        o.financeActualId(), o.clientId(), Date.valueOf(o.dateOfDeath()), o.providerRef(), o.invoiceNumber(),
                        o.invoiceLine(), o.careLineId(), o.elementType(), Date.valueOf(o.periodFrom()),
                        Date.valueOf(o.periodTo()), o.daysInPeriod(), o.daysAfterDeath(), o.amountPaid(), o.overpaid(),
                        notificationKey, Timestamp.from(Instant.now()));
                added++;
            } catch (DuplicateKeyException alreadyListed) {
                // found before (the notification retried or sent again): listed once
            }
        }
        return added;
    }

    /** Everything to recover, optionally of one client, by client and period. */
    public RecoveryList list(String clientId) {
        List<Overpayment> all = jdbc.query("""
                SELECT * FROM death_overpayment WHERE (CAST(? AS VARCHAR(32)) IS NULL OR client_id = ?)
                 ORDER BY client_id, period_from, finance_actual_id""",
                (rs, i) -> new Overpayment(rs.getString("finance_actual_id"), rs.getString("client_id"),
                        rs.getObject("date_of_death", LocalDate.class), rs.getString("provider_ref"),
                        rs.getString("invoice_number"), rs.getString("invoice_line"), rs.getString("care_line_id"),
                        rs.getString("element_type"), rs.getObject("period_from", LocalDate.class),
                        rs.getObject("period_to", LocalDate.class), rs.getInt("days_in_period"), rs.getInt("days_after_death"),
                        rs.getBigDecimal("amount_paid"), rs.getBigDecimal("overpaid")),
                clientId, clientId);
        return new RecoveryList(all, all.stream().map(Overpayment::overpaid).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /**
     * The list as CSV for finance's spreadsheet, a header row and a row per overpayment. Provider and invoice values
     * come from providers, so any cell a spreadsheet would run as a formula is neutralised (OWASP CSV injection).
     */
    static String csv(RecoveryList list) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
            for (Overpayment o : list.overpayments()) {
                csv.printRecord(text(o.financeActualId()), text(o.clientId()), o.dateOfDeath(), text(o.providerRef()),
                        text(o.invoiceNumber()), text(o.invoiceLine()), text(o.careLineId()), text(o.elementType()),
                        o.periodFrom(), o.periodTo(), o.daysInPeriod(), o.daysAfterDeath(), o.amountPaid().toPlainString(),
                        o.overpaid().toPlainString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /** Text cells only: numbers and dates are the hub's own, and a credit's minus sign must stay a number. */
    private static String text(String value) {
        return SpreadsheetCells.neutralise(value);
    }
}
