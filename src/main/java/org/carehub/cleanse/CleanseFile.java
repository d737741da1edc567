package org.carehub.cleanse;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.carehub.channels.SpreadsheetCells;
import org.carehub.channels.TextDecoding;
import org.carehub.failures.BusinessRuleViolation;

/**
 * Reads a bulk cleanse file (docs/bulk-cleanse.md) one care line at a time, never the whole file: the rows of a
 * care line are consecutive, one row per priced element. Each row is checked as it is read; the first problem of a
 * care line is kept with it ({@link CareLineRows#problem()}), naming the row and column, and reading goes on with
 * the next line. What makes the rest of the file unreadable (a missing column, text that is not UTF-8, an unclosed
 * quote) is thrown from {@link #open} or {@link #next} as a {@link BusinessRuleViolation}.
 */
public final class CleanseFile implements Closeable {

    public static final String CPLI_ID = "cpli_id";
    public static final String ACTION = "action";
    public static final String EFFECTIVE_DATE = "effective_date";
    public static final String ELEMENT_CODE = "element_code";
    public static final String UNIT = "unit";
    public static final String RATE = "rate";
    public static final String PLANNED_UNITS = "planned_units_per_week";
    public static final String END_REASON = "end_reason";
    public static final List<String> COLUMNS = List.of(CPLI_ID, ACTION, EFFECTIVE_DATE, ELEMENT_CODE, UNIT, RATE,
            PLANNED_UNITS, END_REASON);

    /** Longest value a column may hold: the care line model's own limits. */
    private static final Map<String, Integer> MAX_LENGTH = Map.of(CPLI_ID, 32, ACTION, 16, EFFECTIVE_DATE, 10,
            ELEMENT_CODE, 32, UNIT, 16, RATE, 16, PLANNED_UNITS, 16, END_REASON, 100);
    /** Plain decimals only: no exponent (1E3), sign, thousands separator or currency symbol. */
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,9}(\\.\\d{1,4})?");

    /** What the decoder puts for bytes that are not UTF-8. */
    private static final char NOT_UTF8 = '\uFFFD';

    private final String fileName;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final Map<String, Integer> columnIndex = new HashMap<>();
    private CSVRecord pending;
    private long lastRow = 1;
    private long lastPosition;

    private CleanseFile(String fileName, InputStream in) throws IOException {
        this.fileName = fileName;
        BufferedInputStream bytes = new BufferedInputStream(in, 1 << 16);
        refuseUtf16AndSkipBom(fileName, bytes);
        // Bytes that are not UTF-8 become U+FFFD, refused per cell (row and column named) rather than read as mojibake;
        // reporting them from the decoder could not name the row, as it decodes ahead of the parser.
        InputStreamReader text = new InputStreamReader(bytes, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
        this.parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get().parse(text);
        this.records = parser.iterator();
        readHeader();
    }

    /** Opens the file and checks its header; the caller closes it. */
    public static CleanseFile open(Path file) throws IOException {
        return open(file, file.getFileName().toString());
    }

    /** As {@link #open(Path)}, for a file kept under another name than the one its reasons should name. */
    public static CleanseFile open(Path file, String fileName) throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            return new CleanseFile(fileName, in);
        } catch (RuntimeException | IOException e) {
            in.close();
            throw e;
        }
    }

    /** Characters read so far: with the file's size, how far through it the reading is. */
    public long position() {
        return lastPosition;
    }

    /** The next care line's rows, or null at the end of the file. */
    public CareLineRows next() {
        CSVRecord first = pending != null ? pending : read();
        pending = null;
        if (first == null) {
            return null;
        }
        String cpliId = cell(first, CPLI_ID);
        List<CleanseRow> rows = new ArrayList<>();
        BusinessRuleViolation problem = null;
        for (CSVRecord record = first; record != null; record = read()) {
            if (record != first && !cell(record, CPLI_ID).equals(cpliId)) {
                pending = record;
                break;
            }
            if (problem == null) {
                try {
                    rows.add(row(record));
                } catch (BusinessRuleViolation bad) {
                    problem = bad;
                }
            }
        }
        long firstRow = first.getRecordNumber();
        if (problem == null) {
            problem = lineProblem(rows);
        }
        return new CareLineRows(cpliId, firstRow, rows, problem);
    }

    private CSVRecord read() {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            lastRow = record.getRecordNumber();
            lastPosition = record.getCharacterPosition();
            return record;
        } catch (UncheckedIOException | IllegalStateException e) {
            throw unreadable(e);
        }
    }

    private BusinessRuleViolation unreadable(RuntimeException e) {
        long row = lastRow + 1;
        return new BusinessRuleViolation("CLEANSE_MALFORMED_CSV", "row " + row, fileName, Map.of("fileName", fileName,
                "row", row, "detail", e.getCause() == null ? e.getMessage() : e.getCause().getMessage()));
    }

    private void readHeader() {
        CSVRecord header = read();
        if (header == null) {
            throw new BusinessRuleViolation("CLEANSE_MISSING_COLUMN", CPLI_ID, "", Map.of("fileName", fileName,
                    "row", 1, "column", CPLI_ID, "detail", "the file is empty; its first row must name the columns "
                            + String.join(",", COLUMNS)));
        }
        for (int i = 0; i < header.size(); i++) {
            columnIndex.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        for (String column : COLUMNS) {
            if (!columnIndex.containsKey(column)) {
                throw new BusinessRuleViolation("CLEANSE_MISSING_COLUMN", column, "", Map.of("fileName", fileName,
                        "row", 1, "column", column, "detail", "the first row must name the columns " + String.join(",", COLUMNS)));
            }
        }
    }

    private String cell(CSVRecord record, String column) {
        int index = columnIndex.get(column);
        return index < record.size() ? record.get(index).strip() : "";
    }

    private CleanseRow row(CSVRecord record) {
        long row = record.getRecordNumber();
        for (String column : COLUMNS) {
            String value = cell(record, column);
            if (value.indexOf(NOT_UTF8) >= 0) {
                throw problem("CLEANSE_ENCODING", row, column, value, Map.of("fileName", fileName, "detail", "column "
                        + column + " holds bytes that are not UTF-8 text; save the file as \"CSV UTF-8\""));
            }
            if (SpreadsheetCells.isFormulaLike(value)) {
                throw problem("CLEANSE_FORMULA_CELL", row, column, value);
            }
            if (value.length() > MAX_LENGTH.get(column)) {
                throw problem("CLEANSE_VALUE_TOO_LONG", row, column, value, Map.of("max", MAX_LENGTH.get(column)));
            }
        }
        String cpliId = required(record, CPLI_ID);
        String actionText = required(record, ACTION);
        CleanseAction action;
        try {
            action = CleanseAction.valueOf(actionText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw problem("CLEANSE_UNKNOWN_ACTION", row, ACTION, actionText);
        }
        for (String column : action.requiredColumns()) {
            if (cell(record, column).isEmpty()) {
                throw problem("CLEANSE_MISSING_VALUE", row, column, "", Map.of("action", action));
            }
        }
        return new CleanseRow(row, cpliId, action, date(record, EFFECTIVE_DATE), text(record, ELEMENT_CODE),
                text(record, UNIT), amount(record, RATE), amount(record, PLANNED_UNITS), text(record, END_REASON));
    }

    private String required(CSVRecord record, String column) {
        String value = cell(record, column);
        if (value.isEmpty()) {
            throw problem("CLEANSE_MISSING_VALUE", record.getRecordNumber(), column, "", Map.of("action", "every action"));
        }
        return value;
    }

    private String text(CSVRecord record, String column) {
        String value = cell(record, column);
        return value.isEmpty() ? null : value;
    }

    private LocalDate date(CSVRecord record, String column) {
        String value = cell(record, column);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException bad) {
            throw problem("CLEANSE_BAD_DATE", record.getRecordNumber(), column, value);
        }
    }

    private BigDecimal amount(CSVRecord record, String column) {
        String value = cell(record, column);
        if (value.isEmpty()) {
            return null;
        }
        if (!AMOUNT.matcher(value).matches()) {
            throw problem("CLEANSE_BAD_AMOUNT", record.getRecordNumber(), column, value);
        }
        return new BigDecimal(value);
    }

    /** What is wrong with the rows of one care line taken together. */
    private static BusinessRuleViolation lineProblem(List<CleanseRow> rows) {
        CleanseRow first = rows.get(0);
        Set<String> elements = new HashSet<>();
        for (CleanseRow row : rows) {
            if (row.action() != first.action() || !Objects.equals(row.effectiveDate(), first.effectiveDate())) {
                return problem("CLEANSE_MIXED_ACTIONS", row.row(), row.action() != first.action() ? ACTION : EFFECTIVE_DATE,
                        row.action() != first.action() ? row.action() : row.effectiveDate(),
                        Map.of("firstRow", first.row(), "action", first.action()));
            }
            boolean repeated = first.action() == CleanseAction.END ? row != first : !elements.add(row.elementCode());
            if (repeated) {
                return problem("CLEANSE_DUPLICATE_ROW", row.row(), first.action() == CleanseAction.END ? ACTION : ELEMENT_CODE,
                        first.action() == CleanseAction.END ? row.action() : row.elementCode(), Map.of("firstRow", first.row()));
            }
        }
        return null;
    }

    static BusinessRuleViolation problem(String code, long row, String column, Object value) {
        return problem(code, row, column, value, Map.of());
    }

    static BusinessRuleViolation problem(String code, long row, String column, Object value, Map<String, ?> more) {
        Map<String, Object> details = new HashMap<>(more);
        details.put("row", row);
        details.put("column", column);
        return new BusinessRuleViolation(code, column, value, details);
    }

    private static void refuseUtf16AndSkipBom(String fileName, BufferedInputStream in) throws IOException {
        in.mark(3);
        byte[] start = in.readNBytes(3);
        in.reset();
        if (TextDecoding.startsWith(start, 0xFE, 0xFF) || TextDecoding.startsWith(start, 0xFF, 0xFE)) {
            throw new BusinessRuleViolation("CLEANSE_ENCODING", "row 1", "UTF-16", Map.of("fileName", fileName, "row", 1,
                    "detail", "the file is UTF-16 (\"Unicode text\"); save it as \"CSV UTF-8\""));
        }
        if (TextDecoding.startsWith(start, 0xEF, 0xBB, 0xBF)) {
            in.skipNBytes(3); // Excel's "CSV UTF-8" starts with a byte order mark
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
