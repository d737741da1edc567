package org.carehub.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/**
 * One event published by LAS, in the hub's own model. SOAP, REST and the CSV extract all arrive
 * as this; it travels on the broker as JSON. Exactly one of the subject fields is set, matching
 * {@link #type()}.
 *
 * @param eventId LAS's id for this event; with {@code version} it makes the idempotency key
 * @param version version of the subject (the care line's or client's version in LAS)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LasEvent(
        @NotBlank @Size(max = 64) String eventId,
        @NotNull @Positive Integer version,
        @NotNull LasEventType type,
        OffsetDateTime occurredAt,
        @Valid Client client,
        @Valid CareLine careLine,
        @Valid DeathRecorded death,
        @Valid AssessmentReferral assessmentReferral) {

    /** The LAS person id the event is about: per-client ordering is kept on this. */
    public String clientId() {
        return switch (type) {
            case CLIENT_REGISTERED, CLIENT_CHANGED -> client == null ? null : client.lasPersonId();
            case CARE_LINE_CREATED, CARE_LINE_CHANGED, CARE_LINE_ENDED -> careLine == null ? null : careLine.clientId();
            case DATE_OF_DEATH_RECORDED -> death == null ? null : death.lasPersonId();
            case FINANCIAL_ASSESSMENT_REFERRAL -> assessmentReferral == null ? null : assessmentReferral.lasPersonId();
        };
    }

    /** The CPLI id, for care line events; null otherwise. */
    public String careLineId() {
        return careLine == null ? null : careLine.cpliId();
    }

    /** Idempotency key: resending the same event id and version never creates anything twice. */
    public String idempotencyKey() {
        return eventId + ":" + version;
    }

    @AssertTrue(message = "the event must carry the subject its type names (client, careLine, death or assessmentReferral)")
    boolean isSubjectPresent() {
        if (type == null) {
            return true; // reported by @NotNull on type
        }
        return switch (type) {
            case CLIENT_REGISTERED, CLIENT_CHANGED -> client != null;
            case CARE_LINE_CREATED, CARE_LINE_CHANGED, CARE_LINE_ENDED -> careLine != null;
            case DATE_OF_DEATH_RECORDED -> death != null;
            case FINANCIAL_ASSESSMENT_REFERRAL -> assessmentReferral != null;
        };
    }
}
