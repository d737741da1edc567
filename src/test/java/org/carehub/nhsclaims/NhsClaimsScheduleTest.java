package org.carehub.nhsclaims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.component.stub.StubComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.carehub.schedules.CronSwitch;
import org.junit.jupiter.api.Test;

/**
 * The cron in routes/nhs-claims.yaml, as shipped: with a cron of every second it asks for the due run every second;
 * with "-" the route does not start. The queue the retry route reads is stubbed; the bean it calls records the asks.
 */
class NhsClaimsScheduleTest {

    /** Stands in for ScheduledRuns: the route's only business is to ask it for the job's due run. */
    public static final class Asks {
        final List<String> jobs = new CopyOnWriteArrayList<>();

        public void runDue(String job) {
            jobs.add(job);
        }
    }

    public static final class Unused {
        public void prepare(Object exchange) {
        }

        public void retry(String payload, String journeyId) {
        }
    }

    @Test
    void aCronOfEverySecondAsksForTheDueRunEverySecond() throws Exception {
        Asks asks = new Asks();
        try (CamelContext camel = hubRoutes("* * * * * *", asks)) {
            camel.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> asks.jobs.size() >= 2);
            assertThat(asks.jobs).containsOnly("nhs-claims");
            assertThat(camel.getRouteController().getRouteStatus("nhs-claims-monthly").isStarted()).isTrue();
        }
    }

    @Test
    void aCronOfDashTurnsTheScheduleOff() throws Exception {
        Asks asks = new Asks();
        try (CamelContext camel = hubRoutes("-", asks)) {
            camel.start();
            assertThat(camel.getRouteController().getRouteStatus("nhs-claims-monthly").isStarted()).isFalse();
            assertThat(asks.jobs).isEmpty();
        }
    }

    private static CamelContext hubRoutes(String cron, Asks asks) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        Properties properties = new Properties();
        properties.put("carehub.nhs-claims.cron", cron);
        properties.put("carehub.schedules.zone", "Europe/London");
        properties.put("carehub.nhs-claims.catch-up-delay", "3600000");
        // read by the shared failure policy the retry route uses (routes/error-handling.yaml)
        properties.put("carehub.finance.redelivery.maximum-redeliveries", "1");
        properties.put("carehub.finance.redelivery.initial-delay-ms", "10");
        properties.put("carehub.finance.redelivery.maximum-delay-ms", "10");
        camel.getPropertiesComponent().setInitialProperties(properties);
        new CronSwitch().beforeApplicationStart(camel);
        camel.getRegistry().bind("scheduledRuns", asks);
        // The retry route and shared parking are not under test here: beans with the methods they name, doing nothing.
        camel.getRegistry().bind("parking", new Unused());
        camel.getRegistry().bind("outages", new Unused());
        camel.getRegistry().bind("nhsClaimLines", new Unused());
        camel.addComponent("jms", new StubComponent());
        PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.resolveResource(camel,
                "file:" + Path.of("routes/error-handling.yaml").toAbsolutePath()));
        PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.resolveResource(camel,
                "file:" + Path.of("routes/nhs-claims.yaml").toAbsolutePath()));
        return camel;
    }
}
