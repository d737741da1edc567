package org.carehub.failures;

import java.util.Collections;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;
import org.carehub.failures.JourneyLedger.Subject;
import org.springframework.stereotype.Component;

/**
 * Input that cannot be read at all (malformed XML/JSON/CSV, a refused DOCTYPE, too large): the
 * sender is told why by its channel, and the original is parked here with its reason, so nothing a
 * sender gave us is lost even when we could not accept it.
 */
@Component
public class RefusedInput {

    private final JourneyLedger ledger;
    private final Parking parking;
    private final ProducerTemplate producer;
    private final CamelContext camel;

    public RefusedInput(JourneyLedger ledger, Parking parking, ProducerTemplate producer, CamelContext camel) {
        this.ledger = ledger;
        this.parking = parking;
        this.producer = producer;
        this.camel = camel;
    }

    /**
     * Parks the original as received and returns the journey id to quote to the sender.
     *
     * @param flowQueue the queue the input was meant for, e.g. {@code carehub.las.events}
     * @param original  the bytes or text exactly as received
     */
    public String park(String flowQueue, String flow, String channel, Object original, String contentType,
                       String reasonCode, String field, String value, Map<String, ?> details) {
        return park(flowQueue, new Subject(flow, channel, null, null, null, null, null), JourneyStatus.REFUSED, original,
                Collections.singletonMap(ParkedHeaders.CONTENT_TYPE, contentType),
                new Parking.Classified(reasonCode, field, value, Map.copyOf(details)));
    }

    /**
     * Parks something a flow holds for a council team without failing the flow (e.g. one line of a provider's
     * invoice), with headers of its own, and returns the journey id.
     *
     * @param status  REFUSED for input that could not be read, PARKED for input held for its owner team
     * @param headers carried on the parked message (null values are left out)
     */
    public String park(String flowQueue, Subject subject, JourneyStatus status, Object original, Map<String, ?> headers,
                       Parking.Classified failure) {
        return send(flowQueue, parkedMessage(flowQueue, subject, status, original, headers, failure));
    }

    /** Sends a message from {@link #parkedMessage} to {@code <flowQueue>.parked} and returns its journey id. */
    public String send(String flowQueue, Message parked) {
        String journeyId = parked.getHeader(ParkedHeaders.JOURNEY_ID, String.class);
        Exchange sent = producer.send("jms:queue:" + ParkedHeaders.parkedQueueOf(flowQueue), parked.getExchange());
        if (sent.getException() != null) {
            throw new IllegalStateException("Could not park input of journey " + journeyId, sent.getException());
        }
        return journeyId;
    }

    /**
     * The message {@link #park} would send, with its journey opened and its reason stamped, for a route to send to
     * {@code <flowQueue>.parked} itself, inside the transaction of the message it consumed. Opening the journey again
     * for the same subject finds the same journey, so a redelivery prepares the same parked message.
     */
    public Message parkedMessage(String flowQueue, Subject subject, JourneyStatus status, Object original,
                                 Map<String, ?> headers, Parking.Classified failure) {
        String journeyId = ledger.open(subject, JourneyStatus.REFUSED).journeyId();
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setBody(original);
        headers.forEach((name, value) -> {
            if (value != null) {
                exchange.getMessage().setHeader(name, value);
            }
        });
        exchange.getMessage().setHeader(ParkedHeaders.JOURNEY_ID, journeyId);
        exchange.getMessage().setHeader(ParkedHeaders.FLOW, subject.flow());
        parking.stamp(exchange.getMessage(), failure, flowQueue, "receive");
        ledger.status(journeyId, status);
        return exchange.getMessage();
    }
}
