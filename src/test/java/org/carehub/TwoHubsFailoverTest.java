package org.carehub;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.nio.file.Files;
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
import org.carehub.failures.ParkedHeaders;
import org.carehub.reference.MappingsLoader;
import org.carehub.simulators.contrOCC.ContrOCCSimulatorApplication;
import org.carehub.simulators.contrOCC.SimulatorStats;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.web.client.RestClient;

/**
 * Production shape on loopback: a standalone Artemis (the Apache distribution), one PostgreSQL schema, ContrOCC's
 * simulator, and two hub processes on the production profile sharing the LAS events as competing consumers. The hub
 * leading the pollers is killed (kill -9) mid-load: every event still reaches finance once, each client's events in
 * order, and the pollers move to the other hub.
 */
@Tag(StandaloneHub.TAG)
class TwoHubsFailoverTest {

    private static final int CLIENTS = 50;
    /** Each client: registered, then its care line in versions 1..LINE_VERSIONS: 500 events in all. */
    private static final int LINE_VERSIONS = 9;
    private static final int EVENTS = CLIENTS * (1 + LINE_VERSIONS);
    private static final String POLLER = "las-csv-extract";
    /** The demo LAS user's bcrypt hash (config/application.yaml): production lists no users of its own. */
    private static final String LAS_PASSWORD_HASH = "{bcrypt}$2a$04$CTdzvsOFZFch1F2Tjte7XO0OCVhFx5XYSsbohZBbh4RZSSeRMcEJq";

    /** Under target/, so the broker's and the hubs' logs are there to read after a failure. */
    private final Path dir = HubTest.newTestDir("two-hubs-");

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
            // The production profile (config/application-production.yaml), its variables given as a council's servers
            // would give them (here on the command line), plus one LAS system user in place of the council's directory.
            List<String> shared = List.of(
                    "--spring.profiles.active=production",
                    "--CAREHUB_BROKER_URL=" + broker.url(),
                    "--CAREHUB_BROKER_USER=" + StandaloneBroker.USER, "--CAREHUB_BROKER_PASSWORD=" + StandaloneBroker.PASSWORD,
                    "--CAREHUB_DB_URL=" + databaseUrl, "--CAREHUB_DB_USER=postgres", "--CAREHUB_DB_PASSWORD=",
                    "--CAREHUB_CONTROCC_URL=" + finance + "/services/contrOCC-sim",
                    "--CAREHUB_CONTROCC_DEATHS_URL=" + finance + "/simulators/contrOCC/deaths",
                    "--CAREHUB_CONTROCC_PAYMENT_RUNS_URL=" + finance + "/simulators/contrOCC/payment-runs",
                    "--CAREHUB_LAS_TASKS_URL=http://127.0.0.1:9/las-tasks",
                    "--CAREHUB_SMTP_HOST=127.0.0.1", "--CAREHUB_IMAP_HOST=127.0.0.1",
                    "--CAREHUB_INVOICES_MAILBOX=invoices@council.test", "--CAREHUB_INVOICES_MAILBOX_PASSWORD=unused",
                    "--CAREHUB_AP_OUTBOX=" + dir.resolve("ap-outbox"), "--CAREHUB_PAYMENTS_COUNCIL_NAME=Council",
                    "--CAREHUB_PAYMENTS_SORT_CODE=086090", "--CAREHUB_PAYMENTS_ACCOUNT_NUMBER=06774744",
                    "--CAREHUB_PAYMENTS_ACCOUNT_NAME=Council", "--CAREHUB_PAYMENTS_SERVICE_USER_NUMBER=123456",
                    "--CAREHUB_LDAP_URL=",
                    "--carehub.security.users[0].username=" + HubTest.LAS,
                    "--carehub.security.users[0].password=" + LAS_PASSWORD_HASH,
                    "--carehub.security.users[0].roles[0]=las",
                    "--carehub.digest.cron=-", "--carehub.nhs-claims.cron=-", "--carehub.deaths.backstop.cron=-",
                    // Short leases, so the pollers move within seconds rather than the production 15 s.
                    "--carehub.cluster.lease-renewal=1s", "--carehub.cluster.lease-expiry=4s");
            try (HubProcess first = HubProcess.start("hub-a", dir.resolve("hub-a"), shared);
                 HubProcess second = HubProcess.start("hub-b", dir.resolve("hub-b"), shared)) {
                assertThat(leads(first)).contains(POLLER);
                assertThat(leads(second)).doesNotContain(POLLER);

                // Finance answers slowly, so plenty is in flight on both hubs when the first dies.
                http.post().uri(finance + "/simulators/contrOCC/delay").body(Map.of("millis", 20)).retrieve().toBodilessEntity();
                List<CareLine> lines = new ArrayList<>();
                CompletableFuture<Void> load = CompletableFuture.runAsync(() -> publishAll(second, lines));
                first.await("a fifth of the events imported by finance", Duration.ofSeconds(90), () -> imports(finance) >= EVENTS / 5);
                first.kill();
                long importedAtKill = imports(finance);
                load.join();
                http.post().uri(finance + "/simulators/contrOCC/delay").body(Map.of("millis", 0)).retrieve().toBodilessEntity();

                assertThat(importedAtKill).as("the hub died mid-load").isLessThan(EVENTS / 2);
                second.await("the second hub leading the pollers", Duration.ofSeconds(30), () -> leads(second).contains(POLLER));
                assertThat(new LeaseTable(new JdbcTemplate(database.dataSource()), Clock.systemUTC()).leases())
                        .filteredOn(lease -> lease.namespace().equals(POLLER)).map(Lease::holder)
                        .singleElement().asString().startsWith("hub-b@");

                // Finance ends up with every care line at its last version and nothing is left on the broker for the
                // hubs (or something was parked, which says why at once).
                second.await("every care line in finance at its last version, or something parked", Duration.ofSeconds(150), () ->
                        !parkedReasons(broker).isEmpty() || lastVersionsInFinance(finance, lines) == CLIENTS
                                && count(broker, "carehub.las.events") == 0);
                assertThat(parkedReasons(broker)).as("parked (reason, client)").isEmpty();
                assertThat(lastVersionsInFinance(finance, lines)).as("care lines at their last version").isEqualTo(CLIENTS);
                SimulatorStats stats = stats(finance);
                assertThat(stats.clients()).as("clients in finance").isEqualTo(CLIENTS);
                assertThat(stats.rejectedImports()).as("rejected imports").isZero();
                // Production logs: one JSON object per line (Elastic Common Schema).
                assertThat(Files.readAllLines(second.log())).filteredOn(line -> line.startsWith("{"))
                        .hasSizeGreaterThan(10).allSatisfy(line -> assertThat(line).contains("\"@timestamp\"", "\"log\":{\"level\""));
                for (CareLine line : lines) {
                    // Exactly once: one service line per care line, whatever was redelivered after the kill.
                    assertThat(serviceLines(finance, line)).as("finance's lines for %s", line.cpliId()).hasSize(1);
                }
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

    /**
     * Care lines whose version in finance is the last one sent. Versions applied in order end there; out of order,
     * the hub refuses an older version after a newer one and parks it.
     */
    private long lastVersionsInFinance(String finance, List<CareLine> lines) {
        return lines.stream().filter(line -> serviceLines(finance, line).stream()
                .anyMatch(held -> Integer.valueOf(LINE_VERSIONS).equals(((Map<?, ?>) held.get("line")).get("cpliVersion")))).count();
    }

    private List<Map<?, ?>> serviceLines(String finance, CareLine line) {
        return http.get().uri(finance + "/simulators/contrOCC/service-lines?cpliId=" + line.cpliId()).retrieve()
                .body(new ParameterizedTypeReference<List<Map<?, ?>>>() { });
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

    /** Messages on the queue, in flight included (a browser sees those a consumer holds unacknowledged). */
    private static int count(StandaloneBroker broker, String queue) throws Exception {
        return browse(broker, queue).size();
    }

    /** Each parked LAS event's reason code and client, to say why in a failure. */
    private static List<String> parkedReasons(StandaloneBroker broker) throws Exception {
        List<String> reasons = new ArrayList<>();
        for (Message parked : browse(broker, HubTest.LAS_PARKED_QUEUE)) {
            reasons.add(parked.getStringProperty(ParkedHeaders.REASON_CODE) + " " + parked.getStringProperty(ParkedHeaders.CLIENT_ID));
        }
        return reasons;
    }

    private static List<Message> browse(StandaloneBroker broker, String queue) throws Exception {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(broker.url());
             Connection connection = factory.createConnection(StandaloneBroker.USER, StandaloneBroker.PASSWORD);
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
             QueueBrowser browser = session.createBrowser(session.createQueue(queue))) {
            connection.start();
            List<Message> messages = new ArrayList<>();
            for (Object message : Collections.list(browser.getEnumeration())) {
                messages.add((Message) message);
            }
            return messages;
        }
    }
}
