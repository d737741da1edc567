package org.carehub.payments;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.carehub.channels.SpreadsheetCells;
import org.carehub.finance.PaymentRun.PaidLine;
import org.carehub.finance.PaymentRun.ProviderPayment;

/**
 * What a provider is told about a payment: a CSV for its accounts software (one row per invoice line paid, cells a
 * spreadsheet would run as formulas neutralised) and a plain-text summary for people.
 */
public record RemittanceAdvice(String paymentRef, String csv, String text) {

    static final String[] COLUMNS = {"payment_ref", "payment_date", "provider_ref", "invoice_number", "invoice_id", "line_id",
            "client_ref", "care_line_id", "period_from", "period_to", "amount"};

    static RemittanceAdvice of(ProviderPayment payment, String providerName, LocalDate paidOn, String councilName, String queriesTo) {
        return new RemittanceAdvice(payment.paymentRef(), csv(payment, paidOn), text(payment, providerName, paidOn, councilName, queriesTo));
    }

    private static String csv(ProviderPayment payment, LocalDate paidOn) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(COLUMNS).get())) {
            for (PaidLine line : payment.lines()) {
                printer.printRecord(cell(payment.paymentRef()), paidOn, cell(payment.providerRef()), cell(line.invoiceNumber()),
                        cell(line.invoiceId()), cell(line.lineId()), cell(line.clientRef()), cell(line.careLineId()), line.periodFrom(),
                        line.periodTo(), line.amount().setScale(2).toPlainString());
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return out.toString();
    }

    private static String text(ProviderPayment payment, String providerName, LocalDate paidOn, String councilName, String queriesTo) {
        StringBuilder text = new StringBuilder()
                .append("Remittance advice from ").append(councilName).append("\n\n")
                .append("To: ").append(providerName).append(" (").append(payment.providerRef()).append(")\n")
                .append("Payment ").append(payment.paymentRef()).append(" of ").append(pounds(payment.amount()))
                .append(", paid on ").append(paidOn).append(" to sort code ").append(sortCode(payment.bankAccount().sortCode()))
                .append(", account ending ").append(payment.bankAccount().endingIn()).append(".\n")
                .append("Your bank statement shows the reference ").append(payment.paymentRef()).append(".\n\n")
                .append("It pays these invoice lines:\n");
        for (PaidLine line : payment.lines()) {
            text.append("  Invoice ").append(line.invoiceNumber()).append(" line ").append(line.lineId())
                    .append(", client ").append(line.clientRef()).append(", ").append(line.periodFrom()).append(" to ")
                    .append(line.periodTo()).append(": ").append(pounds(line.amount())).append('\n');
        }
        return text.append("\nTotal: ").append(pounds(payment.amount())).append("\n\n")
                .append("The same lines are in the attached CSV. Questions to ").append(queriesTo)
                .append(", quoting ").append(payment.paymentRef()).append(".\n").toString();
    }

    private static String cell(String value) {
        return SpreadsheetCells.neutralise(value);
    }

    static String pounds(BigDecimal amount) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.UK);
        return format.format(amount);
    }

    private static String sortCode(String sixDigits) {
        return sixDigits.length() == 6 ? sixDigits.substring(0, 2) + "-" + sixDigits.substring(2, 4) + "-" + sixDigits.substring(4) : sixDigits;
    }
}
