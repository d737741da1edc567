package org.carehub.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.carehub.cases.CaseStore.Versioned;
import org.carehub.failures.BusinessRuleViolation;
import org.carehub.failures.FlowMetrics;
import org.carehub.failures.JourneyLedger;
import org.carehub.failures.JourneyStatus;
import org.carehub.failures.ParkedHeaders;
import org.carehub.finance.ContrOCCAdapter;
import org.carehub.finance.FinanceReceipt;
import org.carehub.finance.FinanceUnavailableException;
import org.carehub.finance.ImportHistory;
import org.springframework.stereotype.Component;

/**
 * The steps of the LAS → ContrOCC flow ({@code routes/las-events.yaml}): read the event, check it
 * against the council's rules, deliver it to finance, record the outcome. Each step notes its name
 * so a parked message says where it failed.
 */
@Component("lasEvents")
public class LasEventFlow {

    /** Exchange property: the journey was already delivered (a redelivery after a crash): nothing to do. */
    public static final String ALREADY_DELIVERED = "carehubAlreadyDelivered";

    /** The ledger step of a run that passed the rules; only such a run goes on to finance. */
    private static final String CHECKED = "checked";

    private final ObjectMapper json;
    private final Validator validator;
    private final JourneyLedger ledger;
    private final CaseStore cases;
    private final ClientRules clientRules;
    private final CareLineRules careLineRules;
    private final ContrOCCAdapter finance;
    private final FlowMetrics metrics;

    public LasEventFlow(ObjectMapper json, Validator validator, JourneyLedger ledger, CaseStore cases,
                        ClientRules clientRules, CareLineRules careLineRules, ContrOCCAdapter finance,
                        FlowMetrics metrics) {
        this.metrics = metrics;
        this.json = json;
        this.validator = validator;
        this.ledger = ledger;
        this.cases = cases;
        this.clientRules = clientRules;
        this.careLineRules = careLineRules;
        this.finance = finance;
    }

    /** Reads the event off the queue; a message edited by hand in the failure desk is checked again. */
    public LasEvent begin(Exchange exchange) {
        exchange.setProperty(ParkedHeaders.STEP_PROPERTY, "read");
        String journeyId = journeyId(exchange);
        if (ledger.statusOf(journeyId).orElse(null) == JourneyStatus.DELIVERED) {
            ledger.step(journeyId, "redelivery", "IGNORED", "already delivered to finance");
            exchange.setProperty(ALREADY_DELIVERED, true);
            return null;
        }
        ledger.status(journeyId, JourneyStatus.IN_PROGRESS);
        return read(exchange.getMessage().getBody(String.class));
    }

    /**
     * Reads and validates an event as it travels on the broker, with no side effect.
     *
     * @throws BusinessRuleViolation MALFORMED_JSON or INVALID_EVENT
     */
    LasEvent read(String body) {
        LasEvent event = parse(body);
        requireValid(event);
        return event;
    }

    /**
     * The event's own constraints (required fields, lengths), as checked when it is read off the broker.
     *
     * @throws BusinessRuleViolation INVALID_EVENT naming the first field at fault
     */
    public void requireValid(LasEvent event) {
        Set<ConstraintViolation<LasEvent>> violations = validator.validate(event);
        if (!violations.isEmpty()) {
            String detail = violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).collect(Collectors.joining("; "));
            ConstraintViolation<LasEvent> first = violations.iterator().next();
            throw new BusinessRuleViolation("INVALID_EVENT", first.getPropertyPath().toString(),
                    first.getInvalidValue(), Map.of("detail", detail));
        }
    }

    /** Applies the council's rules for the event's type; the first broken one parks the message. */
    public void check(LasEvent event, Exchange exchange) {
        exchange.setProperty(ParkedHeaders.STEP_PROPERTY, "check");
        applyRules(event);
        ledger.step(journeyId(exchange), CHECKED, "OK", "all rules passed for " + event.type());
    }

    /**
     * The rules alone, with no side effect: reads the case store and the mappings, writes nothing. The bulk
     * cleanse checks each restated care line with them too.
     *
     * @throws BusinessRuleViolation naming the first broken rule
     */
    public void applyRules(LasEvent event) {
        applyRules(event, cases);
    }

    /** As {@link #applyRules(LasEvent)}, reading clients and care lines from the lookup (e.g. a batch's snapshot). */
    public void applyRules(LasEvent event, CaseLookup lookup) {
        switch (event.type()) {
            case CLIENT_REGISTERED, CLIENT_CHANGED -> {
                lookup.client(event.client().lasPersonId()).filter(stored -> !appliedAlready(stored, event.client(), event))
                        .ifPresent(stored -> ClientRules.requireNewer("client " + event.client().lasPersonId(),
                                event.version(), stored.version()));
                clientRules.check(event.client());
            }
            case CARE_LINE_CREATED, CARE_LINE_CHANGED, CARE_LINE_ENDED -> {
                CareLine line = event.careLine();
                lookup.careLine(line.cpliId()).filter(stored -> !appliedAlready(stored, line, event))
                        .ifPresent(stored -> ClientRules.requireNewer("care line " + line.cpliId(), event.version(),
                                stored.version()));
                Client client = registeredClient(lookup, line.clientId(), "careLine.clientId");
                clientRules.check(client);
                careLineRules.check(line, client);
            }
            case DATE_OF_DEATH_RECORDED -> registeredClient(lookup, event.death().lasPersonId(), "death.lasPersonId");
            case FINANCIAL_ASSESSMENT_REFERRAL -> registeredClient(lookup, event.assessmentReferral().lasPersonId(),
                    "assessmentReferral.lasPersonId");
        }
    }

    /**
     * This very change is the one the case store holds: the hub stopped (a crash, a kill) after saving it and before the
     * ledger said delivered, and the broker has redelivered it. Finance knows its import reference, so sending it again
     * creates nothing; refusing it as out of order would park a change finance already holds.
     */
    private <T> boolean appliedAlready(Versioned<T> stored, T subject, LasEvent event) {
        return stored.version() == event.version() && json.valueToTree(stored.value()).equals(json.valueToTree(subject));
    }

    /**
     * Sends the event to ContrOCC. The import reference is the event id and version, so a redelivery
     * after a crash is recognised by finance and never creates a second line.
     */
    public void deliverToFinance(LasEvent event, Exchange exchange) {
        exchange.setProperty(ParkedHeaders.STEP_PROPERTY, "deliver to finance");
        int attempt = exchange.getProperty(ParkedHeaders.FINANCE_ATTEMPTS_PROPERTY, 0, Integer.class) + 1;
        exchange.setProperty(ParkedHeaders.FINANCE_ATTEMPTS_PROPERTY, attempt);
        // The first attempt of the first run that passed the rules: nothing can have reached finance before, so
        // finance is not asked whether it holds each import (a round trip each). A crash, a retry or the failure
        // desk sending it again makes another run or attempt, and finance is asked.
        ImportHistory history = attempt == 1 && ledger.stepCount(journeyId(exchange), CHECKED) == 1
                ? ImportHistory.NEVER_SENT : ImportHistory.MAY_HAVE_BEEN_SENT;
        try {
            FinanceReceipt receipt = send(history, event);
            ledger.step(journeyId(exchange), "delivered to finance", "OK", receipt.toString());
        } catch (FinanceUnavailableException down) {
            // Each attempt is in the ledger, so "why is it not in finance yet" has an answer while it retries.
            ledger.step(journeyId(exchange), "finance unavailable", "ATTEMPT " + attempt, down.getMessage());
            throw down;
        }
    }

    private FinanceReceipt send(ImportHistory history, LasEvent event) {
        String reference = event.idempotencyKey();
        return switch (event.type()) {
            case CLIENT_REGISTERED, CLIENT_CHANGED -> {
                FinanceReceipt r = finance.deliverClient(history, event.client(), reference);
                cases.saveClient(event.client(), event.version());
                yield r;
            }
            case CARE_LINE_CREATED, CARE_LINE_CHANGED, CARE_LINE_ENDED -> {
                CareLine line = event.careLine();
                FinanceReceipt r = finance.deliverCareLine(history, line,
                        registeredClient(cases, line.clientId(), "careLine.clientId"),
                        reference);
                cases.saveCareLine(line, event.version());
                yield r;
            }
            case DATE_OF_DEATH_RECORDED -> {
                Versioned<Client> stored = cases.client(event.death().lasPersonId()).orElseThrow();
                Client c = stored.value();
                Client died = new Client(c.lasPersonId(), c.nhsNumber(), c.title(), c.forename(), c.surname(),
                        c.dateOfBirth(), c.address(), c.chargeable(), event.death().dateOfDeath());
                FinanceReceipt r = finance.recordDeath(history, died, reference);
                cases.saveClient(died, stored.version());
                yield r;
            }
            case FINANCIAL_ASSESSMENT_REFERRAL -> finance.referForAssessment(history, event.assessmentReferral(), reference);
        };
    }

    public void delivered(Exchange exchange) {
        ledger.status(journeyId(exchange), JourneyStatus.DELIVERED);
        long queuedAt = exchange.getMessage().getHeader("JMSTimestamp", System.currentTimeMillis(), Long.class);
        metrics.delivered(LasIntake.FLOW, Duration.ofMillis(Math.max(0, System.currentTimeMillis() - queuedAt)));
    }

    private static Client registeredClient(CaseLookup lookup, String lasPersonId, String field) {
        return lookup.client(lasPersonId).map(Versioned::value).orElseThrow(() ->
                new BusinessRuleViolation("CLIENT_NOT_REGISTERED", field, lasPersonId, Map.of("clientId", lasPersonId)));
    }

    private LasEvent parse(String body) {
        try {
            return json.readValue(body, LasEvent.class);
        } catch (JsonProcessingException e) {
            throw new BusinessRuleViolation("MALFORMED_JSON", "", "", Map.of("detail", e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr())));
        }
    }

    private static String journeyId(Exchange exchange) {
        return exchange.getMessage().getHeader(ParkedHeaders.JOURNEY_ID, String.class);
    }
}
