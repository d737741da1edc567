package org.carehub.failures;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the failure desk.
 *
 * @param parkedQueues every dead-letter queue the desk looks after (one per flow: {@code <flow queue>.parked})
 */
@ConfigurationProperties("carehub.failure-desk")
public record FailureDeskProperties(@DefaultValue("carehub.las.events.parked") List<String> parkedQueues) {
}
