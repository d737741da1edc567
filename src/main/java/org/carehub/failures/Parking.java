package org.carehub.failures;

import static org.carehub.failures.ParkedHeaders.*;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.jms.JmsEndpoint;
import org.carehub.finance.FinanceUnavailableException;
import org.carehub.reference.FailureReason;
import org.carehub.reference.ReferenceData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns a failed message into a parked one: classifies the failure against the reason catalogue,
 * stamps the reason, field, fix and owner team as headers, records it in the journey ledger, and
 * names the dead-letter queue it goes to. The payload stays exactly as it arrived.
 */
@Component("parking")
public class Parking {

    private static final Logger log = LoggerFactory.getLogger(Parking.class);

    private final ReferenceData reference;
    private final JourneyLedger ledger;
    private final FlowMetrics metrics;
    private final Clock clock;

    public Parking(ReferenceData reference, JourneyLedger ledger, FlowMetrics metrics) {
        this.reference = reference;
        this.ledger = ledger;
        this.metrics = metrics;
        this.clock = Clock.systemUTC();
    }

    /** A failure classified: the catalogue code and what was wrong where. */
    public record Classified(String reasonCode, String field, String value, Map<String, Object> details) {
    }

    /** Called by the shared error handling in {@code routes/error-handling.yaml} before the parked send. */
    public void prepare(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Message message = exchange.getMessage();
        // The original message (useOriginalMessage) carries no redelivery counter: the flow counts finance attempts.
        int attempts = exchange.getProperty(FINANCE_ATTEMPTS_PROPERTY, 1, Integer.class);
        Classified failure = classify(cause, attempts);
        String flowQueue = flowQueueOf(exchange);
        stamp(message, failure, flowQueue, exchange.getProperty(STEP_PROPERTY, "receive", String.class));
        exchange.setProperty(PARKED_QUEUE_PROPERTY, parkedQueueOf(flowQueue));
        // The redelivery bookkeeping of this attempt must not travel with the parked message.
        message.removeHeaders("CamelRedelivery*");
    }

    /**
     * Stamps the reason headers on a message about to be parked and records it in the ledger.
     * Used by flows and by refused input alike.
     */
    public void stamp(Message message, Classified failure, String flowQueue, String failedStep) {
        FailureReason reason = reference.reason(failure.reasonCode());
        Map<String, Object> values = new LinkedHashMap<>(failure.details());
        values.putIfAbsent("field", failure.field());
        values.putIfAbsent("value", failure.value());
        values.putIfAbsent("clientId", message.getHeader(CLIENT_ID));
        values.putIfAbsent("careLineId", message.getHeader(CARE_LINE_ID));
        String journeyId = message.getHeader(JOURNEY_ID, String.class);
        values.putIfAbsent("journeyId", journeyId);
        String explanation = reason.explain(values);
        String now = Instant.now(clock).toString();

        message.setHeader(REASON_CODE, reason.code());
        message.setHeader(REASON_TITLE, reason.title());
        message.setHeader(EXPLANATION, explanation);
        message.setHeader(FIELD, nullToEmpty(failure.field()));
        message.setHeader(VALUE, nullToEmpty(failure.value()));
        message.setHeader(FIX, reason.fix(values));
        message.setHeader(OWNER_TEAM, reason.ownerTeam());
        message.setHeader(FAILED_STEP, failedStep);
        if (message.getHeader(FIRST_FAILED_AT) == null) {
            message.setHeader(FIRST_FAILED_AT, now);
        }
        message.setHeader(LAST_FAILED_AT, now);
        message.setHeader(ATTEMPTS, message.getHeader(ATTEMPTS, 0, Integer.class) + 1);
        message.setHeader(ARTEMIS_ORIGINAL_ADDRESS, flowQueue);
        message.setHeader(ARTEMIS_ORIGINAL_QUEUE, flowQueue);
        if (journeyId != null) {
            ledger.parked(journeyId, reason.code(), reason.ownerTeam(), explanation);
        }
        metrics.parked(message.getHeader(FLOW, String.class), reason.code(), reason.ownerTeam());
        log.warn("Parked journey {} on {}: {} — {} (owner {})", journeyId, parkedQueueOf(flowQueue),
                reason.code(), explanation, reason.ownerTeam());
    }

    /** Maps what went wrong to a catalogue entry; anything unforeseen is a hub fault, never silently lost. */
    public Classified classify(Throwable cause, int attempts) {
        if (cause instanceof BusinessRuleViolation v) {
            return new Classified(v.reasonCode(), v.field(), v.value(), v.details());
        }
        if (cause instanceof FinanceUnavailableException f) {
            return new Classified("FINANCE_UNAVAILABLE", "finance", f.getMessage(),
                    Map.of("financeMessage", f.getMessage(), "attempts", attempts));
        }
        String detail = cause == null ? "unknown failure" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return new Classified("HUB_INTERNAL_ERROR", "", "", Map.of("detail", detail));
    }

    private static String flowQueueOf(Exchange exchange) {
        if (exchange.getFromEndpoint() instanceof JmsEndpoint jms) {
            return jms.getDestinationName();
        }
        throw new IllegalStateException("Route " + exchange.getFromRouteId() + " does not consume from a queue;"
                + " only queue-fed flows can park messages");
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
