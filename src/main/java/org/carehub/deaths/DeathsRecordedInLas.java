package org.carehub.deaths;

import java.util.List;
import org.carehub.cases.LasEvent;
import org.carehub.failures.BulkResult;
import org.carehub.failures.FailureDesk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Ends the story of a notification parked until LAS records the death: when LAS's own event delivers the client's
 * date of death ({@code routes/las-events.yaml}), the notifications waiting for it are retried, find the death in
 * LAS and are applied. Best effort: a retry that fails leaves the notification parked for an operator to retry.
 */
@Component("deathsRecordedInLas")
public class DeathsRecordedInLas {

    private static final Logger log = LoggerFactory.getLogger(DeathsRecordedInLas.class);

    private final DeathRecords records;
    private final FailureDesk desk;

    public DeathsRecordedInLas(DeathRecords records, FailureDesk desk) {
        this.records = records;
        this.desk = desk;
    }

    public void released(LasEvent event) {
        String clientId = switch (event.type()) {
            case DATE_OF_DEATH_RECORDED -> event.death().lasPersonId();
            case CLIENT_REGISTERED, CLIENT_CHANGED -> event.client().dateOfDeath() == null ? null : event.client().lasPersonId();
            default -> null;
        };
        if (clientId == null) {
            return;
        }
        List<String> waiting;
        try {
            waiting = records.journeysAwaitingLas(clientId);
        } catch (RuntimeException e) {
            // The LAS event itself is delivered: this must not park it. The notifications stay parked for the desk.
            log.warn("Could not look up death notifications waiting for client {}: {}", clientId, e.getMessage());
            return;
        }
        for (String journeyId : waiting) {
            try {
                BulkResult result = desk.retry(journeyId, "LAS recorded the date of death of client " + clientId);
                log.info("Death notification {} retried now LAS holds client {}'s date of death: {}", journeyId, clientId,
                        result.summary());
            } catch (RuntimeException e) {
                log.warn("Death notification {} stays parked (retry it from the failure desk): {}", journeyId, e.getMessage());
            }
        }
    }
}
