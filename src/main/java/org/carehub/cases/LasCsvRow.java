package org.carehub.cases;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import org.apache.commons.csv.CSVRecord;

/**
 * One row of a LAS CSV extract, read column by column. A value that cannot be read throws
 * {@link RowProblem} naming the line, the column and the value, which is what the sender is told.
 */
final class LasCsvRow {

    /** Dates as ISO (2024-04-01) or as Excel writes them on a UK PC (01/04/2024). */
    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT); // 31/02 is refused, not quietly made 28/02

    private final CSVRecord record;
    private final int line;

    LasCsvRow(CSVRecord record, int line) {
        this.record = record;
        this.line = line;
    }

    /** A value of this row that cannot be read: the line and column at fault, and why. */
    static final class RowProblem extends RuntimeException {
        final int line;
        final String column;
        final String value;

        /** @param detail what is wrong, naming the column and value: the sender reads this */
        RowProblem(int line, String column, String value, String detail) {
            super(detail);
            this.line = line;
            this.column = column;
            this.value = value;
        }

        String detail() {
            return getMessage();
        }
    }

    int line() {
        return line;
    }

    /** The value as written (trimmed), or null when the column is empty or not in the file. */
    String text(LasCsvColumn column) {
        if (!record.isSet(column.header)) {
            return null;
        }
        String value = record.get(column.header).strip();
        return value.isEmpty() ? null : value;
    }

    LocalDate date(LasCsvColumn column) {
        return parsed(column, v -> v.contains("/") ? LocalDate.parse(v, UK_DATE) : LocalDate.parse(v),
                "not a date; write it as 2024-04-01 or 01/04/2024");
    }

    BigDecimal decimal(LasCsvColumn column) {
        String value = text(column);
        // BigDecimal reads 1e3 as a thousand, but a CSV figure with an exponent is a spreadsheet's scientific
        // notation saved as shown (digits may be lost), so the figure LAS meant cannot be trusted.
        if (value != null && (value.contains("e") || value.contains("E"))) {
            throw problem(column, value, "a number written with an exponent; write it in full, e.g. 1000.00");
        }
        return parsed(column, BigDecimal::new, "not a number; write it without £ or thousands separators, e.g. 1234.50");
    }

    Integer integer(LasCsvColumn column) {
        return parsed(column, Integer::valueOf, "not a whole number");
    }

    private <T> T parsed(LasCsvColumn column, Function<String, T> parser, String ifNot) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (DateTimeException | NumberFormatException e) {
            throw problem(column, value, ifNot);
        }
    }

    /** Yes/no columns: true, yes, y or 1 mean yes; empty, false, no, n or 0 mean no. */
    boolean yesNo(LasCsvColumn column) {
        String value = text(column);
        if (value == null) {
            return false;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1" -> true;
            case "false", "no", "n", "0" -> false;
            default -> throw problem(column, value, "not yes or no");
        };
    }

    LasEventType eventType() {
        String value = text(LasCsvColumn.EVENT_TYPE);
        if (value == null) {
            throw problem(LasCsvColumn.EVENT_TYPE, "", "is empty");
        }
        try {
            return LasEventType.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw problem(LasCsvColumn.EVENT_TYPE, value, "not an event type; one of " + Arrays.toString(LasEventType.values()));
        }
    }

    RowProblem problem(LasCsvColumn column, String value, String message) {
        String shown = value == null ? "" : value;
        return new RowProblem(line, column.header, shown, "column " + column.header + " '" + shown + "': " + message);
    }

    /** How many values the row has, against the header's column count. */
    int size() {
        return record.size();
    }
}
