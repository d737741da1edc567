package org.carehub.invoices;

import java.util.List;

/** What reading a submitted invoice gave: an invoice to match, or a refusal with a catalogue reason. */
public sealed interface InvoiceReading {

    /**
     * Read and passed the format check.
     *
     * @param advisories findings that did not refuse it: rule warnings, PEPPOL rules when they are advisory,
     *                   CSV text cells that look like spreadsheet formulas
     */
    record Accepted(ProviderInvoice invoice, List<InvoiceFinding> advisories) implements InvoiceReading {
    }

    /**
     * Refused before any matching.
     *
     * @param reasonCode a code from mappings/failure-reasons.yaml (see {@link InvoiceReasons})
     * @param detail     one line saying what was wrong
     * @param findings   every failed rule, schema error or bad cell (errors and warnings), for the reply
     */
    record Refused(String reasonCode, String detail, List<InvoiceFinding> findings) implements InvoiceReading {

        static Refused of(String reasonCode, String detail) {
            return new Refused(reasonCode, detail, List.of());
        }

        /** Refused for the given findings; the detail counts the errors and names the first few. */
        static Refused of(String reasonCode, String what, List<InvoiceFinding> findings) {
            List<InvoiceFinding> errors = findings.stream()
                    .filter(f -> f.severity() == InvoiceFinding.Severity.ERROR).toList();
            String first = String.join("; ", errors.stream().limit(3).map(InvoiceFinding::summary).toList());
            String more = errors.size() > 3 ? "; and " + (errors.size() - 3) + " more" : "";
            return new Refused(reasonCode, errors.size() + " " + what + ": " + first + more, List.copyOf(findings));
        }
    }
}
