package org.carehub.cluster;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Pollers on one hub at a time. {@code singleActiveRoutes}: the route ids that run on the hub holding their
 * lease (each route its own lease). {@code leaseRenewal}: how often a hub renews, or tries to take, a lease.
 * {@code leaseExpiry}: how long a lease outlives a hub that stopped renewing (it died), before another takes it.
 */
@ConfigurationProperties("carehub.cluster")
public record ClusterProperties(List<String> singleActiveRoutes, Duration leaseRenewal, Duration leaseExpiry) {

    public ClusterProperties {
        singleActiveRoutes = singleActiveRoutes == null ? List.of() : List.copyOf(singleActiveRoutes);
        leaseRenewal = leaseRenewal == null ? Duration.ofSeconds(5) : leaseRenewal;
        leaseExpiry = leaseExpiry == null ? Duration.ofSeconds(15) : leaseExpiry;
        if (leaseExpiry.compareTo(leaseRenewal.multipliedBy(2)) < 0) {
            // A lease must survive a missed renewal, or a busy leader would lose it while alive.
            throw new IllegalArgumentException("carehub.cluster.lease-expiry (" + leaseExpiry
                    + ") must be at least twice carehub.cluster.lease-renewal (" + leaseRenewal + ")");
        }
    }
}
