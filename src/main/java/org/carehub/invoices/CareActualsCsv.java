package org.carehub.invoices;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.carehub.channels.SpreadsheetCells;
import org.carehub.channels.TextDecoding;
import org.carehub.invoices.InvoiceFinding.Severity;

/**
 * The care-actuals CSV template (docs/invoice-formats.md): one invoice per file, one row per care delivered.
 * Every bad cell is reported with its line (the spreadsheet row; the header is line 1) and column, not just
 * the first. Text cells that a spreadsheet would run as a formula are kept as data and reported as advisories.
 */
final class CareActualsCsv {

    static final String PROVIDER = "provider";
    static final String INVOICE_NUMBER = "invoice_number";
    static final String INVOICE_DATE = "invoice_date";
    static final String CLIENT = "client";
    static final String SERVICE = "service";
    static final String ELEMENT = "element";
    static final String PERIOD_FROM = "period_from";
    static final String PERIOD_TO = "period_to";
    static final String UNITS = "units";
    static final String UNIT_RATE = "unit_rate";
    static final String AMOUNT = "amount";
    static final String VAT_RATE = "vat_rate";
    static final String VAT_AMOUNT = "vat_amount";

    static final List<String> REQUIRED = List.of(PROVIDER, INVOICE_NUMBER, INVOICE_DATE, CLIENT, SERVICE, ELEMENT,
            PERIOD_FROM, PERIOD_TO, UNITS, UNIT_RATE, AMOUNT);
    static final List<String> OPTIONAL = List.of(VAT_RATE, VAT_AMOUNT);

    /** ISO dates, and the day/month/year Excel writes on a UK PC. */
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT));

    private final String provider;
    private final List<InvoiceFinding> findings = new ArrayList<>();

    private CareActualsCsv(String provider) {
        this.provider = provider;
    }

    /** Whether the text's first line is the template's header (how a CSV invoice is told from other text). */
    static boolean looksLikeTemplate(String text) {
        int end = text.indexOf('\n');
        String firstLine = (end < 0 ? text : text.substring(0, end)).toLowerCase(Locale.ROOT);
        return columnName(firstLine).contains(INVOICE_NUMBER) && columnName(firstLine).contains(UNIT_RATE);
    }

    static InvoiceReading read(String text, String provider) {
        return new CareActualsCsv(provider).read(text);
    }

    /** Bytes as Excel and others write them: UTF-8 with or without BOM, or Windows-1252. */
    static InvoiceReading read(byte[] content, String provider) {
        try {
            return read(TextDecoding.decode(content).text(), provider);
        } catch (TextDecoding.UndecodableText e) {
            return InvoiceReading.Refused.of(InvoiceReasons.CSV_INVALID, "the CSV file cannot be read as text: " + e.getMessage());
        }
    }

    private InvoiceReading read(String text) {
        List<CSVRecord> records;
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get().parse(new StringReader(text))) {
            records = parser.getRecords();
        } catch (IOException | UncheckedIOException e) {
            return InvoiceReading.Refused.of(InvoiceReasons.CSV_INVALID, "the CSV file cannot be parsed: " + e.getMessage());
        }
        if (records.isEmpty()) {
            return InvoiceReading.Refused.of(InvoiceReasons.CSV_INVALID, "the CSV file is empty");
        }
        Map<String, Integer> columns = header(records.get(0));
        if (records.size() == 1) {
            findings.add(new InvoiceFinding(Severity.ERROR, null, "line 2", "the file has a header but no invoice lines"));
        }
        List<ProviderInvoice.Line> lines = new ArrayList<>();
        Map<String, String> invoiceValues = new HashMap<>();
        if (!hasErrors()) {
            for (CSVRecord record : records.subList(1, records.size())) {
                ProviderInvoice.Line line = new Row(record, columns).line(invoiceValues);
                if (line != null) {
                    lines.add(line);
                }
            }
        }
        if (hasErrors()) {
            return InvoiceReading.Refused.of(InvoiceReasons.CSV_INVALID, "problems in the CSV file", findings);
        }
        return new InvoiceReading.Accepted(invoice(records.get(1), columns, lines), List.copyOf(findings));
    }

    /** Column positions by template name; header cells are matched ignoring case, spaces and hyphens. */
    private Map<String, Integer> header(CSVRecord header) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = columnName(header.get(i));
            if (!REQUIRED.contains(name) && !OPTIONAL.contains(name)) {
                findings.add(InvoiceFinding.cell(Severity.ERROR, 1, Integer.toString(i + 1),
                        "'" + header.get(i) + "' is not a column of the template"));
            } else if (columns.putIfAbsent(name, i) != null) {
                findings.add(InvoiceFinding.cell(Severity.ERROR, 1, name, "the column is given twice"));
            }
        }
        REQUIRED.stream().filter(name -> !columns.containsKey(name)).forEach(name ->
                findings.add(new InvoiceFinding(Severity.ERROR, null, "line 1", "column " + name + " is missing")));
        return columns;
    }

    private static String columnName(String header) {
        return header.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
    }

    private ProviderInvoice invoice(CSVRecord first, Map<String, Integer> columns, List<ProviderInvoice.Line> lines) {
        BigDecimal net = lines.stream().map(ProviderInvoice.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal vat = lines.stream().map(ProviderInvoice.Line::vatAmount).filter(v -> v != null)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new ProviderInvoice(provider, InvoiceFormat.CSV_CARE_ACTUALS, first.get(columns.get(INVOICE_NUMBER)).trim(),
                date(first.get(columns.get(INVOICE_DATE)).trim()), "GBP", false,
                new ProviderInvoice.Totals(net, vat, net.add(vat)), List.copyOf(lines));
    }

    private boolean hasErrors() {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }

    private static LocalDate date(String text) {
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(text, format);
            } catch (DateTimeParseException tryNext) {
                // the next format may fit
            }
        }
        return null;
    }

    /** One data row; each cell read records its own problem. The line is the record number (header = 1). */
    private final class Row {
        private final CSVRecord record;
        private final Map<String, Integer> columns;
        private final long line;

        Row(CSVRecord record, Map<String, Integer> columns) {
            this.record = record;
            this.columns = columns;
            this.line = record.getRecordNumber();
        }

        ProviderInvoice.Line line(Map<String, String> invoiceValues) {
            if (record.size() != recordWidth()) {
                findings.add(new InvoiceFinding(Severity.ERROR, null, "line " + line,
                        "the line has " + record.size() + " cells; the header has " + recordWidth()));
                return null;
            }
            sameOnEveryLine(PROVIDER, invoiceValues);
            sameOnEveryLine(INVOICE_NUMBER, invoiceValues);
            sameOnEveryLine(INVOICE_DATE, invoiceValues);
            String sentAs = text(PROVIDER);
            if (sentAs != null && provider != null && !sentAs.equalsIgnoreCase(provider)) {
                error(PROVIDER, "the file is for provider '" + sentAs + "' but was sent by provider '" + provider + "'");
            }
            dateCell(INVOICE_DATE);
            // cells are read in the template's column order, so problems are listed as the provider reads the row
            String client = text(CLIENT);
            String service = text(SERVICE);
            String element = text(ELEMENT);
            LocalDate from = dateCell(PERIOD_FROM);
            LocalDate to = dateCell(PERIOD_TO);
            if (from != null && to != null && to.isBefore(from)) {
                error(PERIOD_TO, "the period ends (" + to + ") before it starts (" + from + ")");
            }
            return new ProviderInvoice.Line(Long.toString(line), client, service, element, from, to,
                    number(UNITS, true), number(UNIT_RATE, true), number(AMOUNT, true),
                    number(VAT_RATE, false), number(VAT_AMOUNT, false));
        }

        private int recordWidth() {
            return columns.values().stream().mapToInt(i -> i).max().orElse(-1) + 1;
        }

        private String raw(String column) {
            Integer index = columns.get(column);
            return index == null ? "" : record.get(index).trim();
        }

        /** A required text cell; a formula-like value is kept and reported so a report writer neutralises it. */
        private String text(String column) {
            String value = raw(column);
            if (value.isEmpty()) {
                error(column, "is empty; a value is required");
                return null;
            }
            if (SpreadsheetCells.isFormulaLike(value)) {
                findings.add(InvoiceFinding.cell(Severity.WARNING, line, column, "'" + value + "' starts like a spreadsheet"
                        + " formula; it is kept as text and neutralised wherever the hub writes it to a report"));
            }
            return value;
        }

        private LocalDate dateCell(String column) {
            String value = raw(column);
            if (value.isEmpty()) {
                error(column, "is empty; a date is required");
                return null;
            }
            LocalDate date = date(value);
            if (date == null) {
                error(column, "'" + value + "' is not a date; write it as 2026-04-30 or 30/04/2026");
            }
            return date;
        }

        /** A number; a leading £ (Excel's currency format) is allowed. */
        private BigDecimal number(String column, boolean required) {
            String value = raw(column);
            if (value.isEmpty()) {
                if (required) {
                    error(column, "is empty; a number is required");
                }
                return null;
            }
            try {
                return new BigDecimal(value.startsWith("£") ? value.substring(1).trim() : value);
            } catch (NumberFormatException e) {
                error(column, "'" + value + "' is not a number; write it like 24.50 (no thousands separators)");
                return null;
            }
        }

        private void sameOnEveryLine(String column, Map<String, String> invoiceValues) {
            String value = raw(column);
            String first = invoiceValues.putIfAbsent(column, value);
            if (first != null && !first.equals(value)) {
                error(column, "'" + value + "' differs from '" + first + "' on the first line; one file is one invoice");
            }
        }

        private void error(String column, String text) {
            findings.add(InvoiceFinding.cell(Severity.ERROR, line, column, text));
        }
    }
}
