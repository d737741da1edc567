package org.carehub.reference;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads one CSV file of the mappings into rows: checks the header names exactly the expected columns
 * (in any order) and that every row has as many cells as the header. Blank lines and rows of empty
 * cells (Excel leaves them) are skipped.
 */
final class CsvMappingReader {

    private final Path dir;
    private final MappingProblems problems;
    private final Set<String> read = new HashSet<>();

    CsvMappingReader(Path dir, MappingProblems problems) {
        this.dir = dir;
        this.problems = problems;
    }

    /** How the file is named in problems: the folder's name and the file, e.g. {@code mappings/rate-card.csv}. */
    static String label(Path dir, String fileName) {
        return dir.toAbsolutePath().normalize().getFileName() + "/" + fileName;
    }

    /** The file's data rows; none when the file is missing, unreadable or lacks a column. */
    List<MappingRow> read(String fileName, List<String> columns) {
        String label = label(dir, fileName);
        int before = problems.count();
        List<MappingRow> rows = MappingText.read(dir.resolve(fileName), label, problems)
                .map(text -> parse(text, label, columns))
                .orElse(List.of());
        if (problems.count() == before) {
            read.add(fileName);
        }
        return rows;
    }

    /**
     * Whether the file and every row of it could be read (cells may still be bad). When not, references to
     * its keys are not checked: one unreadable file or row should not also report every row naming it.
     */
    boolean wasRead(String fileName) {
        return read.contains(fileName);
    }

    private List<MappingRow> parse(String text, String label, List<String> columns) {
        List<MappingRow> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(CSVFormat.DEFAULT).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            LineIndex lines = new LineIndex(text);
            long nextLine = 1;
            try {
                if (!records.hasNext()) {
                    problems.add(new MappingLocation(label, 1, 1, null),
                            "the file is empty; its first line must be the header " + String.join(",", columns));
                    return rows;
                }
                Header header = header(records.next().toList(), label, columns);
                nextLine = parser.getCurrentLineNumber() + 1;
                while (header != null && records.hasNext()) {
                    CSVRecord record = records.next();
                    row(record.toList(), label, lines.lineAt(record.getCharacterPosition()), header).ifPresent(rows::add);
                    nextLine = parser.getCurrentLineNumber() + 1;
                }
            } catch (UncheckedIOException e) {
                problems.add(new MappingLocation(label, (int) nextLine, 1, null), "not readable as CSV from here on;"
                        + " look for a double quote (\") that is not closed or has text after it. Detail: " + e.getCause().getMessage());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** The header: each expected column's index, and how many columns there are (unknown ones included). */
    private record Header(Map<String, Integer> columns, List<String> names) {
    }

    /** The header, or null when expected columns are missing (the rows would only repeat that). */
    private Header header(List<String> names, String label, List<String> columns) {
        Map<String, Integer> header = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).trim();
            MappingLocation at = new MappingLocation(label, 1, i + 1, name.isEmpty() ? null : name);
            if (!columns.contains(name)) {
                problems.add(at, "unknown column; the header must name " + String.join(",", columns));
            } else if (header.putIfAbsent(name, i) != null) {
                problems.add(at, "the column is named twice in the header");
            }
        }
        boolean complete = true;
        for (int i = 0; i < columns.size(); i++) {
            if (!header.containsKey(columns.get(i))) {
                problems.add(new MappingLocation(label, 1, i + 1, columns.get(i)),
                        "missing column; the header must name " + String.join(",", columns));
                complete = false;
            }
        }
        return complete ? new Header(header, names) : null;
    }

    private Optional<MappingRow> row(List<String> cells, String label, int line, Header header) {
        if (cells.stream().allMatch(String::isBlank)) {
            return Optional.empty();
        }
        int width = header.names().size();
        if (cells.size() < width) {
            problems.add(new MappingLocation(label, line, cells.size() + 1, header.names().get(cells.size()).trim()),
                    "the row has " + cells.size() + " cells but the header has " + width + " columns");
            return Optional.empty();
        }
        if (cells.size() > width) {
            problems.add(new MappingLocation(label, line, width + 1, null), "the row has " + cells.size()
                    + " cells but the header has " + width + " columns; a value with a comma must be in double quotes");
            return Optional.empty();
        }
        return Optional.of(new MappingRow(label, line, header.columns(), cells, problems));
    }

    /** Finds the line a record starts on; Commons CSV gives the position before any blank lines it skipped. */
    private static final class LineIndex {

        private final String text;
        private final List<Integer> newlines = new ArrayList<>();

        LineIndex(String text) {
            this.text = text;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    newlines.add(i);
                }
            }
        }

        int lineAt(long position) {
            int start = (int) position;
            while (start < text.length() && (text.charAt(start) == '\n' || text.charAt(start) == '\r')) {
                start++;
            }
            int before = Collections.binarySearch(newlines, start);
            return (before < 0 ? -before - 1 : before) + 1;
        }
    }
}
