package org.carehub.failures;

import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
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
        String journeyId = ledger.open(new Subject(flow, channel, null, null, null, null, null), JourneyStatus.REFUSED)
                .journeyId();
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setBody(original);
        exchange.getMessage().setHeader(ParkedHeaders.JOURNEY_ID, journeyId);
        exchange.getMessage().setHeader(ParkedHeaders.FLOW, flow);
        exchange.getMessage().setHeader(ParkedHeaders.CONTENT_TYPE, contentType);
        parking.stamp(exchange.getMessage(), new Parking.Classified(reasonCode, field, value, Map.copyOf(details)),
                flowQueue, "receive");
        ledger.status(journeyId, JourneyStatus.REFUSED);
        Exchange sent = producer.send("jms:queue:" + ParkedHeaders.parkedQueueOf(flowQueue), exchange);
        if (sent.getException() != null) {
            throw new IllegalStateException("Could not park refused input of journey " + journeyId, sent.getException());
        }
        return journeyId;
    }
}
