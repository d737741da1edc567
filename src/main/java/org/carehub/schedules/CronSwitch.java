package org.carehub.schedules;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesFunction;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Lets a route's cron be switched off the way Spring's are, with the cron "-": the placeholder
 * {@code {{cron-on:carehub.nhs-claims.cron}}} is "false" when that property is "-" and "true" otherwise, for the
 * route's {@code autoStartup} (a route not started never parses the "-" as a cron).
 */
@Component
public class CronSwitch implements PropertiesFunction, CamelContextConfiguration {

    static final String OFF = "-";

    private final Environment environment;

    public CronSwitch(Environment environment) {
        this.environment = environment;
    }

    @Override
    public String getName() {
        return "cron-on";
    }

    @Override
    public String apply(String cronProperty) {
        return String.valueOf(!OFF.equals(environment.getRequiredProperty(cronProperty).trim()));
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        camelContext.getPropertiesComponent().addPropertiesFunction(this);
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        // nothing to do once started
    }
}
