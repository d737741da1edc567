package org.carehub.deaths;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.carehub.cases.CaseStore;
import org.carehub.cases.Client;
import org.carehub.failures.BusinessRuleViolation;
import org.carehub.failures.JourneyLedger;
import org.carehub.failures.JourneyLedger.Opening;
import org.carehub.failures.JourneyLedger.Subject;
import org.carehub.failures.JourneyStatus;
import org.carehub.failures.ParkedHeaders;
import org.carehub.finance.ContrOCCDeaths;
import org.carehub.finance.FinanceServiceLine;
import org.carehub.finance.FinanceUnavailableException;
import org.carehub.schedules.RunTally;
import org.carehub.schedules.ScheduledJob;
import org.springframework.stereotype.Component;

/**
 * The daily backstop ({@code death-backstop}): for every client LAS holds a date of death for, asks finance for care
 * lines still running after it, and flags each on {@code carehub.deaths.line-checks}, where route
 * {@code death-line-checks} checks it again and parks it for Care Finance Systems with the line and the date. A line
 * is flagged once (journey per line and date of death), so re-running a day, or the next day's run, adds nothing
 * while it waits; once finance ends it, a retry from the desk finds it ended and closes the journey.
 */
@Component("deathBackstop")
public class DeathBackstop implements ScheduledJob {

    public static final String NAME = "death-backstop";
    public static final String QUEUE = "carehub.deaths.line-checks";
    private static final String EVENT_TYPE = "LINE_RUNNING_AFTER_DEATH";
    private static final String REASON = "DEATH_LINE_STILL_RUNNING";

    private final CaseStore cases;
    private final ContrOCCDeaths finance;
    private final JourneyLedger ledger;
    private final ProducerTemplate producer;
    private final ObjectMapper json;

    public DeathBackstop(CaseStore cases, ContrOCCDeaths finance, JourneyLedger ledger, ProducerTemplate producer,
                         ObjectMapper json) {
        this.cases = cases;
        this.finance = finance;
        this.ledger = ledger;
        this.producer = producer;
        this.json = json;
    }

    /** A care line found running after its client's date of death, as it travels on the line-checks queue. */
    public record LineCheck(String clientId, String careLineId, LocalDate dateOfDeath, LocalDate endDate, String providerRef) {
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Daily: the period is the day checked. */
    @Override
    public String periodDue(LocalDate today) {
        return today.toString();
    }

    @Override
    public void run(String period, RunTally tally) {
        LocalDate day = LocalDate.parse(period);
        for (Client client : cases.clientsWithDateOfDeath()) {
            if (client.dateOfDeath().isAfter(day)) {
                continue; // recorded after the day checked
            }
            List<FinanceServiceLine> running;
            try {
                running = finance.linesRunningAfter(client.lasPersonId(), client.dateOfDeath());
            } catch (FinanceUnavailableException down) {
                tally.failure("client " + client.lasPersonId() + ": " + down.getMessage());
                continue;
            }
            tally.count("clients checked");
            for (FinanceServiceLine line : running) {
                flag(new LineCheck(client.lasPersonId(), line.line().getCpliId(), client.dateOfDeath(),
                        line.line().getEndDate(), line.line().getProviderRef()), tally);
            }
        }
    }

    private void flag(LineCheck check, RunTally tally) {
        Opening opening = ledger.open(new Subject(NAME, "schedule",
                check.careLineId() + "@" + check.dateOfDeath(), 1, EVENT_TYPE, check.clientId(), check.careLineId()),
                JourneyStatus.ACCEPTING);
        if (opening.alreadyKnown() && opening.status() != JourneyStatus.ACCEPTING) {
            tally.count("lines already flagged");
            return;
        }
        Map<String, Object> headers = new HashMap<>();
        headers.put(ParkedHeaders.JOURNEY_ID, opening.journeyId());
        headers.put(ParkedHeaders.FLOW, NAME);
        headers.put(ParkedHeaders.CLIENT_ID, check.clientId());
        headers.put(ParkedHeaders.CARE_LINE_ID, check.careLineId());
        ledger.step(opening.journeyId(), "queued", "OK", QUEUE);
        producer.sendBodyAndHeaders("jms:queue:" + QUEUE, toJson(check), headers);
        ledger.statusIf(opening.journeyId(), JourneyStatus.ACCEPTING, JourneyStatus.QUEUED);
        tally.count("lines flagged");
    }

    /** Route {@code death-line-checks}: the line still runs in finance → parked for its owner team; ended → done. */
    public void check(Exchange exchange) throws JsonProcessingException {
        exchange.setProperty(ParkedHeaders.STEP_PROPERTY, "check line in finance");
        String journeyId = exchange.getMessage().getHeader(ParkedHeaders.JOURNEY_ID, String.class);
        LineCheck check = json.readValue(exchange.getMessage().getBody(String.class), LineCheck.class);
        ledger.status(journeyId, JourneyStatus.IN_PROGRESS);
        FinanceServiceLine still = finance.linesRunningAfter(check.clientId(), check.dateOfDeath()).stream()
                .filter(l -> l.line().getCpliId().equals(check.careLineId())).findFirst().orElse(null);
        if (still != null) {
            LocalDate end = still.line().getEndDate();
            throw new BusinessRuleViolation(REASON, "endDate", end == null ? "open-ended" : end, Map.of(
                    "clientId", check.clientId(), "careLineId", check.careLineId(), "dateOfDeath", check.dateOfDeath(),
                    "endDate", end == null ? "no end date" : end, "providerRef", still.line().getProviderRef()));
        }
        ledger.step(journeyId, "line ended in finance", "OK", "care line " + check.careLineId()
                + " no longer runs past " + check.dateOfDeath());
        ledger.status(journeyId, JourneyStatus.DELIVERED);
    }

    private String toJson(LineCheck check) {
        try {
            return json.writeValueAsString(check);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write line check " + check, e);
        }
    }
}
