package org.carehub.schedules;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesFunction;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.stereotype.Component;

/**
 * Lets a route's cron be switched off the way Spring's are, with the cron "-": the placeholder
 * {@code {{cron-on:carehub.nhs-claims.cron}}} is "false" when that property is "-" and "true" otherwise, for the
 * route's {@code autoStartup} (a route not started never parses the "-" as a cron; Spring's cron trigger, which
 * Camel's {@code scheduler=spring} builds, would refuse it). Every scheduled route uses it.
 */
@Component
public class CronSwitch implements PropertiesFunction, CamelContextConfiguration {

    static final String OFF = "-";

    private CamelContext camel;

    @Override
    public String getName() {
        return "cron-on";
    }

    @Override
    public String apply(String cronProperty) {
        String cron = camel.getPropertiesComponent().resolveProperty(cronProperty)
                .orElseThrow(() -> new IllegalArgumentException("No cron set in " + cronProperty));
        return String.valueOf(!OFF.equals(cron.trim()));
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        this.camel = camelContext;
        camelContext.getPropertiesComponent().addPropertiesFunction(this);
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        // nothing to do once started
    }
}
