package org.carehub.invoices;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.carehub.channels.SpreadsheetCells;

/**
 * The hub's answer to one submitted invoice, on the channel it came by (docs/provider-channels.md): a plain-text
 * version for people and the same as CSV lines for the provider's software; REST returns it as JSON.
 *
 * @param invoiceId      the hub's id of the invoice; null if it was refused before it was stored
 * @param queryReference what the provider quotes when asking about it: the invoice id, or the refusal's journey
 * @param reasonCode     why a REFUSED submission was refused (null otherwise)
 * @param detail         the refusal's explanation, or null
 * @param fix            what the provider does about a refusal, or null
 * @param findings       each failed rule or bad cell of a refused file
 */
public record InvoiceReply(String invoiceId, String providerRef, String invoiceNumber, String fileName,
                           InvoiceOutcome outcome, String queryReference, String reasonCode, String detail, String fix,
                           List<String> findings, List<Line> lines) {

    /** One line's result; reasons owned by a council team carry that team and need nothing from the provider. */
    public record Line(String lineId, LineOutcome outcome, String reasonCode, String explanation, String fix,
                       String ownerTeam) {
    }

    static final String CSV_HEADER = "invoice_id,invoice_number,line_id,outcome,reason_code,explanation,fix,query_reference";
    private static final String COUNCIL_ON_IT = "The council is dealing with this (%s); you need do nothing. Quote %s if you ask about it.";

    static InvoiceReply checked(String invoiceId, ProviderInvoice invoice, String fileName, List<LineCheck> checks) {
        List<Line> lines = checks.stream().map(c -> new Line(c.line().lineId(), c.outcome(), c.reasonCode(),
                c.explanation(), c.outcome() == LineOutcome.PARKED ? COUNCIL_ON_IT.formatted(c.ownerTeam(), invoiceId) : c.fix(),
                c.ownerTeam())).toList();
        return new InvoiceReply(invoiceId, invoice.provider(), invoice.invoiceNumber(), fileName, InvoiceOutcome.of(checks),
                invoiceId, null, null, null, List.of(), lines);
    }

    static InvoiceReply refused(String providerRef, String invoiceNumber, String fileName, String queryReference,
                                String reasonCode, String detail, String fix, List<String> findings) {
        return new InvoiceReply(null, providerRef, invoiceNumber, fileName, InvoiceOutcome.REFUSED, queryReference,
                reasonCode, detail, fix, List.copyOf(findings), List.of());
    }

    /** The reply for people: what happened to the invoice, then each line that needs attention. */
    public String text() {
        StringBuilder out = new StringBuilder();
        out.append("Invoice ").append(invoiceNumber == null ? "(number not read)" : invoiceNumber)
                .append(" from ").append(providerRef).append(" (file ").append(fileName).append("): ")
                .append(outcome).append('\n');
        if (invoiceId != null) {
            out.append("Invoice id: ").append(invoiceId).append('\n');
        }
        out.append("Query reference: ").append(queryReference).append("\n\n");
        if (outcome == InvoiceOutcome.REFUSED) {
            out.append("Not taken: ").append(reasonCode).append(" - ").append(detail).append('\n')
                    .append("What to do: ").append(fix).append('\n');
            findings.forEach(f -> out.append("  - ").append(f).append('\n'));
            return out.toString();
        }
        for (Line line : lines) {
            out.append("Line ").append(line.lineId()).append(": ");
            switch (line.outcome()) {
                case ACCEPTED -> out.append("accepted, sent for payment\n");
                case REJECTED -> out.append("REJECTED ").append(line.reasonCode()).append(" - ").append(line.explanation())
                        .append("\n  What to do: ").append(line.fix()).append('\n');
                case PARKED -> out.append("held by the council, ").append(line.reasonCode()).append(" - ")
                        .append(line.explanation()).append("\n  ").append(line.fix()).append('\n');
            }
        }
        return out.toString();
    }

    /** The reply for software: a header and one row per line (one row for a refused file), formula-safe. */
    public String csv() {
        Stream<List<String>> rows = outcome == InvoiceOutcome.REFUSED
                ? Stream.of(List.of("", nullToEmpty(invoiceNumber), "", outcome.name(), reasonCode, detail, fix, queryReference))
                : lines.stream().map(l -> List.of(invoiceId, invoiceNumber, l.lineId(), l.outcome().name(),
                        nullToEmpty(l.reasonCode()), nullToEmpty(l.explanation()), nullToEmpty(l.fix()), queryReference));
        return CSV_HEADER + "\n" + rows.map(row -> row.stream().map(InvoiceReply::cell).collect(Collectors.joining(",")))
                .collect(Collectors.joining("\n")) + "\n";
    }

    private static String cell(String value) {
        String safe = SpreadsheetCells.neutralise(value == null ? "" : value);
        return safe.matches("[^,\"\r\n]*") ? safe : "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
