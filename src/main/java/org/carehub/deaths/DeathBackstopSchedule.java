package org.carehub.deaths;

import org.apache.camel.spi.PropertiesSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Gives {@code routes/death-backstop-schedule.yaml} the placeholder {@code carehub.deaths.backstop.scheduled}: false
 * when the cron is "-" (as Spring writes "off"), so the route is not started; Spring's cron trigger, which Camel's
 * scheduler builds, would refuse "-". Camel finds this source in the registry by itself.
 */
@Component
public class DeathBackstopSchedule implements PropertiesSource {

    private final String scheduled;

    public DeathBackstopSchedule(@Value("${carehub.deaths.backstop.cron:-}") String cron) {
        this.scheduled = String.valueOf(!"-".equals(cron.trim()));
    }

    @Override
    public String getName() {
        return "death-backstop-schedule";
    }

    @Override
    public String getProperty(String name) {
        return "carehub.deaths.backstop.scheduled".equals(name) ? scheduled : null;
    }
}
