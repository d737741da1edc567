package org.carehub.failures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.carehub.HubTest;
import org.carehub.cases.CareLine;
import org.carehub.cases.Client;
import org.carehub.cases.TestEvents;
import org.carehub.reference.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** What the engineer on call sees: health of the hub and of finance, per-flow counts by reason, and logs by journey. */
@ExtendWith(OutputCaptureExtension.class)
class HubHealthAndMetricsTest extends HubTest {

    @Autowired
    MeterRegistry metrics;

    @Autowired
    ReferenceData reference;

    @Test
    void the_hub_group_reports_broker_database_and_mappings() {
        Map<?, ?> hub = http.get().uri(baseUrl() + "/actuator/health/hub").retrieve().body(Map.class);

        assertThat(hub.get("status")).isEqualTo("UP");
        assertThat(((Map<?, ?>) hub.get("components")).keySet()).map(String::valueOf).contains("db", "jms", "mappings");
    }

    @Test
    void finance_health_follows_contrOCC_without_taking_the_hub_down() {
        setFinance(false);
        try {
            assertThat(status("/actuator/health/external")).isEqualTo("DOWN");
            assertThat(status("/actuator/health/hub")).isEqualTo("UP");
        } finally {
            setFinance(true);
        }
        assertThat(status("/actuator/health/external")).isEqualTo("UP");
    }

    @Test
    void parked_and_delivered_messages_are_counted_by_flow_and_reason() {
        double parkedBefore = count("carehub.messages.parked", "reason", "UNKNOWN_PROVIDER");
        double deliveredBefore = count("carehub.messages.delivered", "flow", "las-events");
        Client client = TestEvents.client(TestEvents.unique("LAS"));
        CareLine good = new TestEvents(reference).goodCareLine(client.lasPersonId(), "HOMECARE", LocalDate.now().minusDays(2));

        publishAndGetJourney(TestEvents.registered(client));
        publishAndGetJourney(TestEvents.created(TestEvents.withProvider(good, "PRV-999")));

        await().atMost(Duration.ofSeconds(30)).until(() ->
                count("carehub.messages.parked", "reason", "UNKNOWN_PROVIDER") == parkedBefore + 1
                        && count("carehub.messages.delivered", "flow", "las-events") >= deliveredBefore + 1);
        assertThat(metrics.find("carehub.delivery.latency").tag("flow", "las-events").timer()).isNotNull();
    }

    @Test
    void each_log_line_written_for_a_journey_names_it(CapturedOutput output) {
        Client client = TestEvents.client(TestEvents.unique("LAS"));
        CareLine line = new TestEvents(reference).goodCareLine(client.lasPersonId(), "HOMECARE", LocalDate.now().minusDays(2));
        publishAndGetJourney(TestEvents.registered(client));

        String journeyId = publishAndGetJourney(TestEvents.created(TestEvents.withProvider(line, "PRV-998")));

        await().atMost(Duration.ofSeconds(30)).until(() -> output.getOut().contains("Parked journey " + journeyId));
        assertThat(output.getOut().lines().filter(logLine -> logLine.contains("Parked journey " + journeyId)))
                .singleElement().asString().contains("[journey " + journeyId + "] ");
        assertThat(output.getOut().lines().filter(logLine -> logLine.contains("[journey ] "))).isEmpty();
    }

    private double count(String name, String tag, String value) {
        return metrics.find(name).tag(tag, value).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private String status(String path) {
        return String.valueOf(http.get().uri(baseUrl() + path).retrieve().body(Map.class).get("status"));
    }

    private void setFinance(boolean up) {
        http.post().uri(baseUrl() + "/simulators/contrOCC/availability").body(Map.of("up", up)).retrieve().toBodilessEntity();
    }
}
