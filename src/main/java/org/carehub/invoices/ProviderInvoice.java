package org.carehub.invoices;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A provider's invoice or credit note as the hub understands it, whatever format it came in
 * (docs/invoice-formats.md says where each field comes from in UBL and in the CSV template).
 *
 * @param provider      the provider reference the invoice was submitted under (the channel's, not the document's say-so)
 * @param format        what it came as
 * @param invoiceNumber the provider's invoice (or credit note) number
 * @param currency      ISO 4217 code; CSV care actuals are always GBP
 */
public record ProviderInvoice(String provider, InvoiceFormat format, String invoiceNumber, LocalDate issueDate,
                              String currency, boolean creditNote, Totals totals, List<Line> lines) {

    /** The document's totals: UBL's stated ones; for CSV the sums of the lines. */
    public record Totals(BigDecimal lineExtension, BigDecimal tax, BigDecimal payable) {
    }

    /**
     * One invoice line. Values a document does not carry are null (a UBL line has no VAT amount of its own;
     * a line without a client is a matching problem, not a format one).
     *
     * @param lineId      the UBL line id, or the CSV line number
     * @param serviceCode the council's service code (e.g. HOMECARE)
     * @param elementCode the council's element code (e.g. PERSONAL_CARE)
     */
    public record Line(String lineId, String clientId, String serviceCode, String elementCode,
                       LocalDate periodFrom, LocalDate periodTo, BigDecimal units, BigDecimal unitRate,
                       BigDecimal amount, BigDecimal vatRate, BigDecimal vatAmount) {
    }
}
