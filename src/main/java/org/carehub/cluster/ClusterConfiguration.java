package org.carehub.cluster;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Pollers on one hub at a time, always on: a hub on its own simply leads at once. Camel picks up the cluster
 * service and the route policy factory from these beans.
 */
@Configuration
public class ClusterConfiguration {

    @Bean
    LeaseTable leaseTable(JdbcTemplate jdbc) {
        return new LeaseTable(jdbc, Clock.systemUTC());
    }

    @Bean
    DatabaseClusterService databaseClusterService(LeaseTable leases, ClusterProperties properties,
            @Value("${carehub.hub-name:carehub}") String hubName) {
        // Name, process and a start-up mark: a restarted hub is a new member and waits for its old lease like any other.
        String memberId = hubName + "@" + ManagementFactory.getRuntimeMXBean().getName() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
        return new DatabaseClusterService(leases, memberId, properties.leaseRenewal(), properties.leaseExpiry(), Clock.systemUTC());
    }

    @Bean
    SingleActiveRoutes singleActiveRoutes(DatabaseClusterService clusterService, ClusterProperties properties) {
        return new SingleActiveRoutes(clusterService, properties);
    }

    @Bean("leadership")
    LeadershipHealthIndicator leadershipHealthIndicator(DatabaseClusterService clusterService, LeaseTable leases) {
        return new LeadershipHealthIndicator(clusterService, leases);
    }
}
