package org.carehub.invoices;

/**
 * One thing found wrong (or worth telling) about a submitted invoice: a failed EN 16931 / PEPPOL rule with
 * its id, a schema error, or a bad CSV cell.
 *
 * @param severity whether it refuses the invoice (under the rules' own severity; see {@link InvoiceReading})
 * @param ruleId   the rule's id as the rule set names it (e.g. {@code BR-CO-15}); null for schema and CSV findings
 * @param location where: an XPath in the document, or {@code line 4, column units} in a CSV file
 * @param text     what is wrong, in the rule set's words or ours
 */
public record InvoiceFinding(Severity severity, String ruleId, String location, String text) {

    public enum Severity { ERROR, WARNING }

    static InvoiceFinding cell(Severity severity, long line, String column, String text) {
        return new InvoiceFinding(severity, null, "line " + line + ", column " + column, text);
    }

    /** One line for a reply or a refusal's detail: {@code [BR-CO-15] text (at where)}. */
    public String summary() {
        return (ruleId == null ? "" : "[" + ruleId + "] ") + text + (location == null ? "" : " (at " + location + ")");
    }
}
