package org.carehub.deaths;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.carehub.cases.CaseStore;
import org.carehub.cases.Client;
import org.carehub.failures.BusinessRuleViolation;
import org.carehub.failures.JourneyLedger;
import org.carehub.failures.JourneyStatus;
import org.carehub.failures.ParkedHeaders;
import org.carehub.finance.ContrOCCDeaths;
import org.carehub.finance.DeathImportResult;
import org.carehub.finance.FinanceActual;
import org.carehub.finance.FinanceUnavailableException;
import org.carehub.reference.ReferenceData;
import org.springframework.stereotype.Component;

/**
 * The steps of a death notification ({@code routes/deaths.yaml}): match the client, record the death in finance
 * (which ends the care lines running past it), list what was paid for after it, and see that LAS has it too.
 * Every step may run again (a retry from the failure desk runs them all): finance and the lists key what they hold
 * by the notification, so nothing is done twice.
 */
@Component("deathNotifications")
public class DeathNotificationFlow {

    /** Exchange property: nothing (more) to do for this notification (already delivered, or no client matched). */
    public static final String DONE = "carehubDeathDone";
    /** Exchange property: the client the notification is about. */
    static final String CLIENT = "carehubDeathClient";
    /** Exchange property: finance holds no such client, so it has no lines to end nor payments to list. */
    static final String NOT_IN_FINANCE = "carehubDeathNotInFinance";

    private static final String REASON_TO_CONFIRM = "DEATH_TO_CONFIRM";
    private static final String REASON_NOT_IN_LAS = "DEATH_NOT_RECORDED_IN_LAS";
    private static final String REASON_DATE_DIFFERS = "DEATH_DATE_DIFFERS_FROM_LAS";

    private final ObjectMapper json;
    private final JourneyLedger ledger;
    private final CaseStore cases;
    private final DeathRecords records;
    private final ContrOCCDeaths finance;
    private final Overpayments overpayments;
    private final LasTasks lasTasks;
    private final ReferenceData reference;

    public DeathNotificationFlow(ObjectMapper json, JourneyLedger ledger, CaseStore cases, DeathRecords records,
                                 ContrOCCDeaths finance, Overpayments overpayments, LasTasks lasTasks, ReferenceData reference) {
        this.json = json;
        this.ledger = ledger;
        this.cases = cases;
        this.records = records;
        this.finance = finance;
        this.overpayments = overpayments;
        this.lasTasks = lasTasks;
        this.reference = reference;
    }

    public DeathNotification begin(Exchange exchange) {
        exchange.setProperty(ParkedHeaders.STEP_PROPERTY, "read");
        String journeyId = journeyId(exchange);
        if (ledger.statusOf(journeyId).orElse(null) == JourneyStatus.DELIVERED) {
            ledger.step(journeyId, "redelivery", "IGNORED", "already done");
            exchange.setProperty(DONE, true);
            return null;
        }
        ledger.status(journeyId, JourneyStatus.IN_PROGRESS);
        try {
            return json.readValue(exchange.getMessage().getBody(String.class), DeathNotification.class);
        } catch (JsonProcessingException e) {
            throw new BusinessRuleViolation("MALFORMED_JSON", "", "", Map.of("detail", e.getOriginalMessage()));
        }
    }

    /**
     * By NHS number → the client. Otherwise a client with the same name and date of birth is only a candidate: parked
     * for social work to confirm (an operator who confirms it puts the client's NHS number into the notification and
     * resubmits it), never applied. No candidate at all → counted as not matched, not an error.
     */
    public void match(DeathNotification n, Exchange exchange) {
        exchange.setProperty(ParkedHeaders.STEP_PROPERTY, "match");
        String journeyId = journeyId(exchange);
        List<Client> byNhsNumber = n.hasNhsNumber() ? cases.clientsByNhsNumber(n.nhsNumber()) : List.of();
        if (byNhsNumber.size() == 1) {
            Client client = byNhsNumber.get(0);
            records.outcome(n.key(), NotificationOutcome.RECEIVED, client.lasPersonId());
            ledger.step(journeyId, "matched", "OK", "client " + client.lasPersonId() + " by NHS number " + n.nhsNumber());
            exchange.setProperty(CLIENT, client);
            return;
        }
        List<Client> candidates = byNhsNumber.size() > 1 ? byNhsNumber
                : cases.clientsByNameAndBirth(n.forename(), n.surname(), n.dateOfBirth());
        if (candidates.isEmpty()) {
            records.outcome(n.key(), NotificationOutcome.NOT_MATCHED, null);
            ledger.step(journeyId, "matched", "NONE", "no client with " + (n.hasNhsNumber() ? "NHS number "
                    + n.nhsNumber() + ", nor " : "") + "this name and date of birth " + n.dateOfBirth());
            ledger.status(journeyId, JourneyStatus.DELIVERED);
            exchange.setProperty(DONE, true);
            return;
        }
        String ids = candidates.stream().map(Client::lasPersonId).collect(Collectors.joining(", "));
        records.outcome(n.key(), NotificationOutcome.TO_CONFIRM, candidates.size() == 1 ? ids : null);
        Map<String, Object> details = notificationDetails(n);
        details.put("candidates", ids);
        details.put("clientId", ids);
        details.put("detail", byNhsNumber.size() > 1 ? candidates.size() + " LAS clients share NHS number " + n.nhsNumber()
                : n.hasNhsNumber() ? "no client has NHS number " + n.nhsNumber() : "the notification has no NHS number");
        throw new BusinessRuleViolation(REASON_TO_CONFIRM, "nhsNumber", n.nhsNumber(), details);
    }

    /** Finance records the date of death and ends the client's lines running past it (once per notification). */
    public void recordInFinance(DeathNotification n, Exchange exchange) {
        exchange.setProperty(ParkedHeaders.STEP_PROPERTY, "record in finance");
        Client client = exchange.getProperty(CLIENT, Client.class);
        requireSameDateAsLas(n, client);
        int attempt = exchange.getProperty(ParkedHeaders.FINANCE_ATTEMPTS_PROPERTY, 0, Integer.class) + 1;
        exchange.setProperty(ParkedHeaders.FINANCE_ATTEMPTS_PROPERTY, attempt);
        String journeyId = journeyId(exchange);
        try {
            DeathImportResult answer = finance.recordDeath(client.lasPersonId(), n.dateOfDeath(), "death/" + n.key());
            String ended = answer.ceasedLines().stream()
                    .map(l -> l.cpliId() + " (was " + (l.previousEndDate() == null ? "open-ended" : "to " + l.previousEndDate())
                            + ", now to " + l.endDate() + ")").collect(Collectors.joining(", "));
            ledger.step(journeyId, "recorded in finance", answer.result().isDuplicate() ? "ALREADY_DONE" : "OK",
                    answer.result().getMessage() + (ended.isEmpty() ? "" : ": " + ended));
        } catch (BusinessRuleViolation refused) {
            if (!"FINANCE_REJECTED_CLIENT_UNKNOWN".equals(refused.reasonCode())) {
                throw refused;
            }
            // Finance never had the client (e.g. their record is parked): no line runs, nothing was paid.
            ledger.step(journeyId, "recorded in finance", "NOT_HELD", "finance holds no client " + client.lasPersonId());
            exchange.setProperty(NOT_IN_FINANCE, true);
        } catch (FinanceUnavailableException down) {
            ledger.step(journeyId, "finance unavailable", "ATTEMPT " + attempt, down.getMessage());
            throw down;
        }
    }

    /** Lists what finance paid providers for days after the date of death, for recovery. */
    public void findOverpayments(DeathNotification n, Exchange exchange) {
        exchange.setProperty(ParkedHeaders.STEP_PROPERTY, "find overpayments");
        if (exchange.getProperty(NOT_IN_FINANCE, false, Boolean.class)) {
            return;
        }
        Client client = exchange.getProperty(CLIENT, Client.class);
        List<FinanceActual> paidAfter = finance.actualsEndingAfter(client.lasPersonId(), n.dateOfDeath());
        int added = overpayments.record(paidAfter, n.dateOfDeath(), n.key());
        ledger.step(journeyId(exchange), "overpayments", paidAfter.isEmpty() ? "NONE" : "LISTED",
                paidAfter.size() + " actual(s) paid for after " + n.dateOfDeath() + ", " + added + " newly listed for recovery");
    }

    /**
     * LAS must hold the death too: until it does, social work gets a task in LAS (once) and the notification is parked
     * for them; LAS recording the death retries it ({@link DeathsRecordedInLas}), and so may an operator.
     */
    public void requireRecordedInLas(DeathNotification n, Exchange exchange) {
        exchange.setProperty(ParkedHeaders.STEP_PROPERTY, "recorded in LAS");
        String clientId = exchange.getProperty(CLIENT, Client.class).lasPersonId();
        Client now = cases.client(clientId).orElseThrow().value();
        if (now.dateOfDeath() != null) {
            requireSameDateAsLas(n, now);
            return;
        }
        if (!records.lasTaskSent(n.key())) {
            String team = reference.reason(REASON_NOT_IN_LAS).ownerTeam();
            lasTasks.send(new LasTask(n.key(), team, clientId, n.dateOfDeath(), "Record the death of " + n.forename() + " "
                    + n.surname() + " (born " + n.dateOfBirth() + ") on " + n.dateOfDeath() + ", notified by " + n.source()
                    + " reference " + n.reference() + "; finance has ended their care lines at that date."));
            records.lasTaskSentNow(n.key());
            ledger.step(journeyId(exchange), "LAS task", "SENT", "task for " + team + " to record the death in LAS");
        }
        records.outcome(n.key(), NotificationOutcome.AWAITING_LAS, clientId);
        Map<String, Object> details = notificationDetails(n);
        details.put("clientId", clientId);
        throw new BusinessRuleViolation(REASON_NOT_IN_LAS, "dateOfDeath", n.dateOfDeath(), details);
    }

    public void applied(DeathNotification n, Exchange exchange) {
        Client client = exchange.getProperty(CLIENT, Client.class);
        records.outcome(n.key(), NotificationOutcome.APPLIED, client.lasPersonId());
        ledger.step(journeyId(exchange), "applied", "OK", "date of death " + n.dateOfDeath() + " in finance and LAS");
        ledger.status(journeyId(exchange), JourneyStatus.DELIVERED);
    }

    /** LAS holding another date of death is for social work to settle; neither date is applied meanwhile. */
    private static void requireSameDateAsLas(DeathNotification n, Client client) {
        if (client.dateOfDeath() != null && !client.dateOfDeath().equals(n.dateOfDeath())) {
            Map<String, Object> details = notificationDetails(n);
            details.put("clientId", client.lasPersonId());
            details.put("lasDateOfDeath", client.dateOfDeath());
            throw new BusinessRuleViolation(REASON_DATE_DIFFERS, "dateOfDeath", n.dateOfDeath(), details);
        }
    }

    private static Map<String, Object> notificationDetails(DeathNotification n) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("forename", n.forename());
        details.put("surname", n.surname());
        details.put("dateOfBirth", n.dateOfBirth());
        details.put("dateOfDeath", n.dateOfDeath());
        details.put("source", n.source());
        details.put("reference", n.reference());
        return details;
    }

    private static String journeyId(Exchange exchange) {
        return exchange.getMessage().getHeader(ParkedHeaders.JOURNEY_ID, String.class);
    }
}
