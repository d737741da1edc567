package org.carehub.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.carehub.CarehubApplication;
import org.carehub.HubTest;
import org.carehub.reference.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

/**
 * Stops the hub while care lines are still in flight and starts it again on the same broker journal
 * and database: every accepted event reaches finance exactly once.
 */
class HubRestartTest {

    @TempDir
    Path dataDir;

    private final RestClient http = RestClient.create();
    private final RestClient las = HubTest.as(HubTest.LAS);
    private final RestClient viewer = HubTest.as(HubTest.VIEWER);

    @Test
    void stopping_the_hub_mid_flow_loses_nothing_and_duplicates_nothing_in_finance() throws Exception {
        List<String> cpliIds = new ArrayList<>();
        List<String> journeys = new ArrayList<>();
        int clients = 4;
        int linesPerClient = 8;

        try (ConfigurableApplicationContext first = startHub()) {
            String base = baseUrl(first);
            // Finance answers slowly, so many events are still queued or in flight when the hub stops.
            http.post().uri(base + "/simulators/contrOCC/delay").body(Map.of("millis", 150)).retrieve().toBodilessEntity();
            TestEvents events = new TestEvents(first.getBean(ReferenceData.class));
            for (int c = 0; c < clients; c++) {
                Client client = TestEvents.client(TestEvents.unique("LAS"));
                journeys.add(publish(base, TestEvents.registered(client)));
                for (int l = 0; l < linesPerClient; l++) {
                    LocalDate start = LocalDate.now().minusDays(60).plusDays(l * 7L);
                    CareLine line = TestEvents.withDates(events.goodCareLine(client.lasPersonId(), "HOMECARE", start),
                            start, start.plusDays(6));
                    cpliIds.add(line.cpliId());
                    journeys.add(publish(base, TestEvents.created(line)));
                }
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> delivered(base, journeys) >= 3);
            assertThat(delivered(base, journeys)).isLessThan(journeys.size());
        }

        try (ConfigurableApplicationContext second = startHub()) {
            String base = baseUrl(second);
            http.post().uri(base + "/simulators/contrOCC/delay").body(Map.of("millis", 0)).retrieve().toBodilessEntity();
            await().atMost(Duration.ofSeconds(60)).until(() -> delivered(base, journeys) == journeys.size());
            for (String cpliId : cpliIds) {
                List<?> lines = http.get().uri(base + "/simulators/contrOCC/service-lines?cpliId=" + cpliId).retrieve()
                        .body(List.class);
                assertThat(lines).as("service lines in finance for %s", cpliId).hasSize(1);
            }
        }
    }

    private ConfigurableApplicationContext startHub() {
        return new SpringApplicationBuilder(CarehubApplication.class).run(
                "--server.port=0",
                "--carehub.data-dir=" + dataDir,
                "--carehub.simulators.las.enabled=false",
                // No digests here; the embedded mail server's fixed ports could clash with a hub running beside.
                "--carehub.mail.embedded.enabled=false",
                "--carehub.sftp.enabled=false",
                // Do not wait for in-flight exchanges: this is the hub being stopped, not drained.
                "--camel.main.shutdown-timeout=1");
    }

    private static String baseUrl(ConfigurableApplicationContext hub) {
        return "http://127.0.0.1:" + hub.getEnvironment().getProperty("local.server.port");
    }

    private String publish(String base, LasEvent event) {
        Map<?, ?> answer = las.post().uri(base + "/api/las/events").body(event).retrieve().body(Map.class);
        return String.valueOf(answer.get("journeyId"));
    }

    private long delivered(String base, List<String> journeys) {
        return journeys.stream().filter(j -> {
            Map<?, ?> journey = viewer.get().uri(base + "/api/journeys/" + j).retrieve().body(Map.class);
            return journey != null && "DELIVERED".equals(journey.get("status"));
        }).count();
    }
}
