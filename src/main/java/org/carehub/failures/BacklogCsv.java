package org.carehub.failures;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.function.ToLongFunction;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.carehub.channels.SpreadsheetCells;

/**
 * The backlog as a CSV file for spreadsheets: one "count" row per reason × owner team × age bucket,
 * then one "oldest" row per longest-waiting item. Values from LAS (provider, client, field values) end
 * up in cells, so every cell a spreadsheet would read as a formula is neutralised (OWASP CSV injection).
 */
public final class BacklogCsv {

    static final String[] HEADER = {"record", "reasonCode", "ownerTeam", "ageBucket", "count", "journeyId",
            "reasonTitle", "clientId", "careLineId", "providerRef", "field", "value", "firstFailedAt", "daysWaiting",
            "explanation", "fix"};

    private BacklogCsv() {
    }

    /** The CSV text, with a header row; {@code daysWaiting} gives each oldest item's calendar days waited. */
    public static String write(BacklogView view, ToLongFunction<ParkedItem> daysWaiting) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
            for (BacklogCount c : view.counts()) {
                row(csv, "count", c.reasonCode(), c.ownerTeam(), c.ageBucket(), c.count(),
                        null, null, null, null, null, null, null, null, null, null, null);
            }
            for (ParkedItem i : view.oldest()) {
                long days = daysWaiting.applyAsLong(i);
                row(csv, "oldest", i.reasonCode(), i.ownerTeam(), AgeBucket.of(days), null,
                        i.journeyId(), i.reasonTitle(), i.clientId(), i.careLineId(), i.providerRef(), i.field(),
                        i.value(), i.firstFailedAt(), days, i.explanation(), i.fix());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    private static void row(CSVPrinter csv, Object... cells) throws IOException {
        for (Object cell : cells) {
            csv.print(neutralise(cell));
        }
        csv.println();
    }

    /**
     * A cell a spreadsheet would run as a formula (starting with = + - @, tab or carriage return) gets a
     * leading single quote, as OWASP advises; CSV quoting of the cell is left to Commons CSV.
     */
    static String neutralise(Object cell) {
        if (cell == null) {
            return null;
        }
        return SpreadsheetCells.neutralise(cell instanceof Instant instant ? instant.toString() : cell.toString());
    }
}
