package org.carehub.cluster;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Who leads which poller: /actuator/health/leadership lists this hub, the pollers it leads, and the leader of
 * each poller as the lease table says ("none" once a lease lapsed and no hub has taken it yet).
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
        List<String> leads = clusterService.getNamespaces().stream().filter(clusterService::isLeader).sorted().toList();
        Instant now = Instant.now();
        Map<String, String> leaders = new TreeMap<>();
        for (Lease lease : leases.leases()) {
            leaders.put(lease.namespace(), lease.heldAt(now) ? lease.holder() : "none");
        }
        return Health.up().withDetail("thisHub", clusterService.memberId()).withDetail("leads", leads)
                .withDetail("leaders", leaders).build();
    }
}
