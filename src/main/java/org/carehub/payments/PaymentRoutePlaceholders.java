package org.carehub.payments;

import org.apache.camel.spi.PropertiesSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Gives routes/payment-runs.yaml {@code {{carehub.payments.schedule-on}}}: false when the cron is "-" (as Spring's
 * own cron settings are switched off), so the route is not started rather than failing on a cron it cannot parse.
 * Camel finds this source in the registry by itself.
 */
@Component
public class PaymentRoutePlaceholders implements PropertiesSource {

    static final String SCHEDULE_ON = "carehub.payments.schedule-on";
    static final String OFF = "-";

    private final String scheduleOn;

    public PaymentRoutePlaceholders(@Value("${carehub.payments.cron:-}") String cron) {
        this.scheduleOn = String.valueOf(!OFF.equals(cron.trim()));
    }

    @Override
    public String getName() {
        return "payment-runs";
    }

    @Override
    public String getProperty(String name) {
        return SCHEDULE_ON.equals(name) ? scheduleOn : null;
    }
}
