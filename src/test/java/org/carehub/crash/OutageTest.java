package org.carehub.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.carehub.ContrOCCProcess;
import org.carehub.HubProcess;
import org.carehub.HubTest;
import org.carehub.StandaloneHub;
import org.carehub.TestDatabases;
import org.carehub.cases.LasEvent;
import org.carehub.crash.CrashLoad.Accounting;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.web.client.RestClient;

/**
 * Finance and the hub's database going away and coming back, as real connection cuts (a TCP proxy in front of each),
 * under load: the hub on PostgreSQL (profile postgres) with its embedded broker, ContrOCC's simulator a process of its
 * own. An outage is waited out: nothing is parked, nothing lost. And a hub stopped and started again finds the
 * events it held on its broker's journal.
 */
@Tag(StandaloneHub.TAG)
class OutageTest {

    private static final int EVENTS = 200;
    /** The retries a failure gets while its system answers (carehub.finance.redelivery.maximum-redeliveries). */
    private static final int RETRIES = 3;
    private static final Duration NO_PROGRESS = Duration.ofSeconds(90);

    private final Path dir = HubTest.newTestDir("outage-");

    @Test
    void finance_down_then_the_database_down_then_a_restart_deliver_everything_and_park_nothing() throws Exception {
        TestDatabases.Database database = TestDatabases.postgres();
        URI databaseUrl = URI.create(((DriverManagerDataSource) database.dataSource()).getUrl().substring("jdbc:".length()));
        try (ContrOCCProcess finance = ContrOCCProcess.start(dir.resolve("contrOCC"));
             TcpProxy financeLink = new TcpProxy(URI.create(finance.baseUrl()).getPort());
             TcpProxy databaseLink = new TcpProxy(databaseUrl.getPort())) {
            Path hubData = dir.resolve("hub");
            List<String> settings = List.of(
                    "--spring.profiles.active=postgres",
                    "--CAREHUB_DB_URL=jdbc:postgresql://127.0.0.1:" + databaseLink.port() + databaseUrl.getPath()
                            + "?" + databaseUrl.getQuery(),
                    "--carehub.finance.controcc.url=http://127.0.0.1:" + financeLink.port() + "/services/contrOCC-sim",
                    "--carehub.finance.redelivery.maximum-redeliveries=" + RETRIES,
                    "--carehub.finance.redelivery.initial-delay-ms=200",
                    "--carehub.finance.redelivery.maximum-delay-ms=1000",
                    // A database that does not answer is known as down within 2 s, not Hikari's default 30 s.
                    "--spring.datasource.hikari.connection-timeout=2000");
            HubProcess[] hub = {HubProcess.start("hub", hubData, settings)};
            LasLoader loader = new LasLoader(() -> hub[0].baseUrl(), 4);
            CrashLoad load = new CrashLoad(EVENTS, "OUT" + Long.toString(System.currentTimeMillis() % 46_656, 36));
            List<List<LasEvent>> clients = load.byClient();
            int third = clients.size() / 3;

            // Finance away for longer than the retries would last: the events wait, then all go through.
            financeLink.cut();
            loader.publish(clients.subList(0, third));
            // Two consumers each hold a message: more waits than both could have had within the retries.
            hub[0].await("the consumers waiting out finance's outage", Duration.ofSeconds(60),
                    () -> financeOutageRetries(hub[0]) > 2 * (RETRIES + 1));
            assertThat(hub[0].parkedByReason()).as("parked while finance was down").isEmpty();
            financeLink.restore();
            Accounting afterFinance = Settling.awaitAccounted(load, loader, finance, hub[0], NO_PROGRESS);
            System.out.println("OutageTest: finance down, then back: " + afterFinance);
            assertThat(afterFinance.inFinance()).as("in finance after finance came back").isEqualTo(afterFinance.sent());
            assertThat(afterFinance.parked()).as("parked").isZero();

            // The database away under load: the hub stops taking events and consuming, then carries on.
            CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> loader.publish(clients.subList(third, 2 * third)));
            hub[0].await("ten more events taken", Duration.ofSeconds(60), () -> loader.sent().size() > afterFinance.sent() + 10);
            databaseLink.cut();
            hub[0].await("the hub's health not UP with its database away", Duration.ofSeconds(60), () -> !"UP".equals(hubHealth(hub[0])));
            long before = imports(finance);
            Thread.sleep(5_000); // the outage lasts: the hub must not move meanwhile
            long during = imports(finance);
            databaseLink.restore();
            publishing.join();
            Accounting afterDatabase = Settling.awaitAccounted(load, loader, finance, hub[0], NO_PROGRESS);
            System.out.printf("OutageTest: database down, then back: %s; finance imports while it was down: %d%n",
                    afterDatabase, during - before);
            assertThat(during).as("finance imports while the database was down (consumption paused)").isEqualTo(before);
            assertThat(afterDatabase.inFinance()).as("in finance after the database came back").isEqualTo(afterDatabase.sent());
            assertThat(afterDatabase.parked()).as("parked").isZero();

            // Events on the broker when the hub stops are there when it starts again on the same data folder.
            financeLink.cut();
            loader.publish(clients.subList(2 * third, clients.size()));
            hub[0].close();
            List<String> journal = BrokerJournal.files(hubData);
            hub[0] = HubProcess.start("hub", hubData, settings);
            List<String> journalAfter = BrokerJournal.files(hubData);
            System.out.printf("OutageTest: restarted with %d events waiting for finance; journal files before %s, after %s%n",
                    loader.sent().size() - afterDatabase.sent(), journal, journalAfter);
            financeLink.restore();
            Accounting afterRestart = Settling.awaitAccounted(load, loader, finance, hub[0], NO_PROGRESS);
            System.out.println("OutageTest: after the restart: " + afterRestart);
            hub[0].close();

            assertThat(journal).as("broker journal files before the restart").isNotEmpty();
            assertThat(journalAfter).as("broker journal files after the restart").containsAll(journal);
            assertThat(afterRestart.sent()).as("events LAS sent").isEqualTo(load.events());
            assertThat(afterRestart.inFinance()).as("in finance").isEqualTo(load.events());
            assertThat(afterRestart.lost()).as("lost").isZero();
            assertThat(afterRestart.duplicates()).as("duplicates").isZero();
            assertThat(afterRestart.parked()).as("parked").isZero();
        }
    }

    /** Failed attempts the hub waited out as a finance outage (the outages bean logs each). */
    private static long financeOutageRetries(HubProcess hub) throws IOException {
        try (Stream<String> lines = Files.lines(hub.log())) {
            return lines.filter(line -> line.contains("Finance down (")).count();
        }
    }

    private static String hubHealth(HubProcess hub) {
        Map<?, ?> health = RestClient.builder().defaultStatusHandler(status -> true, (request, response) -> { }).build()
                .get().uri(hub.baseUrl() + "/actuator/health/hub").retrieve().body(Map.class);
        return health == null ? "" : String.valueOf(health.get("status"));
    }

    private static long imports(ContrOCCProcess finance) {
        return new JdbcTemplate(finance.database()).queryForObject("SELECT COUNT(*) FROM sim_contrOCC_import", Long.class);
    }
}
