package org.carehub.failures;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the failure desk.
 *
 * @param parkedQueues every dead-letter queue the desk looks after (one per flow: {@code <flow queue>.parked})
 * @param retryOnMappingReload after a good mappings reload, retry parked messages whose reason is marked
 *                             {@code retryOnMappingReload} in the catalogue (off: operators retry by hand)
 */
@ConfigurationProperties("carehub.failure-desk")
public record FailureDeskProperties(@DefaultValue("carehub.las.events.parked") List<String> parkedQueues,
                                    @DefaultValue("true") boolean retryOnMappingReload) {
}
