package org.carehub.cluster;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.camel.support.cluster.AbstractCamelClusterService;

/**
 * Camel's cluster service with the lock the database provides (Camel has none for JDBC): each namespace is a
 * lease row (LeaseTable) that one hub holds and renews. Routes follow it through ClusteredRoutePolicy
 * (SingleActiveRoutes), so a poller runs on the hub holding its lease and moves when that hub dies.
 */
public class DatabaseClusterService extends AbstractCamelClusterService<DatabaseClusterView> {

    private final LeaseTable leases;
    private final String memberId;
    private final Duration renewal;
    private final Duration expiry;
    private final Clock clock;
    private ScheduledExecutorService executor;

    public DatabaseClusterService(LeaseTable leases, String memberId, Duration renewal, Duration expiry, Clock clock) {
        super("carehub-database-leases");
        this.leases = leases;
        this.memberId = memberId;
        this.renewal = renewal;
        this.expiry = expiry;
        this.clock = clock;
    }

    /** This hub in the lease table: its name and process, so two hubs (even of one name) never pass for each other. */
    public String memberId() {
        return memberId;
    }

    LeaseTable leases() {
        return leases;
    }

    Duration renewal() {
        return renewal;
    }

    Duration expiry() {
        return expiry;
    }

    ScheduledExecutorService executor() {
        return executor;
    }

    @Override
    protected DatabaseClusterView createView(String namespace) {
        return new DatabaseClusterView(this, namespace, clock);
    }

    @Override
    protected void doStart() throws Exception {
        executor = getCamelContext().getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "cluster-leases");
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        getCamelContext().getExecutorServiceManager().shutdownNow(executor);
    }
}
