package org.carehub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.carehub.TestDatabases.Database;
import org.carehub.cases.CareLine;
import org.carehub.cases.Client;
import org.carehub.cases.LasEvent;
import org.carehub.cases.LasEventType;
import org.carehub.cases.TestEvents;
import org.carehub.cluster.Lease;
import org.carehub.cluster.LeaseTable;
import org.carehub.reference.MappingsLoader;
import org.carehub.simulators.contrOCC.ContrOCCSimulatorApplication;
import org.carehub.simulators.contrOCC.SimulatorStats;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.web.client.RestClient;

/**
 * Production shape on loopback: a standalone Artemis (the Apache distribution), one PostgreSQL schema, ContrOCC's
 * simulator, and two hub processes sharing the LAS events as competing consumers. The hub leading the pollers is
 * killed (kill -9) mid-load: every event still reaches finance once, each client's events in order, and the
 * pollers move to the other hub.
 */
@Tag(StandaloneHub.TAG)
class TwoHubsFailoverTest {

    private static final int CLIENTS = 50;
    /** Each client: registered, then its care line in versions 1..LINE_VERSIONS: 500 events in all. */
    private static final int LINE_VERSIONS = 9;
    private static final int EVENTS = CLIENTS * (1 + LINE_VERSIONS);
    private static final String POLLER = "las-csv-extract";

    @TempDir
    Path dir;

    private final RestClient http = RestClient.create();
    private final RestClient las = HubTest.as(HubTest.LAS);

    @Test
    void killing_the_leading_hub_mid_load_delivers_every_event_once_in_order_and_moves_the_pollers() throws Exception {
        Database database = TestDatabases.postgres();
        String databaseUrl = ((DriverManagerDataSource) database.dataSource()).getUrl();
        try (StandaloneBroker broker = StandaloneBroker.start(dir.resolve("broker"));
             ConfigurableApplicationContext contrOCC = ContrOCCSimulatorApplication.builder()
                     .run("--server.port=0", "--carehub.data-dir=" + dir.resolve("contrOCC"))) {
            String finance = "http://127.0.0.1:" + contrOCC.getEnvironment().getProperty("local.server.port");
            List<String> shared = List.of(
                    "--spring.artemis.mode=native", "--spring.artemis.embedded.enabled=false",
                    "--spring.artemis.broker-url=" + broker.url(),
                    "--spring.artemis.user=" + StandaloneBroker.USER, "--spring.artemis.password=" + StandaloneBroker.PASSWORD,
                    "--spring.datasource.url=" + databaseUrl, "--spring.datasource.username=postgres", "--spring.datasource.password=",
                    "--carehub.simulators.controcc.enabled=false",
                    "--carehub.finance.contrOCC.url=" + finance + "/services/contrOCC-sim",
                    "--carehub.digest.cron=-",
                    // Short leases, so the pollers move within seconds rather than the production 15 s.
                    "--carehub.cluster.lease-renewal=1s", "--carehub.cluster.lease-expiry=4s");
            try (HubProcess first = HubProcess.start("hub-a", dir.resolve("hub-a"), shared);
                 HubProcess second = HubProcess.start("hub-b", dir.resolve("hub-b"), shared)) {
                assertThat(leads(first)).contains(POLLER);
                assertThat(leads(second)).doesNotContain(POLLER);

                // Finance answers slowly, so plenty is in flight on both hubs when the first dies.
                http.post().uri(finance + "/simulators/contrOCC/delay").body(Map.of("millis", 60)).retrieve().toBodilessEntity();
                List<CareLine> lines = new ArrayList<>();
                CompletableFuture<Void> load = CompletableFuture.runAsync(() -> publishAll(second, lines));
                await().atMost(Duration.ofSeconds(90)).until(() -> imports(finance) >= EVENTS / 4);
                first.kill();
                long importedAtKill = imports(finance);
                load.join();
                http.post().uri(finance + "/simulators/contrOCC/delay").body(Map.of("millis", 0)).retrieve().toBodilessEntity();

                assertThat(importedAtKill).as("the hub died mid-load").isLessThan(EVENTS);
                await().atMost(Duration.ofSeconds(30)).until(() -> leads(second).contains(POLLER));
                assertThat(new LeaseTable(new JdbcTemplate(database.dataSource()), Clock.systemUTC()).leases())
                        .filteredOn(lease -> lease.namespace().equals(POLLER)).map(Lease::holder)
                        .singleElement().asString().startsWith("hub-b@");

                await().atMost(Duration.ofSeconds(90)).until(() -> imports(finance) >= EVENTS);
                SimulatorStats stats = stats(finance);
                assertThat(stats.clients()).as("clients in finance").isEqualTo(CLIENTS);
                assertThat(stats.serviceLines()).as("service lines in finance").isEqualTo(CLIENTS);
                assertThat(stats.imports()).as("imports, one per event").isEqualTo(EVENTS);
                assertThat(stats.rejectedImports()).as("rejected imports").isZero();
                for (CareLine line : lines) {
                    List<Map<?, ?>> held = http.get().uri(finance + "/simulators/contrOCC/service-lines?cpliId=" + line.cpliId())
                            .retrieve().body(List.class);
                    // Versions applied in order end at the last one; out of order, an older version is refused and parked.
                    assertThat(held).as("finance's line %s", line.cpliId()).singleElement()
                            .satisfies(h -> assertThat(((Map<?, ?>) h.get("line")).get("cpliVersion")).isEqualTo(LINE_VERSIONS));
                }
                assertThat(browse(broker, "carehub.las.events.parked")).as("parked").isZero();
            }
        }
    }

    /** Publishes every client's registration and care line versions, in order, to the hub as LAS does. */
    private void publishAll(HubProcess hub, List<CareLine> lines) {
        TestEvents events = new TestEvents(new MappingsLoader(Path.of("mappings")).load());
        for (int c = 0; c < CLIENTS; c++) {
            Client client = TestEvents.client(TestEvents.unique("LAS"));
            publish(hub, TestEvents.registered(client));
            LocalDate start = LocalDate.now().minusDays(30);
            CareLine line = events.goodCareLine(client.lasPersonId(), "HOMECARE", start);
            lines.add(line);
            publish(hub, TestEvents.created(line));
            for (int version = 2; version <= LINE_VERSIONS; version++) {
                publish(hub, TestEvents.event(LasEventType.CARE_LINE_CHANGED, version, null, line));
            }
        }
    }

    private void publish(HubProcess hub, LasEvent event) {
        var answer = las.post().uri(hub.baseUrl() + "/api/las/events").body(event).retrieve().toEntity(Map.class);
        assertThat(answer.getStatusCode().is2xxSuccessful()).as("LAS event accepted: %s", answer).isTrue();
    }

    private long imports(String finance) {
        return stats(finance).imports();
    }

    private SimulatorStats stats(String finance) {
        return http.get().uri(finance + "/simulators/contrOCC/stats").retrieve().body(SimulatorStats.class);
    }

    /** The pollers the hub says it leads (its /actuator/health/leadership). */
    private List<String> leads(HubProcess hub) {
        Map<?, ?> leadership = http.get().uri(hub.baseUrl() + "/actuator/health/leadership").retrieve().body(Map.class);
        return ((List<?>) ((Map<?, ?>) leadership.get("details")).get("leads")).stream().map(String::valueOf).toList();
    }

    private static int browse(StandaloneBroker broker, String queue) throws Exception {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(broker.url());
             Connection connection = factory.createConnection(StandaloneBroker.USER, StandaloneBroker.PASSWORD);
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
             QueueBrowser browser = session.createBrowser(session.createQueue(queue))) {
            connection.start();
            return Collections.list(browser.getEnumeration()).size();
        }
    }
}
