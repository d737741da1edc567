package org.carehub.reference;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One data row of a mapping CSV file. Reads its cells as text, dates, amounts and Y/N flags; a bad
 * cell is reported with file, line and column and read as null, and the row is then no longer valid.
 */
final class MappingRow {

    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");

    private final String file;
    private final int line;
    private final Map<String, Integer> columns;
    private final List<String> cells;
    private final MappingProblems problems;
    private boolean valid = true;

    MappingRow(String file, int line, Map<String, Integer> columns, List<String> cells, MappingProblems problems) {
        this.file = file;
        this.line = line;
        this.columns = columns;
        this.cells = cells;
        this.problems = problems;
    }

    int line() {
        return line;
    }

    /** Whether no cell of this row has been reported. */
    boolean isValid() {
        return valid;
    }

    void problem(String column, String message) {
        valid = false;
        problems.add(new MappingLocation(file, line, columns.get(column) + 1, column), message);
    }

    /** The trimmed cell, or null when it is blank. */
    String optional(String column) {
        String value = cells.get(columns.get(column)).trim();
        return value.isEmpty() ? null : value;
    }

    String required(String column) {
        String value = optional(column);
        if (value == null) {
            problem(column, "is blank; a value is required");
        }
        return value;
    }

    /** valid_from (required) and valid_to (blank = open-ended), the end not before the start. */
    ValidityPeriod period(String fromColumn, String toColumn) {
        String fromText = required(fromColumn);
        String toText = optional(toColumn);
        LocalDate from = fromText == null ? null : date(fromColumn, fromText);
        LocalDate to = toText == null ? null : date(toColumn, toText);
        if (from == null || (toText != null && to == null)) {
            return null;
        }
        if (to != null && to.isBefore(from)) {
            problem(toColumn, to + " is before " + fromColumn + " " + from);
            return null;
        }
        return new ValidityPeriod(from, to);
    }

    private LocalDate date(String column, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problem(column, "'" + value + "' is not a date in the form yyyy-MM-dd");
            return null;
        }
    }

    /** An amount in pounds: not negative, at most two decimal places (pence). */
    BigDecimal pounds(String column) {
        return decimal(column, "an amount in pounds").filter(amount -> {
            if (amount.scale() > 2) {
                problem(column, "'" + amount.toPlainString() + "' has more than 2 decimal places; give pounds and pence, like 24.50");
                return false;
            }
            return true;
        }).orElse(null);
    }

    /** A number of units (hours, nights, weeks, ...), more than zero. */
    BigDecimal units(String column) {
        return decimal(column, "a number").filter(units -> {
            if (units.signum() == 0) {
                problem(column, "'" + units.toPlainString() + "' must be more than 0");
                return false;
            }
            return true;
        }).orElse(null);
    }

    private Optional<BigDecimal> decimal(String column, String what) {
        String value = required(column);
        if (value == null) {
            return Optional.empty();
        }
        if (!DECIMAL.matcher(value).matches()) {
            problem(column, "'" + value + "' is not " + what);
            return Optional.empty();
        }
        BigDecimal number = new BigDecimal(value);
        if (number.signum() < 0) {
            problem(column, "'" + value + "' is negative");
            return Optional.empty();
        }
        return Optional.of(number);
    }

    /** A Y/N cell. */
    Boolean flag(String column) {
        String value = required(column);
        if (value == null) {
            return null;
        }
        if (!value.equals("Y") && !value.equals("N")) {
            problem(column, "'" + value + "' must be Y or N");
            return null;
        }
        return value.equals("Y");
    }

    /** A semicolon-separated list; blank means empty. */
    List<String> list(String column) {
        String value = optional(column);
        return value == null ? List.of()
                : Arrays.stream(value.split(";")).map(String::trim).filter(item -> !item.isEmpty()).toList();
    }
}
