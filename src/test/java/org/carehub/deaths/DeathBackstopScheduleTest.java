package org.carehub.deaths;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
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
        boolean doneBefore = !runs.history(DeathBackstop.NAME, today).isEmpty();

        Properties everySecond = new Properties();
        everySecond.setProperty("carehub.deaths.backstop.cron", "* * * * * *");
        NotifyBuilder fired = new NotifyBuilder(camel).fromRoute(ROUTE).whenCompleted(2).create();
        try {
            reload(everySecond);
            assertThat(fired.matches(30, TimeUnit.SECONDS)).as("the cron fired twice and called runDue").isTrue();
        } finally {
            reload(new Properties());
        }

        // The schedule ran today's period, unless a run had already done it (then it skipped, as it must).
        if (!doneBefore) {
            assertThat(runs.history(DeathBackstop.NAME, today)).filteredOn(r -> "schedule".equals(r.requestedBy()))
                    .singleElement().extracting(RunRecord::hub).isEqualTo(hubName());
        }
        assertThat(camel.getRouteController().getRouteStatus(ROUTE)).isEqualTo(ServiceStatus.Stopped);
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
