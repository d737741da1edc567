package org.carehub.invoices;

import com.helger.ubl21.UBL21Marshaller;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Optional;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.DocumentReferenceType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.ItemType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.MonetaryTotalType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PeriodType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PriceType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxCategoryType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxTotalType;
import oasis.names.specification.ubl.schema.xsd.creditnote_21.CreditNoteType;
import oasis.names.specification.ubl.schema.xsd.invoice_21.InvoiceType;
import org.w3c.dom.Document;

/**
 * Turns a schema-valid UBL 2.1 Invoice or CreditNote (read by ph-ubl) into a {@link ProviderInvoice}. Where a
 * line carries the council's codes is decided in docs/invoice-formats.md: the client in the line's object
 * identifier (cac:DocumentReference with DocumentTypeCode 130), service and element in the buyer's item
 * identifier ({@code SERVICE/ELEMENT}), the period in the line's cac:InvoicePeriod (else the document's).
 */
final class UblInvoiceMapper {

    /** UNTDID 1001 code 130: "invoicing data sheet", EN 16931's code for an invoice line object identifier. */
    static final String LINE_OBJECT = "130";

    private UblInvoiceMapper() {
    }

    static ProviderInvoice invoice(Document document, String provider) {
        InvoiceType ubl = UBL21Marshaller.invoice().setUseSchema(false).read(document);
        Optional<PeriodType> period = ubl.getInvoicePeriod().stream().findFirst();
        List<ProviderInvoice.Line> lines = ubl.getInvoiceLine().stream()
                .map(l -> line(l.getIDValue(), l.getInvoicedQuantityValue(), l.getLineExtensionAmountValue(),
                        l.getInvoicePeriod(), period, l.getDocumentReference(), l.getItem(), l.getPrice()))
                .toList();
        return new ProviderInvoice(provider, InvoiceFormat.UBL_INVOICE, ubl.getIDValue(), ubl.getIssueDateValueLocal(),
                ubl.getDocumentCurrencyCodeValue(), false,
                totals(ubl.getLegalMonetaryTotal(), ubl.getTaxTotal(), ubl.getDocumentCurrencyCodeValue()), lines);
    }

    static ProviderInvoice creditNote(Document document, String provider) {
        CreditNoteType ubl = UBL21Marshaller.creditNote().setUseSchema(false).read(document);
        Optional<PeriodType> period = ubl.getInvoicePeriod().stream().findFirst();
        List<ProviderInvoice.Line> lines = ubl.getCreditNoteLine().stream()
                .map(l -> line(l.getIDValue(), l.getCreditedQuantityValue(), l.getLineExtensionAmountValue(),
                        l.getInvoicePeriod(), period, l.getDocumentReference(), l.getItem(), l.getPrice()))
                .toList();
        return new ProviderInvoice(provider, InvoiceFormat.UBL_CREDIT_NOTE, ubl.getIDValue(),
                ubl.getIssueDateValueLocal(), ubl.getDocumentCurrencyCodeValue(), true,
                totals(ubl.getLegalMonetaryTotal(), ubl.getTaxTotal(), ubl.getDocumentCurrencyCodeValue()), lines);
    }

    private static ProviderInvoice.Line line(String id, BigDecimal quantity, BigDecimal amount, List<PeriodType> periods,
                                             Optional<PeriodType> documentPeriod, List<DocumentReferenceType> references,
                                             ItemType item, PriceType price) {
        Optional<PeriodType> period = periods.stream().findFirst().or(() -> documentPeriod);
        String client = references.stream().filter(r -> LINE_OBJECT.equals(r.getDocumentTypeCodeValue()))
                .map(DocumentReferenceType::getIDValue).findFirst().orElse(null);
        String[] serviceAndElement = serviceAndElement(item);
        BigDecimal vatRate = item.getClassifiedTaxCategory().stream().map(TaxCategoryType::getPercentValue)
                .filter(p -> p != null).findFirst().orElse(null);
        return new ProviderInvoice.Line(id, client, serviceAndElement[0], serviceAndElement[1],
                period.map(PeriodType::getStartDateValueLocal).orElse(null),
                period.map(PeriodType::getEndDateValueLocal).orElse(null),
                quantity, unitRate(price), amount, vatRate, null);
    }

    /** {@code HOMECARE/PERSONAL_CARE} → service and element; a code without a slash is a service alone. */
    private static String[] serviceAndElement(ItemType item) {
        String code = item.getBuyersItemIdentification() == null ? null : item.getBuyersItemIdentification().getIDValue();
        if (code == null || code.isBlank()) {
            return new String[] {null, null};
        }
        int slash = code.indexOf('/');
        return slash < 0 ? new String[] {code.trim(), null}
                : new String[] {code.substring(0, slash).trim(), code.substring(slash + 1).trim()};
    }

    /** The price of one unit: UBL's price may be for a base quantity (e.g. 24.50 per 1 hour, or 49.00 per 2). */
    private static BigDecimal unitRate(PriceType price) {
        if (price == null || price.getPriceAmountValue() == null) {
            return null;
        }
        BigDecimal base = price.getBaseQuantityValue();
        return base == null || base.signum() == 0 ? price.getPriceAmountValue()
                : price.getPriceAmountValue().divide(base, MathContext.DECIMAL64).stripTrailingZeros();
    }

    /** The tax total in the document's currency (BT-110); a second total in the tax currency (BT-111) is not it. */
    private static ProviderInvoice.Totals totals(MonetaryTotalType total, List<TaxTotalType> taxTotals, String currency) {
        BigDecimal tax = taxTotals.stream()
                .filter(t -> t.getTaxAmount() != null && currency.equals(t.getTaxAmount().getCurrencyID()))
                .map(TaxTotalType::getTaxAmountValue).findFirst().orElse(null);
        return new ProviderInvoice.Totals(total.getLineExtensionAmountValue(), tax, total.getPayableAmountValue());
    }
}
