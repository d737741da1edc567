package org.carehub.deaths;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.ProducerTemplate;
import org.carehub.channels.BoundedBody;
import org.carehub.channels.ChannelRefusals;
import org.carehub.channels.ChannelRefusals.Door;
import org.carehub.channels.Refusal;
import org.carehub.channels.TextDecoding;
import org.carehub.channels.TextDecoding.Decoded;
import org.carehub.channels.TextDecoding.UndecodableText;
import org.carehub.deaths.DeathFeedCsv.Reading;
import org.carehub.deaths.DeathFeedCsv.RowProblem;
import org.carehub.deaths.DeathFeedCsv.UnreadableFeed;
import org.carehub.failures.JourneyLedger;
import org.carehub.failures.JourneyLedger.Opening;
import org.carehub.failures.JourneyLedger.Subject;
import org.carehub.failures.JourneyStatus;
import org.carehub.failures.ParkedHeaders;
import org.carehub.schedules.SchedulesProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Reads a date-of-death feed file (called by {@code routes/deaths.yaml}): each notification becomes a message on
 * {@code carehub.deaths.notifications} under a journey of its own; a notification already taken (same source and
 * reference) is not sent again; a row that cannot be read is parked MALFORMED_CSV_ROW with its line, and a file that
 * cannot be read at all UNREADABLE_FILE. The file itself is kept by the route (done/ or failed/).
 */
@Component("deathFeed")
public class DeathFeed {

    public static final String FLOW = "death-feed";
    public static final String QUEUE = "carehub.deaths.notifications";
    static final String CHANNEL = "file";
    static final String EVENT_TYPE = "DEATH_NOTIFICATION";
    private static final Door DOOR = new Door(QUEUE, FLOW, CHANNEL);
    private static final String CONTENT_TYPE = "text/csv";

    private static final Logger log = LoggerFactory.getLogger(DeathFeed.class);

    private final JourneyLedger ledger;
    private final DeathRecords records;
    private final ChannelRefusals refusals;
    private final ProducerTemplate producer;
    private final ObjectMapper json;
    private final SchedulesProperties calendar;
    private final long maxFileBytes;

    public DeathFeed(JourneyLedger ledger, DeathRecords records, ChannelRefusals refusals, ProducerTemplate producer,
                     ObjectMapper json, SchedulesProperties calendar,
                     @Value("${carehub.deaths.feed.max-file-size:20MB}") DataSize maxFileSize) {
        this.ledger = ledger;
        this.records = records;
        this.refusals = refusals;
        this.producer = producer;
        this.json = json;
        this.calendar = calendar;
        this.maxFileBytes = maxFileSize.toBytes();
    }

    /** What became of a feed file's rows. */
    public record FeedSummary(String fileName, int notifications, int queued, int duplicates, int refusedRows) {
    }

    public FeedSummary read(@Header(Exchange.FILE_NAME) String fileName, @Body InputStream file) throws IOException {
        BoundedBody bytes = BoundedBody.readFile(file, maxFileBytes);
        if (bytes.tooLarge()) {
            return refuseFile(fileName, bytes.bytes(), "the file is " + bytes.sizeInWords() + "; the limit is "
                    + maxFileBytes + " bytes");
        }
        Reading reading;
        try {
            Decoded decoded = TextDecoding.decode(bytes.bytes());
            reading = DeathFeedCsv.read(fileName, decoded.text(), LocalDate.now(calendar.zone()));
        } catch (UndecodableText | UnreadableFeed unreadable) {
            return refuseFile(fileName, bytes.bytes(), unreadable.getMessage());
        }
        for (RowProblem problem : reading.problems()) {
            List<Refusal.FieldError> fields = problem.column().isEmpty() ? List.of()
                    : List.of(new Refusal.FieldError(problem.column(), problem.detail()));
            Refusal refusal = refusals.park(DOOR, reading.header() + problem.rowText(), CONTENT_TYPE,
                    new Refusal("MALFORMED_CSV_ROW", problem.detail(), null, fields), problem.value(),
                    Map.of("fileName", fileName, "line", problem.line()));
            log.warn("Death feed {} line {} parked as journey {}: {}", fileName, problem.line(), refusal.journeyId(),
                    problem.detail());
        }
        int queued = 0;
        for (DeathNotification notification : reading.notifications()) {
            if (take(notification)) {
                queued++;
            }
        }
        FeedSummary summary = new FeedSummary(fileName, reading.notifications().size(), queued,
                reading.notifications().size() - queued, reading.problems().size());
        log.info("Death feed {}: {} notifications, {} queued, {} already received, {} rows refused", fileName,
                summary.notifications(), queued, summary.duplicates(), summary.refusedRows());
        return summary;
    }

    /** Sends the notification on under a journey of its own; false when it was received before. */
    private boolean take(DeathNotification n) {
        Opening opening = ledger.open(new Subject(FLOW, CHANNEL, n.key(), 1, EVENT_TYPE, null, null), JourneyStatus.ACCEPTING);
        if (opening.alreadyKnown() && opening.status() != JourneyStatus.ACCEPTING) {
            ledger.step(opening.journeyId(), "resend", "IGNORED", "the same notification again in " + n.feedFile()
                    + " line " + n.feedLine());
            return false;
        }
        records.received(n, opening.journeyId());
        Map<String, Object> headers = new HashMap<>();
        headers.put(ParkedHeaders.JOURNEY_ID, opening.journeyId());
        headers.put(ParkedHeaders.FLOW, FLOW);
        // Step first: once on the broker a consumer may process it before this thread goes on.
        ledger.step(opening.journeyId(), "queued", "OK", QUEUE);
        producer.sendBodyAndHeaders("jms:queue:" + QUEUE, toJson(n), headers);
        ledger.statusIf(opening.journeyId(), JourneyStatus.ACCEPTING, JourneyStatus.QUEUED);
        return true;
    }

    private FeedSummary refuseFile(String fileName, byte[] original, String detail) {
        Refusal refusal = refusals.park(DOOR, original, CONTENT_TYPE, Refusal.of("UNREADABLE_FILE", detail), null,
                Map.of("fileName", fileName));
        log.warn("Death feed {} refused as a whole, parked as journey {}: {}", fileName, refusal.journeyId(), detail);
        return new FeedSummary(fileName, 0, 0, 0, 0);
    }

    private String toJson(DeathNotification n) {
        try {
            return json.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write notification " + n.key(), e);
        }
    }
}
