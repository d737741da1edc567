package org.carehub.nhsclaims;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.carehub.channels.SpreadsheetCells;
import org.carehub.reference.NhsBody;

/**
 * One NHS body's claim schedule for a period: the lines as a CSV file for the ICB's finance team and a readable
 * summary whose totals are sums of the lines. Text cells a spreadsheet would run as formulas are neutralised;
 * amounts are written as numbers (a credit keeps its minus sign).
 */
public record ClaimSchedule(String period, NhsBody body, List<ClaimLine> lines) {

    static final List<String> COLUMNS = List.of("claim_period", "nhs_body", "line_type", "service_month", "care_line",
            "client_ref", "nhs_number", "client_name", "scheme", "service", "basis", "days_active", "month_cost",
            "nhs_share_percent", "nhs_share_due", "claimed_before", "amount");

    public BigDecimal total() {
        return sum(line -> true);
    }

    /** New claims for the period's own month. */
    public BigDecimal claims() {
        return sum(line -> line.lineType() == ClaimLine.LineType.CLAIM);
    }

    public BigDecimal adjustments() {
        return sum(line -> line.lineType() == ClaimLine.LineType.ADJUSTMENT);
    }

    private BigDecimal sum(Predicate<ClaimLine> which) {
        return lines.stream().filter(which).map(ClaimLine::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    public String fileName(String extension) {
        return "nhs-claim-" + period + "-" + body.code() + "." + extension;
    }

    public String csv() {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new)).get())) {
            for (ClaimLine l : lines) {
                csv.printRecord(l.claimPeriod(), text(l.nhsBody()), l.lineType(), l.serviceMonth(), text(l.cpliId()),
                        text(l.personRef()), text(l.nhsNumber()), text(l.clientName()), text(l.scheme()), text(l.serviceCode()),
                        l.basis(), l.daysActive(), l.monthCost().toPlainString(), l.sharePercent().stripTrailingZeros().toPlainString(),
                        l.shareDue().toPlainString(), l.claimedBefore().toPlainString(), l.amount().toPlainString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The summary mailed as the message text and kept beside the CSV. */
    public String summary() {
        // The totals must reconcile to the lines whatever the line types: checked before anything leaves the hub.
        if (claims().add(adjustments()).compareTo(total()) != 0) {
            throw new IllegalStateException("Schedule " + period + " for " + body.code() + " does not reconcile: claims "
                    + claims() + " + adjustments " + adjustments() + " != total " + total());
        }
        StringBuilder text = new StringBuilder();
        text.append("NHS claim schedule ").append(period).append('\n')
                .append("To: ").append(body.name()).append(" (").append(body.code()).append(")\n")
                .append("    ").append(body.address()).append("\n\n")
                .append(String.format("%-44s %12s%n", "Claims for care in " + period, claims().toPlainString()))
                .append(String.format("%-44s %12s%n", "Adjustments to months claimed before", adjustments().toPlainString()))
                .append(String.format("%-44s %12s%n", "Total claimed (GBP)", total().toPlainString()))
                .append('\n').append(lines.size()).append(" line(s); the attached ").append(fileName("csv"))
                .append(" lists each care line and month with its cost, NHS share and amount.\n\n");
        text.append(String.format("%-10s %-8s %-12s %-12s %-10s %-13s %4s %10s %7s %10s %10s%n", "Type", "Month", "Care line",
                "NHS number", "Scheme", "Basis", "Days", "Cost", "Share%", "Before", "Amount"));
        for (ClaimLine l : lines) {
            text.append(String.format("%-10s %-8s %-12s %-12s %-10s %-13s %4d %10s %7s %10s %10s%n", l.lineType(),
                    l.serviceMonth(), l.cpliId(), l.nhsNumber(), l.scheme(), l.basis(), l.daysActive(), l.monthCost(),
                    l.sharePercent().stripTrailingZeros().toPlainString(), l.claimedBefore(), l.amount()));
        }
        text.append("\nAmounts are rounded half-up to the penny per care line and month; totals are sums of the lines.\n")
                .append("Queries: reply to this mail quoting the care line and month.\n");
        return text.toString();
    }

    private static String text(String value) {
        return value == null ? "" : SpreadsheetCells.neutralise(value);
    }
}
