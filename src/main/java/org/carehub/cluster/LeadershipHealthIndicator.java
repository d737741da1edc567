package org.carehub.cluster;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Who leads which poller: /actuator/health/leadership lists this hub, the pollers it leads, and the leader of
 * each poller as the lease table says ("none" once a lease lapsed and no hub has taken it yet). Other leases (a
 * bulk cleanse's) show while a hub holds them; released, they are history, not a poller without a leader.
 * Following, not leading, is healthy: the other hub is doing the polling.
 */
public class LeadershipHealthIndicator implements HealthIndicator {

    private final DatabaseClusterService clusterService;
    private final LeaseTable leases;

    public LeadershipHealthIndicator(DatabaseClusterService clusterService, LeaseTable leases) {
        this.clusterService = clusterService;
        this.leases = leases;
    }

    @Override
    public Health health() {
        Collection<String> pollers = clusterService.getNamespaces();
        List<String> leads = pollers.stream().filter(clusterService::isLeader).sorted().toList();
        Instant now = Instant.now();
        Map<String, String> leaders = new TreeMap<>();
        for (Lease lease : leases.leases()) {
            if (lease.heldAt(now)) {
                leaders.put(lease.namespace(), lease.holder());
            } else if (pollers.contains(lease.namespace())) {
                leaders.put(lease.namespace(), "none");
            }
        }
        return Health.up().withDetail("thisHub", clusterService.memberId()).withDetail("leads", leads)
                .withDetail("leaders", leaders).build();
    }
}
