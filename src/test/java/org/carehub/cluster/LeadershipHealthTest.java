package org.carehub.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.carehub.HubTest;
import org.carehub.failures.BacklogDigest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A hub on its own leads every single-active poller (and the digest's sending) at once, and says so in its health. */
class LeadershipHealthTest extends HubTest {

    @Autowired
    CamelContext camel;

    @Autowired
    ClusterProperties cluster;

    @Test
    void a_hub_on_its_own_leads_every_poller_and_health_says_so() {
        Map<?, ?> leadership = anonymous().get().uri(baseUrl() + "/actuator/health/leadership").retrieve().body(Map.class);

        Map<?, ?> details = (Map<?, ?>) leadership.get("details");
        assertThat(leadership.get("status")).isEqualTo("UP");
        List<String> led = cluster.singleActiveRoutes().stream().filter(route -> camel.getRoute(route).getRoutePolicyList()
                .stream().anyMatch(ClusteredRoutePolicy.class::isInstance)).toList();
        // The council-SFTP poller is switched off by default (the hub hosts the providers' SFTP server): not led, stopped.
        assertThat(led).contains("provider-invoices-email-poll", "las-csv-extract", "death-feed")
                .doesNotContain("provider-invoices-sftp-poll");
        assertThat(camel.getRouteController().getRouteStatus("provider-invoices-sftp-poll")).isEqualTo(ServiceStatus.Stopped);
        List<String> expected = new ArrayList<>(led);
        expected.add(BacklogDigest.SENDER);
        assertThat((List<?>) details.get("leads")).map(String::valueOf).containsExactlyInAnyOrderElementsOf(expected);
        String thisHub = (String) details.get("thisHub");
        assertThat(((Map<?, ?>) details.get("leaders")).values()).isNotEmpty().allMatch(thisHub::equals);
        led.forEach(route -> assertThat(camel.getRouteController().getRouteStatus(route)).as(route).isEqualTo(ServiceStatus.Started));
    }
}
