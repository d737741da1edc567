package org.carehub.cases;

import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
import org.carehub.channels.TextLines;
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

    public void read(@Header(Exchange.FILE_NAME) String fileName, @Body InputStream file) throws IOException {
        BoundedBody bytes = BoundedBody.readFile(file, maxFileBytes);
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
        FileReading reading = new FileReading(fileName, decoded.text(), parser.getHeaderNames().size());
        try (parser) {
            Optional<String> badHeader = headerProblem(parser.getHeaderNames());
            if (badHeader.isPresent()) {
                refuseFile(fileName, bytes.bytes(), badHeader.get());
                return;
            }
            reading.readRows(parser);
        } catch (UncheckedIOException unreadable) {
            // Commons CSV cannot go on (a quote never closed): what follows cannot be trusted, so the file
            // is parked whole; the rows before were taken, and are duplicates if the file is dropped again.
            refuseFile(fileName, bytes.bytes(), "after " + reading.rows + " rows: " + unreadable.getCause().getMessage());
        }
        log.info("LAS CSV extract {} ({}): {} rows, {} events accepted, {} duplicates, {} rows refused",
                fileName, decoded.charset(), reading.rows, reading.accepted, reading.duplicates, reading.refused);
    }

    /** One file being read: groups its rows into events, takes or parks each, and counts what became of them. */
    private final class FileReading {
        private final String fileName;
        private final String text;
        private final int headerCount;
        private final TextLines lines;
        /** Where each event id was first seen, so rows of one event far apart are caught. */
        private final Map<String, Integer> firstLineOfEvent = new HashMap<>();
        private String header;
        int rows;
        int accepted;
        int duplicates;
        int refused;

        FileReading(String fileName, String text, int headerCount) {
            this.fileName = fileName;
            this.text = text;
            this.headerCount = headerCount;
            this.lines = new TextLines(text);
        }

        void readRows(Iterable<CSVRecord> records) {
            List<LasCsvRow> group = new ArrayList<>();
            int groupStart = 0;
            for (CSVRecord record : records) {
                int position = (int) record.getCharacterPosition();
                if (header == null) {
                    header = text.substring(0, position);
                }
                LasCsvRow row = new LasCsvRow(record, lines.lineAt(position));
                rows++;
                if (!group.isEmpty() && !sameEvent(group.get(0), row)) {
                    take(new LasCsvGroup(group, text.substring(groupStart, position)));
                    group = new ArrayList<>();
                }
                if (group.isEmpty()) {
                    groupStart = position;
                }
                group.add(row);
            }
            if (!group.isEmpty()) {
                take(new LasCsvGroup(group, text.substring(groupStart)));
            }
        }

        private static boolean sameEvent(LasCsvRow first, LasCsvRow row) {
            String eventId = row.text(LasCsvColumn.EVENT_ID);
            return eventId != null && eventId.equals(first.text(LasCsvColumn.EVENT_ID));
        }

        private void take(LasCsvGroup group) {
            try {
                requireReadable(group);
                LasEvent event = group.toEvent();
                Optional<RowProblem> invalid = group.problemOf(validator.validate(event));
                if (invalid.isPresent()) {
                    throw invalid.get();
                }
                if (intake.accept(event, CHANNEL).duplicate()) {
                    duplicates++;
                } else {
                    accepted++;
                }
            } catch (RowProblem problem) {
                refused += group.rows().size();
                Refusal refusal = refusals.park(DOOR, header + group.text(), CONTENT_TYPE,
                        new Refusal("MALFORMED_CSV_ROW", problem.detail(), null,
                                List.of(new Refusal.FieldError(problem.column, problem.detail()))),
                        problem.value, Map.of("fileName", fileName, "line", problem.line));
                log.warn("LAS CSV extract {} line {} parked as journey {}: {}", fileName, problem.line,
                        refusal.journeyId(), problem.detail());
            }
        }

        /** Row shapes that make the rows meaningless before any value is read. */
        private void requireReadable(LasCsvGroup group) {
            for (LasCsvRow row : group.rows()) {
                if (row.size() != headerCount) {
                    throw new RowProblem(row.line(), "", "", "the row has " + row.size() + " values; the header has "
                            + headerCount + " columns");
                }
            }
            LasCsvRow first = group.rows().get(0);
            String eventId = first.text(LasCsvColumn.EVENT_ID);
            if (eventId == null) {
                throw first.problem(LasCsvColumn.EVENT_ID, "", "is empty");
            }
            Integer earlier = firstLineOfEvent.putIfAbsent(eventId, first.line());
            if (earlier != null) {
                throw first.problem(LasCsvColumn.EVENT_ID, eventId, "already used by the rows at line " + earlier
                        + "; the rows of one event must be consecutive");
            }
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
}
