package org.carehub.invoices;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.namespace.QName;
import org.carehub.channels.TextDecoding;
import org.w3c.dom.Document;

/**
 * The one entry point for a submitted invoice file, whatever channel brought it: recognises UBL 2.1 Invoice,
 * UBL 2.1 CreditNote and the care-actuals CSV template, checks it, and returns the invoice or a refusal with a
 * catalogue reason (docs/invoice-formats.md).
 *
 * <p>For UBL the order is: size bound, DOCTYPE refused (XXE, entity expansion), well-formed, UBL 2.1 schema,
 * EN 16931 rules, PEPPOL BIS Billing 3 rules. EN 16931 errors refuse the invoice. PEPPOL rule errors refuse it
 * only when {@code enforcePeppol} is set; otherwise they are returned as advisories, because PEPPOL's extra
 * rules (network endpoint ids, national company-number formats) are about sending over the PEPPOL network,
 * which a provider emailing or uploading to the council does not use (docs/decisions.md).
 */
public final class InvoiceReader {

    /** Default bound: the largest EN 16931 example is 0.3 MB; a care provider's monthly invoice is far smaller. */
    public static final int DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

    static final String UBL_INVOICE_NS = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    static final String UBL_CREDIT_NOTE_NS = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";

    private final InvoiceRules rules;
    private final int maxBytes;
    private final boolean enforcePeppol;

    public InvoiceReader(InvoiceRules rules, int maxBytes, boolean enforcePeppol) {
        this.rules = rules;
        this.maxBytes = maxBytes;
        this.enforcePeppol = enforcePeppol;
    }

    /**
     * @param content     the file as received
     * @param fileName    its name as received (may be null); only used to recognise a PDF or a CSV file
     * @param providerRef the provider the channel authenticated; becomes the invoice's provider
     */
    public InvoiceReading read(byte[] content, String fileName, String providerRef) {
        if (content.length > maxBytes) {
            return InvoiceReading.Refused.of(InvoiceReasons.TOO_LARGE,
                    "the file is " + content.length + " bytes; the most the hub takes is " + maxBytes);
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        String start = new String(content, 0, Math.min(content.length, 512), StandardCharsets.ISO_8859_1);
        if (start.startsWith("%PDF") || name.endsWith(".pdf")) {
            return InvoiceReading.Refused.of(InvoiceReasons.FORMAT_UNKNOWN,
                    "the file is a PDF; the hub reads UBL 2.1 (PEPPOL BIS Billing 3) invoices and the care-actuals CSV");
        }
        if (looksLikeXml(content)) {
            return readXml(content, providerRef);
        }
        if (name.endsWith(".csv") || looksLikeTemplate(content)) {
            return CareActualsCsv.read(content, providerRef);
        }
        return InvoiceReading.Refused.of(InvoiceReasons.FORMAT_UNKNOWN,
                "the file is neither XML nor the care-actuals CSV template");
    }

    /**
     * Starts with {@code <} in UTF-8 (byte order mark or not) or UTF-16 (big- or little-endian, byte order mark or
     * not, as XML 1.0 appendix F tells parsers to detect it): some invoicing software saves "Unicode" XML, and the
     * hub's XML parsers read all of these themselves.
     */
    static boolean looksLikeXml(byte[] content) {
        Charset charset = StandardCharsets.ISO_8859_1;
        int offset = 0;
        if (TextDecoding.startsWith(content, 0xEF, 0xBB, 0xBF)) {
            offset = 3;
        } else if (TextDecoding.startsWith(content, 0xFE, 0xFF) || TextDecoding.startsWith(content, 0x00, '<', 0x00)) {
            charset = StandardCharsets.UTF_16BE;
            offset = content[0] == 0 ? 0 : 2;
        } else if (TextDecoding.startsWith(content, 0xFF, 0xFE) || TextDecoding.startsWith(content, '<', 0x00)) {
            charset = StandardCharsets.UTF_16LE;
            offset = content[0] == '<' ? 0 : 2;
        }
        return new String(content, offset, Math.min(content.length - offset, 512), charset).stripLeading().startsWith("<");
    }

    private static boolean looksLikeTemplate(byte[] content) {
        try {
            return CareActualsCsv.looksLikeTemplate(TextDecoding.decode(content).text());
        } catch (TextDecoding.UndecodableText notText) {
            return false;
        }
    }

    private InvoiceReading readXml(byte[] content, String providerRef) {
        try {
            QName root = SafeXml.rootElement(content);
            boolean creditNote;
            if (root.equals(new QName(UBL_INVOICE_NS, "Invoice"))) {
                creditNote = false;
            } else if (root.equals(new QName(UBL_CREDIT_NOTE_NS, "CreditNote"))) {
                creditNote = true;
            } else {
                return InvoiceReading.Refused.of(InvoiceReasons.FORMAT_UNKNOWN, "the XML document is a " + root
                        + ", not a UBL 2.1 Invoice or CreditNote");
            }
            return check(SafeXml.parse(content), creditNote, providerRef);
        } catch (SafeXml.Refusal e) {
            return InvoiceReading.Refused.of(e.reasonCode(), e.getMessage());
        }
    }

    private InvoiceReading check(Document document, boolean creditNote, String providerRef) {
        InvoiceRules.Stage schema = rules.schema(document, creditNote);
        if (schema.failed()) {
            return InvoiceReading.Refused.of(InvoiceReasons.SCHEMA_INVALID, "UBL 2.1 schema errors", schema.findings());
        }
        InvoiceRules.Stage en16931 = rules.en16931(document, creditNote);
        InvoiceRules.Stage peppol = rules.peppol(document, creditNote);
        List<InvoiceFinding> all = new ArrayList<>(en16931.findings());
        all.addAll(peppol.findings());
        if (en16931.failed() || (enforcePeppol && peppol.failed())) {
            List<InvoiceFinding> refusing = enforcePeppol ? all : en16931.findings();
            return InvoiceReading.Refused.of(InvoiceReasons.RULE_FAILED, "rules failed", refusing);
        }
        ProviderInvoice invoice = creditNote ? UblInvoiceMapper.creditNote(document, providerRef)
                : UblInvoiceMapper.invoice(document, providerRef);
        return new InvoiceReading.Accepted(invoice, List.copyOf(all));
    }
}
