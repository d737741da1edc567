package org.carehub.channels;

import java.util.LinkedHashMap;
import java.util.Map;
import org.carehub.failures.RefusedInput;
import org.springframework.stereotype.Component;

/**
 * Parks input a channel refused, exactly as received, and gives back the refusal with the journey id
 * to quote to the sender. Every channel goes through here, so no refused input is ever only logged.
 */
@Component
public class ChannelRefusals {

    /** Where an input came in: the flow it was meant for, that flow's queue, and the channel. */
    public record Door(String flowQueue, String flow, String channel) {
    }

    private final RefusedInput refusedInput;

    public ChannelRefusals(RefusedInput refusedInput) {
        this.refusedInput = refusedInput;
    }

    /**
     * @param original    the bytes or text as received
     * @param value       the value at fault, if one is known
     * @param moreDetails values for the reason's explanation besides {@code detail} (e.g. limit, fileName, line)
     */
    public Refusal park(Door door, Object original, String contentType, Refusal refusal, String value,
                        Map<String, ?> moreDetails) {
        Map<String, Object> details = new LinkedHashMap<>(moreDetails);
        details.put("detail", refusal.detail());
        String journeyId = refusedInput.park(door.flowQueue(), door.flow(), door.channel(), original, contentType,
                refusal.reasonCode(), refusal.field(), value == null ? "" : value, details);
        return refusal.withJourneyId(journeyId);
    }

    public Refusal park(Door door, BoundedBody body, String contentType, Refusal refusal) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("limit", body.limit() + " bytes");
        details.put("size", body.sizeInWords());
        return park(door, body.bytes(), contentType, refusal, null, details);
    }
}
