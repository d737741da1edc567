package org.carehub.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.carehub.TestDatabases;
import org.carehub.TestDatabases.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Two hubs (Camel contexts with the database cluster service) on one database, each with the same poller
 * route made single-active: one polls, and the other takes over when the first stops or dies.
 */
class DatabaseClusterServiceTest {

    private static final Duration RENEWAL = Duration.ofMillis(200);
    private static final Duration EXPIRY = Duration.ofMillis(1000);
    private static final String POLLER = "poller";

    private final List<CamelContext> hubs = new ArrayList<>();

    @AfterEach
    void stopHubs() {
        hubs.forEach(CamelContext::stop);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.carehub.TestDatabases#both")
    void oneHubPollsAndTheOtherTakesOverWhenItStops(Database database) throws Exception {
        CamelContext a = hub("hub-a", database.dataSource());
        awaitPolling(a);
        CamelContext b = hub("hub-b", database.dataSource());

        assertThat(polling(b)).as("the second hub waits while the first leads").isFalse();
        assertThat(leases(database)).singleElement().satisfies(lease -> assertThat(lease.holder()).isEqualTo("hub-a"));

        a.stop();
        // A hub stopping lets its lease go, so the other leads at its next renewal, not after the expiry.
        await().atMost(EXPIRY.minus(RENEWAL)).until(() -> polling(b));
        assertThat(leases(database)).singleElement().satisfies(lease -> assertThat(lease.holder()).isEqualTo("hub-b"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.carehub.TestDatabases#both")
    void aHubThatCannotRenewStopsPollingAndTheOtherTakesOverWhenTheLeaseLapses(Database database) throws Exception {
        CuttableDataSource cable = new CuttableDataSource(database.dataSource());
        CamelContext a = hub("hub-a", cable);
        awaitPolling(a);
        CamelContext b = hub("hub-b", database.dataSource());

        cable.cut = true;
        await().atMost(EXPIRY).until(() -> !polling(a));
        await().atMost(EXPIRY.multipliedBy(2)).until(() -> polling(b));
        assertThat(polling(a)).as("never both polling").isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.carehub.TestDatabases#both")
    void aRouteNotListedRunsOnEveryHub(Database database) throws Exception {
        CamelContext a = hub("hub-a", database.dataSource());
        CamelContext b = hub("hub-b", database.dataSource());
        awaitPolling(a);

        assertThat(a.getRouteController().getRouteStatus("everywhere")).isEqualTo(ServiceStatus.Started);
        assertThat(b.getRouteController().getRouteStatus("everywhere")).isEqualTo(ServiceStatus.Started);
    }

    private CamelContext hub(String memberId, DataSource dataSource) throws Exception {
        LeaseTable leases = new LeaseTable(new JdbcTemplate(dataSource), Clock.systemUTC());
        DatabaseClusterService service = new DatabaseClusterService(leases, memberId, RENEWAL, EXPIRY, Clock.systemUTC());
        CamelContext hub = new DefaultCamelContext();
        hub.addService(service);
        hub.addRoutePolicyFactory(new SingleActiveRoutes(service, new ClusterProperties(List.of(POLLER), RENEWAL, EXPIRY)));
        hub.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:poll?period=100").routeId(POLLER).log("polling");
                from("timer:other?period=100").routeId("everywhere").log("everywhere");
            }
        });
        hubs.add(hub);
        hub.start();
        return hub;
    }

    private static void awaitPolling(CamelContext hub) {
        await().atMost(Duration.ofSeconds(5)).until(() -> polling(hub));
    }

    private static boolean polling(CamelContext hub) {
        return hub.getRouteController().getRouteStatus(POLLER) == ServiceStatus.Started;
    }

    private static List<Lease> leases(Database database) {
        return new LeaseTable(new JdbcTemplate(database.dataSource()), Clock.systemUTC()).leases();
    }

    /** A hub's database connection that can be cut, as when its server loses the network. */
    private static final class CuttableDataSource extends DelegatingDataSource {
        volatile boolean cut;

        CuttableDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (cut) {
                throw new SQLException("connection refused (test)");
            }
            return super.getConnection();
        }
    }
}
