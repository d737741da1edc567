package org.carehub.failures;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Per-flow counts for dashboards and alerts (Prometheus at /actuator/prometheus): messages in,
 * delivered, parked by reason and owner team, and the time from arrival to delivery.
 */
@Component
public class FlowMetrics {

    private final MeterRegistry registry;

    public FlowMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void received(String flow, String channel) {
        Counter.builder("carehub.messages.received").description("Messages accepted at the door")
                .tag("flow", flow).tag("channel", channel).register(registry).increment();
    }

    public void delivered(String flow, Duration sinceArrival) {
        Counter.builder("carehub.messages.delivered").description("Messages delivered to their destination")
                .tag("flow", flow).register(registry).increment();
        Timer.builder("carehub.delivery.latency").description("From arrival on the broker to delivery")
                .tag("flow", flow).publishPercentiles(0.5, 0.99).register(registry).record(sinceArrival);
    }

    public void parked(String flow, String reasonCode, String ownerTeam) {
        Counter.builder("carehub.messages.parked").description("Messages parked, by reason and owner team")
                .tag("flow", flow == null ? "unknown" : flow).tag("reason", reasonCode).tag("owner", ownerTeam)
                .register(registry).increment();
    }
}
