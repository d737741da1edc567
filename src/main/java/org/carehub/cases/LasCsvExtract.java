package org.carehub.cases;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.carehub.cases.LasCsvRow.RowProblem;
import org.carehub.channels.BoundedBody;
import org.carehub.channels.ChannelRefusals;
import org.carehub.channels.ChannelRefusals.Door;
import org.carehub.channels.Refusal;
import org.carehub.channels.TextDecoding;
import org.carehub.channels.TextDecoding.Decoded;
import org.carehub.channels.TextDecoding.UndecodableText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads a LAS CSV extract (called by {@code routes/las-csv-extract.yaml}): one event per row, or per run
 * of rows with the same event id for a care line with several elements, each taken into {@link LasIntake}.
 * A row that cannot be read is parked MALFORMED_CSV_ROW with the header and its own text, and the other
 * rows go on; a file that cannot be read at all is parked whole as UNREADABLE_FILE.
 */
@Component("lasCsvExtract")
public class LasCsvExtract {

    static final String CHANNEL = "CSV";
    static final Door DOOR = new Door(LasIntake.QUEUE, LasIntake.FLOW, CHANNEL);
    private static final String CONTENT_TYPE = "text/csv";
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).setIgnoreHeaderCase(true).setTrim(true).setIgnoreEmptyLines(true)
            .get();

    private static final Logger log = LoggerFactory.getLogger(LasCsvExtract.class);

    private final LasIntake intake;
    private final Validator validator;
    private final ChannelRefusals refusals;
    private final long maxFileBytes;

    public LasCsvExtract(LasIntake intake, Validator validator, ChannelRefusals refusals, LasCsvProperties settings) {
        this.intake = intake;
        this.validator = validator;
        this.refusals = refusals;
        this.maxFileBytes = settings.maxFileBytes().toBytes();
    }

    /** What became of a file's rows, logged once per file. */
    private static final class Tally {
        int rows;
        int accepted;
        int duplicates;
        int refused;
    }

    public void read(@Header(Exchange.FILE_NAME) String fileName, @Body InputStream file) throws IOException {
        BoundedBody bytes = BoundedBody.read(file, maxFileBytes);
        if (bytes.tooLarge()) {
            refuseFile(fileName, bytes.bytes(), "the file is " + bytes.sizeInWords() + "; the limit is "
                    + maxFileBytes + " bytes");
            return;
        }
        Decoded decoded;
        try {
            decoded = TextDecoding.decode(bytes.bytes());
        } catch (UndecodableText e) {
            refuseFile(fileName, bytes.bytes(), e.getMessage());
            return;
        }
        CSVParser parser;
        try {
            parser = CSVParser.parse(decoded.text(), FORMAT);
        } catch (IllegalArgumentException badHeader) {
            refuseFile(fileName, bytes.bytes(), badHeader.getMessage()); // e.g. a column named twice
            return;
        }
        Tally tally = new Tally();
        try (parser) {
            Optional<String> badHeader = headerProblem(parser.getHeaderNames());
            if (badHeader.isPresent()) {
                refuseFile(fileName, bytes.bytes(), badHeader.get());
                return;
            }
            readRows(fileName, decoded.text(), parser, tally);
        } catch (UncheckedIOException unreadable) {
            // Commons CSV cannot go on (a quote never closed): what follows cannot be trusted, so the file
            // is parked whole; the rows before were taken, and are duplicates if the file is dropped again.
            refuseFile(fileName, bytes.bytes(), "after " + tally.rows + " rows: " + unreadable.getCause().getMessage());
        }
        log.info("LAS CSV extract {} ({}): {} rows, {} events accepted, {} duplicates, {} rows refused",
                fileName, decoded.charset(), tally.rows, tally.accepted, tally.duplicates, tally.refused);
    }

    private void readRows(String fileName, String text, CSVParser parser, Tally tally) {
        Lines lines = new Lines(text);
        Iterator<CSVRecord> records = parser.iterator();
        Map<String, Integer> firstLineOfEvent = new HashMap<>();
        int headerEnd = -1;
        List<LasCsvRow> group = new ArrayList<>();
        long groupStart = 0;
        String groupEventId = null;
        while (true) {
            CSVRecord record = records.hasNext() ? records.next() : null;
            long position = record == null ? text.length() : record.getCharacterPosition();
            if (headerEnd < 0) {
                headerEnd = (int) position;
                groupStart = position;
            }
            String eventId = record == null ? null : new LasCsvRow(record, 0).text(LasCsvColumn.EVENT_ID);
            if (!group.isEmpty() && (record == null || eventId == null || !eventId.equals(groupEventId))) {
                String rowsText = text.substring((int) groupStart, (int) position);
                take(fileName, text.substring(0, headerEnd), parser.getHeaderNames().size(),
                        new LasCsvGroup(groupEventId, group, rowsText), firstLineOfEvent, tally);
                group = new ArrayList<>();
                groupStart = position;
            }
            if (record == null) {
                return;
            }
            tally.rows++;
            group.add(new LasCsvRow(record, lines.lineAt(position)));
            groupEventId = eventId;
        }
    }

    private void take(String fileName, String header, int headerCount, LasCsvGroup group,
                      Map<String, Integer> firstLineOfEvent, Tally tally) {
        try {
            requireReadable(group, headerCount, firstLineOfEvent);
            LasEvent event = group.toEvent();
            Set<ConstraintViolation<LasEvent>> violations = validator.validate(event);
            Optional<RowProblem> invalid = group.problemOf(violations);
            if (invalid.isPresent()) {
                throw invalid.get();
            }
            IntakeReceipt receipt = intake.accept(event, CHANNEL);
            if (receipt.duplicate()) {
                tally.duplicates++;
            } else {
                tally.accepted++;
            }
        } catch (RowProblem problem) {
            tally.refused += group.rows().size();
            Refusal refusal = refusals.park(DOOR, header + group.text(), CONTENT_TYPE,
                    new Refusal("MALFORMED_CSV_ROW", problem.detail(), null,
                            List.of(new Refusal.FieldError(problem.column, problem.detail()))),
                    problem.value, Map.of("fileName", fileName, "line", problem.line));
            log.warn("LAS CSV extract {} line {} parked as journey {}: {}", fileName, problem.line,
                    refusal.journeyId(), problem.detail());
        }
    }

    /** Row shapes that make the rows meaningless before any value is read. */
    private static void requireReadable(LasCsvGroup group, int headerCount, Map<String, Integer> firstLineOfEvent) {
        LasCsvRow first = group.rows().get(0);
        for (LasCsvRow row : group.rows()) {
            if (row.size() != headerCount) {
                throw new RowProblem(row.line(), "", "", "the row has " + row.size() + " values; the header has "
                        + headerCount + " columns");
            }
        }
        if (group.eventId() == null) {
            throw first.problem(LasCsvColumn.EVENT_ID, "", "is empty");
        }
        Integer earlier = firstLineOfEvent.putIfAbsent(group.eventId(), group.firstLine());
        if (earlier != null) {
            throw first.problem(LasCsvColumn.EVENT_ID, group.eventId(), "already used by the rows at line " + earlier
                    + "; the rows of one event must be consecutive");
        }
    }

    private static Optional<String> headerProblem(List<String> headers) {
        List<String> unknown = headers.stream()
                .filter(h -> LasCsvColumn.byHeader(h.toLowerCase(Locale.ROOT)).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            return Optional.of("the header names columns that are not in the LAS extract template: " + unknown
                    + " (see docs/las-csv-extract.md)");
        }
        List<String> missing = LasCsvColumn.REQUIRED.stream().map(c -> c.header)
                .filter(h -> headers.stream().noneMatch(h::equalsIgnoreCase)).toList();
        if (!missing.isEmpty()) {
            return Optional.of("the header lacks the columns " + missing + (headers.isEmpty() ? " (the file is empty)" : ""));
        }
        return Optional.empty();
    }

    private void refuseFile(String fileName, byte[] original, String detail) {
        Refusal refusal = refusals.park(DOOR, original, CONTENT_TYPE, Refusal.of("UNREADABLE_FILE", detail), null,
                Map.of("fileName", fileName));
        log.warn("LAS CSV extract {} refused as a whole, parked as journey {}: {}", fileName, refusal.journeyId(), detail);
    }

    /** Line numbers of character positions, counted as an editor shows them (from 1). */
    private static final class Lines {
        private final int[] starts;

        Lines(String text) {
            int[] found = new int[16];
            int count = 1;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    if (count == found.length) {
                        found = Arrays.copyOf(found, count * 2);
                    }
                    found[count++] = i + 1;
                }
            }
            this.starts = Arrays.copyOf(found, count);
        }

        int lineAt(long position) {
            int i = Arrays.binarySearch(starts, (int) position);
            return i >= 0 ? i + 1 : -i - 1;
        }
    }
}
