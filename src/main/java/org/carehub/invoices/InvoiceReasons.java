package org.carehub.invoices;

/** The failure-reason codes the invoice format layer refuses with (texts in mappings/failure-reasons.yaml). */
public final class InvoiceReasons {

    public static final String TOO_LARGE = "INVOICE_TOO_LARGE";
    public static final String FORMAT_UNKNOWN = "INVOICE_FORMAT_UNKNOWN";
    public static final String XML_MALFORMED = "INVOICE_XML_MALFORMED";
    public static final String XML_DOCTYPE_REFUSED = "INVOICE_XML_DOCTYPE_REFUSED";
    public static final String ENCODING_MISMATCH = "INVOICE_ENCODING_MISMATCH";
    public static final String SCHEMA_INVALID = "INVOICE_SCHEMA_INVALID";
    public static final String RULE_FAILED = "INVOICE_RULE_FAILED";
    public static final String CSV_INVALID = "INVOICE_CSV_INVALID";

    private InvoiceReasons() {
    }
}
