package org.carehub.cleanse;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.carehub.channels.SpreadsheetCells;

/**
 * The dry run's report.csv: every care line of the file, what would happen to it and, if it fails, why and who
 * fixes it. People open it in a spreadsheet, so every cell is neutralised against formula injection.
 */
final class CleanseReport implements Closeable {

    static final String[] HEADER = {"row", "cpli_id", "outcome", "reason_code", "field", "value", "explanation", "fix",
            "owner_team"};

    private final CSVPrinter printer;

    private CleanseReport(Writer out) throws IOException {
        this.printer = CSVFormat.RFC4180.builder().setHeader(HEADER).get().print(out);
    }

    /** Starts the report afresh (a dry run started again rewrites it). */
    static CleanseReport create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return new CleanseReport(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
    }

    void write(LineOutcome line) throws IOException {
        LineOutcome.Failure f = line.failure();
        String[] cells = f == null
                ? new String[] {String.valueOf(line.firstRow()), line.cpliId(), outcome(line), "", "", "", "", "", ""}
                : new String[] {String.valueOf(line.firstRow()), line.cpliId(), outcome(line), f.reasonCode(), f.field(),
                        f.value(), f.explanation(), f.fix(), f.ownerTeam()};
        printer.printRecord(Arrays.stream(cells).map(SpreadsheetCells::neutralise).toArray());
    }

    /** The report's words: would-change or fails. */
    private static String outcome(LineOutcome line) {
        return line.outcome().name().toLowerCase().replace('_', '-');
    }

    void flush() throws IOException {
        printer.flush();
    }

    @Override
    public void close() throws IOException {
        printer.close();
    }
}
