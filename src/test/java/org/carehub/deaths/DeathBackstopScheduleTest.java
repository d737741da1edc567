package org.carehub.deaths;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.carehub.HubTest;
import org.carehub.schedules.RunRecord;
import org.carehub.schedules.ScheduledRuns;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The backstop's cron route as shipped ({@code routes/death-backstop-schedule.yaml}): off in tests (cron "-"), and, loaded
 * again with a cron of every second, it fires and the run is recorded as the schedule's. The route is put back off after.
 */
class DeathBackstopScheduleTest extends HubTest {

    private static final String ROUTE = "death-backstop-daily";
    private static final String FILE = "file:routes/death-backstop-schedule.yaml";

    @Autowired
    private CamelContext camel;
    @Autowired
    private ScheduledRuns runs;

    @Test
    void the_route_is_off_with_cron_dash_and_runs_the_backstop_on_its_cron_when_given_one() throws Exception {
        assertThat(camel.getRouteController().getRouteStatus(ROUTE)).isEqualTo(ServiceStatus.Stopped);
        String today = LocalDate.now(ZoneId.of("Europe/London")).toString();
        long scheduledBefore = scheduledRuns(today);

        Properties everySecond = new Properties();
        everySecond.setProperty("carehub.deaths.backstop.cron", "* * * * * *");
        everySecond.setProperty("carehub.deaths.backstop.scheduled", "true");
        try {
            reload(everySecond);
            await().atMost(Duration.ofSeconds(30)).until(() -> scheduledRuns(today) > scheduledBefore);
        } finally {
            reload(new Properties());
        }

        assertThat(runs.history(DeathBackstop.NAME, today)).filteredOn(r -> "schedule".equals(r.requestedBy()))
                .extracting(RunRecord::hub).contains(hubName());
        assertThat(camel.getRouteController().getRouteStatus(ROUTE)).isEqualTo(ServiceStatus.Stopped);
    }

    private long scheduledRuns(String period) {
        return runs.history(DeathBackstop.NAME, period).stream().filter(r -> "schedule".equals(r.requestedBy())).count();
    }

    /** Loads the route file again with these placeholders overriding the hub's. */
    private void reload(Properties overrides) throws Exception {
        camel.getRouteController().stopRoute(ROUTE);
        camel.removeRoute(ROUTE);
        camel.getPropertiesComponent().setOverrideProperties(overrides);
        Resource file = PluginHelper.getResourceLoader(camel).resolveResource(FILE);
        PluginHelper.getRoutesLoader(camel).loadRoutes(file);
    }
}
