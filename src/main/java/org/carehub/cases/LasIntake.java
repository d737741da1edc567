package org.carehub.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.carehub.failures.FlowMetrics;
import org.carehub.failures.JourneyLedger;
import org.carehub.failures.JourneyLedger.Opening;
import org.carehub.failures.JourneyLedger.Subject;
import org.carehub.failures.JourneyStatus;
import org.carehub.failures.ParkedHeaders;
import org.springframework.stereotype.Component;

/**
 * The one door for LAS events, whichever channel brought them (SOAP, REST, CSV extract). Opens the
 * journey, refuses nothing silently, and puts the event on the broker in per-client order.
 */
@Component
public class LasIntake {

    public static final String FLOW = "las-events";
    public static final String QUEUE = "carehub.las.events";

    private final JourneyLedger ledger;
    private final ProducerTemplate producer;
    private final ObjectMapper json;
    private final FlowMetrics metrics;

    public LasIntake(JourneyLedger ledger, ProducerTemplate producer, ObjectMapper json, FlowMetrics metrics) {
        this.ledger = ledger;
        this.producer = producer;
        this.json = json;
        this.metrics = metrics;
    }

    /**
     * Accepts an event that passed the channel's schema checks. A resend of the same event id and
     * version returns the journey it already has; one whose earlier send never reached the broker
     * (a crash between ledger and broker) is queued again under the same journey.
     */
    public IntakeReceipt accept(LasEvent event, String channel) {
        Opening opening = ledger.open(new Subject(FLOW, channel, event.eventId(), event.version(), event.type().name(),
                event.clientId(), event.careLineId()), JourneyStatus.ACCEPTING);
        if (opening.alreadyKnown() && opening.status() != JourneyStatus.ACCEPTING) {
            ledger.step(opening.journeyId(), "resend", "IGNORED", "same event id and version received again via " + channel);
            return new IntakeReceipt(opening.journeyId(), true, opening.status().name());
        }
        Map<String, Object> headers = subjectHeaders(event);
        headers.put(ParkedHeaders.JOURNEY_ID, opening.journeyId());
        headers.put(ParkedHeaders.FLOW, FLOW);
        // Step first: once on the broker a consumer may process it before this thread goes on.
        ledger.step(opening.journeyId(), "queued", "OK", QUEUE);
        try {
            producer.sendBodyAndHeaders("jms:queue:" + QUEUE, toJson(event), headers);
        } catch (RuntimeException brokerRefused) {
            ledger.step(opening.journeyId(), "queued", "FAILED", brokerRefused.getMessage());
            throw brokerRefused;
        }
        ledger.statusIf(opening.journeyId(), JourneyStatus.ACCEPTING, JourneyStatus.QUEUED);
        metrics.received(FLOW, channel);
        return new IntakeReceipt(opening.journeyId(), opening.alreadyKnown(), JourneyStatus.QUEUED.name());
    }

    /** The headers that say what an event is about; the failure desk sets them again on an edited event. */
    static Map<String, Object> subjectHeaders(LasEvent event) {
        Map<String, Object> headers = new HashMap<>();
        // Message groups keep each client's events in order even with several consumers or hubs.
        headers.put("JMSXGroupID", event.clientId());
        headers.put(ParkedHeaders.CLIENT_ID, event.clientId());
        if (event.careLineId() != null) {
            headers.put(ParkedHeaders.CARE_LINE_ID, event.careLineId());
            headers.put(ParkedHeaders.PROVIDER_REF, event.careLine().providerRef());
        }
        return headers;
    }

    private String toJson(LasEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("LAS event " + event.idempotencyKey() + " could not be written as JSON", e);
        }
    }
}
