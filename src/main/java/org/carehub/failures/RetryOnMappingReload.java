package org.carehub.failures;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.carehub.failures.AuditTrail.Subject;
import org.carehub.reference.FailureReason;
import org.carehub.reference.MappingsReloaded;
import org.carehub.security.Operators;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * After the mappings change, sends back the parked messages whose reason the new mappings may have
 * resolved (reasons marked {@code retryOnMappingReload} in the catalogue). Each is first checked
 * against its flow's rules without side effects; one that would fail again for the same reason stays
 * parked untouched, so a reload does not churn a backlog it did not fix.
 */
@Component
class RetryOnMappingReload {

    private static final Logger log = LoggerFactory.getLogger(RetryOnMappingReload.class);
    static final String WHY = "mappings reloaded";

    private final FailureDesk desk;
    private final ParkedQueues parked;
    private final FailureDeskProperties properties;
    private final Map<String, ParkedFlow> flows;

    RetryOnMappingReload(FailureDesk desk, ParkedQueues parked, FailureDeskProperties properties, List<ParkedFlow> flows) {
        this.desk = desk;
        this.parked = parked;
        this.properties = properties;
        this.flows = flows.stream().collect(Collectors.toMap(ParkedFlow::flow, Function.identity()));
    }

    @EventListener
    void on(MappingsReloaded reload) {
        if (!properties.retryOnMappingReload()) {
            return;
        }
        for (FailureReason reason : reload.snapshot().reasons()) {
            if (!reason.retryOnMappingReload()) {
                continue;
            }
            List<ParkedItem> resolved = parked.list(ParkedFilter.byReason(reason.code())).stream()
                    .filter(item -> resolvedNow(item))
                    .toList();
            if (!resolved.isEmpty()) {
                BulkResult result = desk.retryItems(new Subject(Operators.HUB, "retry-on-reload", null, null, WHY),
                        resolved, WHY);
                log.info("Mappings reloaded: {} parked {}: {}", reason.code(), resolved.size(), result.summary());
            }
        }
    }

    /** Whether the item's flow, checked now, would no longer park it for the same reason; unknown → try it. */
    private boolean resolvedNow(ParkedItem item) {
        ParkedFlow flow = flows.get(item.flow());
        if (flow == null) {
            return true;
        }
        Optional<String> payload = parked.find(item.journeyId()).map(ParkedMessage::payload);
        return payload.isPresent()
                && !Objects.equals(flow.wouldFailWith(payload.get()).orElse(null), item.reasonCode());
    }
}
