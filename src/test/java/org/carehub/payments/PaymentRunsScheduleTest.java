package org.carehub.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.carehub.schedules.CronSwitch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cron of routes/payment-runs.yaml, loaded as the hub loads it into a Camel context of its own: a cron of every
 * second fires the job through {@code scheduledRuns.runDue('payment-runs')}; a cron of "-" leaves the route stopped.
 */
class PaymentRunsScheduleTest {

    /** Stands in for org.carehub.schedules.ScheduledRuns: records which job the route asked for. */
    public static final class AskedRuns {
        final List<String> asked = new CopyOnWriteArrayList<>();

        public void runDue(String job) {
            asked.add(job);
        }
    }

    private static CamelContext hubRoute(String cron, AskedRuns runs) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        Properties properties = new Properties();
        properties.setProperty("carehub.payments.cron", cron);
        properties.setProperty("carehub.schedules.zone", "Europe/London");
        camel.getPropertiesComponent().setInitialProperties(properties);
        new CronSwitch().beforeApplicationStart(camel);
        camel.getRegistry().bind("scheduledRuns", runs);
        PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.resolveResource(camel, "file:routes/payment-runs.yaml"));
        camel.start();
        return camel;
    }

    @Test
    void aCronOfEverySecondRunsTheJobEverySecond() throws Exception {
        AskedRuns runs = new AskedRuns();
        try (CamelContext camel = hubRoute("* * * * * *", runs)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> runs.asked.size() >= 2);
            assertThat(runs.asked).allMatch(PaymentRunJob.NAME::equals);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"-", " - "})
    void aCronOfDashLeavesTheRouteStopped(String off) throws Exception {
        AskedRuns runs = new AskedRuns();
        try (CamelContext camel = hubRoute(off, runs)) {
            assertThat(camel.getRouteController().getRouteStatus("payment-runs")).isEqualTo(ServiceStatus.Stopped);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> runs.asked.isEmpty());
        }
    }
}
