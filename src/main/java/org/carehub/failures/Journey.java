package org.carehub.failures;

import java.time.OffsetDateTime;
import java.util.List;

/** One message's way through the hub, with every step it took. */
public record Journey(String journeyId, String flow, String channel, String eventId, Integer eventVersion,
                      String eventType, String clientId, String careLineId, JourneyStatus status,
                      String reasonCode, String ownerTeam, OffsetDateTime receivedAt, OffsetDateTime updatedAt,
                      List<Step> steps) {

    /** A step of a journey: what happened, with what outcome, when. */
    public record Step(OffsetDateTime at, String step, String outcome, String detail) {
    }
}
