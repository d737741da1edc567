package org.carehub.deaths;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.carehub.cases.NhsNumber;
import org.carehub.channels.TextLines;

/**
 * Reads the date-of-death feed's CSV (docs/death-feed.md): a header naming the columns in any order, then one
 * notification per row. A row that cannot be taken is a {@link RowProblem} naming its line, column and what is
 * wrong; the other rows go on. Text must already be decoded ({@code TextDecoding}).
 */
final class DeathFeedCsv {

    /** The feed's columns as the header names them. */
    enum Column {
        NHS_NUMBER("nhs_number"), FORENAME("forename"), SURNAME("surname"), DATE_OF_BIRTH("date_of_birth"),
        DATE_OF_DEATH("date_of_death"), SOURCE("source"), REFERENCE("reference");

        final String header;

        Column(String header) {
            this.header = header;
        }
    }

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).setIgnoreHeaderCase(true).setTrim(true).setIgnoreEmptyLines(true)
            .get();
    /** Registrars write ISO dates; people editing a file in a spreadsheet write UK dates. */
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("dd/MM/uuuu", Locale.UK).withResolverStyle(ResolverStyle.STRICT));
    private static final int MAX_NAME = 100;
    private static final int MAX_SOURCE = 50;
    private static final int MAX_REFERENCE = 100;

    /** A row the feed cannot take: its line, the column at fault (empty for the whole row), its value and why. */
    record RowProblem(int line, String rowText, String column, String value, String detail) {
    }

    /** What a file held: notifications read, rows refused, and the header line (kept with a refused row). */
    record Reading(List<DeathNotification> notifications, List<RowProblem> problems, String header) {
    }

    /** The whole file cannot be read (a header without the feed's columns, a quote never closed). */
    static final class UnreadableFeed extends Exception {
        UnreadableFeed(String message) {
            super(message);
        }
    }

    private DeathFeedCsv() {
    }

    static Reading read(String fileName, String text, LocalDate today) throws UnreadableFeed {
        List<DeathNotification> notifications = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        TextLines lines = new TextLines(text);
        try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
            requireHeader(parser.getHeaderNames());
            Map<Column, Integer> columns = Arrays.stream(Column.values()).collect(Collectors.toMap(Function.identity(),
                    c -> indexOf(parser.getHeaderNames(), c.header)));
            String header = null;
            for (CSVRecord record : parser) {
                int position = (int) record.getCharacterPosition();
                if (header == null) {
                    header = text.substring(0, position);
                }
                // Commons CSV places a record after empty lines at the first of them: its line is after them.
                int start = position;
                while (start < text.length() && (text.charAt(start) == '\n' || text.charAt(start) == '\r')) {
                    start++;
                }
                Row row = new Row(record, columns, lines.lineAt(start), rowText(text, start));
                try {
                    notifications.add(row.notification(fileName, today));
                } catch (BadCell bad) {
                    problems.add(new RowProblem(row.line, row.text, bad.column, bad.value, bad.getMessage()));
                }
            }
            return new Reading(notifications, problems, header == null ? text : header);
        } catch (IllegalArgumentException | java.io.IOException | java.io.UncheckedIOException e) {
            throw new UnreadableFeed(e.getMessage());
        }
    }

    private static void requireHeader(List<String> headers) throws UnreadableFeed {
        List<String> missing = Arrays.stream(Column.values()).map(c -> c.header)
                .filter(h -> indexOf(headers, h) < 0).toList();
        if (!missing.isEmpty()) {
            throw new UnreadableFeed("the header lacks the columns " + missing + (headers.isEmpty() ? " (the file is empty)" : ""));
        }
    }

    private static int indexOf(List<String> headers, String name) {
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private static String rowText(String text, int start) {
        int end = text.indexOf('\n', start);
        return end < 0 ? text.substring(start) : text.substring(start, end + 1);
    }

    private static final class BadCell extends RuntimeException {
        final String column;
        final String value;

        BadCell(String column, String value, String detail) {
            super(detail);
            this.column = column;
            this.value = value;
        }
    }

    /** One data row; each cell read checks itself. */
    private static final class Row {
        private final CSVRecord record;
        private final Map<Column, Integer> columns;
        final int line;
        final String text;

        Row(CSVRecord record, Map<Column, Integer> columns, int line, String text) {
            this.record = record;
            this.columns = columns;
            this.line = line;
            this.text = text;
        }

        DeathNotification notification(String fileName, LocalDate today) {
            if (record.size() != record.getParser().getHeaderNames().size()) {
                throw new BadCell("", "", "the row has " + record.size() + " values; the header has "
                        + record.getParser().getHeaderNames().size() + " columns");
            }
            String nhsNumber = cell(Column.NHS_NUMBER);
            if (!nhsNumber.isEmpty() && !NhsNumber.isValid(nhsNumber)) {
                throw new BadCell(Column.NHS_NUMBER.header, nhsNumber, "nhs_number " + nhsNumber
                        + " is not a valid NHS number (ten digits with a Modulus 11 check digit)");
            }
            String forename = text(Column.FORENAME, MAX_NAME);
            String surname = text(Column.SURNAME, MAX_NAME);
            LocalDate born = date(Column.DATE_OF_BIRTH);
            LocalDate died = date(Column.DATE_OF_DEATH);
            if (died.isAfter(today)) {
                throw new BadCell(Column.DATE_OF_DEATH.header, cell(Column.DATE_OF_DEATH), "date_of_death " + died
                        + " is in the future");
            }
            if (died.isBefore(born)) {
                throw new BadCell(Column.DATE_OF_DEATH.header, cell(Column.DATE_OF_DEATH), "date_of_death " + died
                        + " is before date_of_birth " + born);
            }
            return new DeathNotification(nhsNumber.isEmpty() ? null : NhsNumber.normalise(nhsNumber), forename, surname,
                    born, died, text(Column.SOURCE, MAX_SOURCE), text(Column.REFERENCE, MAX_REFERENCE), fileName, line);
        }

        private String cell(Column column) {
            return record.get(columns.get(column));
        }

        private String text(Column column, int maxLength) {
            String value = cell(column);
            if (value.isEmpty()) {
                throw new BadCell(column.header, value, column.header + " is empty");
            }
            if (value.length() > maxLength) {
                throw new BadCell(column.header, value, column.header + " is longer than " + maxLength + " characters");
            }
            return value;
        }

        private LocalDate date(Column column) {
            String value = text(column, 10);
            for (DateTimeFormatter format : DATES) {
                try {
                    return LocalDate.parse(value, format);
                } catch (DateTimeParseException notThisFormat) {
                    // try the next format
                }
            }
            throw new BadCell(column.header, value, column.header + " " + value + " is not a date (YYYY-MM-DD or DD/MM/YYYY)");
        }
    }
}
