package org.carehub.failures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.carehub.CarehubApplication;
import org.carehub.cases.CareLine;
import org.carehub.cases.Client;
import org.carehub.cases.LasEvent;
import org.carehub.cases.TestEvents;
import org.carehub.reference.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

/**
 * A bulk retry of 200 parked care lines is cut off half way by the broker going down under it. After a
 * restart on the same journal and database, every care line is either back on its flow (and in finance)
 * or still parked: none lost, none in both places, none in finance twice.
 */
class FailureDeskInterruptionTest {

    private static final int CLIENTS = 10;
    private static final int LINES_PER_CLIENT = 20;
    private static final int ALL = CLIENTS * LINES_PER_CLIENT;
    private static final String REASON = "CLIENT_NOT_REGISTERED";

    @TempDir
    Path dataDir;

    private final RestClient las = RestClient.builder().defaultHeaders(h -> h.setBasicAuth("las", "las-pass")).build();

    @Test
    void a_bulk_retry_stopped_half_way_leaves_each_message_either_retried_or_still_parked() throws Exception {
        Map<String, String> cpliByJourney = new HashMap<>();
        BulkResult interrupted;

        try (ConfigurableApplicationContext first = startHub()) {
            String base = baseUrl(first);
            TestEvents events = new TestEvents(first.getBean(ReferenceData.class));
            List<Client> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                Client client = TestEvents.client(TestEvents.unique("LAS"));
                clients.add(client);
                for (int l = 0; l < LINES_PER_CLIENT; l++) {
                    // A week apart: finance refuses a client's overlapping lines.
                    LocalDate start = LocalDate.now().minusDays(200).plusDays(l * 7L);
                    CareLine line = TestEvents.withDates(events.goodCareLine(client.lasPersonId(), "HOMECARE", start),
                            start, start.plusDays(6));
                    cpliByJourney.put(publish(base, TestEvents.created(line)), line.cpliId());
                }
            }
            ParkedQueues parked = first.getBean(ParkedQueues.class);
            await().atMost(Duration.ofSeconds(90)).until(() -> parked.list(ParkedFilter.byReason(REASON)).size() == ALL);
            clients.forEach(client -> publish(base, TestEvents.registered(client)));
            await().atMost(Duration.ofSeconds(60)).until(() -> clients.stream().allMatch(c -> financeHasClient(base, c)));

            JdbcTemplate db = first.getBean(JdbcTemplate.class);
            FailureDesk desk = first.getBean(FailureDesk.class);
            CompletableFuture<BulkResult> bulk = CompletableFuture.supplyAsync(
                    () -> desk.retryAll(ParkedFilter.byReason(REASON), "clients registered"));
            await().pollInterval(Duration.ofMillis(5)).atMost(Duration.ofSeconds(60))
                    .until(() -> retriedSoFar(db) >= 10);
            first.getBean(EmbeddedActiveMQ.class).stop();
            interrupted = bulk.get();
        }

        assertThat(interrupted.requested()).isEqualTo(ALL);
        assertThat(interrupted.done()).as("moved before the broker went down").isBetween(10, ALL - 1);
        assertThat(interrupted.done() + interrupted.failed().size() + interrupted.notFound().size()).isEqualTo(ALL);

        try (ConfigurableApplicationContext second = startHub()) {
            String base = baseUrl(second);
            ParkedQueues parked = second.getBean(ParkedQueues.class);
            JourneyLedger ledger = second.getBean(JourneyLedger.class);
            Set<String> journeys = cpliByJourney.keySet();
            await().atMost(Duration.ofSeconds(90)).until(() ->
                    stillParked(parked, journeys).size() + delivered(ledger, journeys).size() == ALL);

            Set<String> stillParked = stillParked(parked, journeys);
            Set<String> delivered = delivered(ledger, journeys);
            assertThat(stillParked).doesNotContainAnyElementsOf(delivered);
            // A move whose commit the broker took just as it went down is reported failed yet did move: never the reverse.
            assertThat(delivered.size()).isBetween(interrupted.done(), interrupted.done() + interrupted.failed().size());
            for (String journey : journeys) {
                assertThat(financeLines(base, cpliByJourney.get(journey)))
                        .as("care line of journey %s in finance", journey).isEqualTo(delivered.contains(journey) ? 1 : 0);
            }

            BulkResult rest = second.getBean(FailureDesk.class).retryAll(ParkedFilter.byReason(REASON), "finish the retry");
            assertThat(rest.done()).isEqualTo(stillParked.size());
            await().atMost(Duration.ofSeconds(90)).until(() -> delivered(ledger, journeys).size() == ALL);
            assertThat(journeys).allSatisfy(j -> assertThat(financeLines(base, cpliByJourney.get(j))).isEqualTo(1));
        }
    }

    private ConfigurableApplicationContext startHub() {
        return new SpringApplicationBuilder(CarehubApplication.class).run(
                "--server.port=0",
                "--carehub.data-dir=" + dataDir,
                "--carehub.simulators.las.enabled=false",
                // Other hubs in the same test JVM hold the default run's mail ports.
                "--carehub.mail.embedded.enabled=false",
                "--carehub.sftp.enabled=false",
                "--camel.main.shutdown-timeout=1");
    }

    private static String baseUrl(ConfigurableApplicationContext hub) {
        return "http://127.0.0.1:" + hub.getEnvironment().getProperty("local.server.port");
    }

    private String publish(String base, LasEvent event) {
        Map<?, ?> answer = las.post().uri(base + "/api/las/events").body(event).retrieve().body(Map.class);
        return String.valueOf(answer.get("journeyId"));
    }

    private boolean financeHasClient(String base, Client client) {
        return las.get().uri(base + "/simulators/contrOCC/clients/" + client.lasPersonId()).exchange(
                (request, response) -> response.getStatusCode().is2xxSuccessful());
    }

    private int financeLines(String base, String cpliId) {
        return las.get().uri(base + "/simulators/contrOCC/service-lines?cpliId=" + cpliId).retrieve().body(List.class).size();
    }

    private static int retriedSoFar(JdbcTemplate db) {
        return db.queryForObject("SELECT COUNT(*) FROM failure_desk_audit WHERE outcome = 'RETRIED'", Integer.class);
    }

    private static Set<String> stillParked(ParkedQueues parked, Set<String> journeys) {
        return parked.list(ParkedFilter.ALL).stream().map(ParkedItem::journeyId).filter(journeys::contains)
                .collect(Collectors.toSet());
    }

    private static Set<String> delivered(JourneyLedger ledger, Set<String> journeys) {
        Set<String> delivered = new HashSet<>();
        for (String journey : journeys) {
            if (ledger.statusOf(journey).orElse(null) == JourneyStatus.DELIVERED) {
                delivered.add(journey);
            }
        }
        return delivered;
    }
}
