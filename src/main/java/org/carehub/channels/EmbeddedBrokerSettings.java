package org.carehub.channels;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.carehub.failures.FailureDeskProperties;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Settings of the embedded Artemis broker that the hub relies on (an external broker gets the same
 * from config/broker.xml).
 * <ul>
 * <li>JMX management on, so Hawtio's JMX tab can browse and retry the parked queues.</li>
 * <li>A safety net under the hub's own parking: a message whose processing keeps failing before it
 * can even be parked (e.g. the database is down) is redelivered with growing delays, and only after
 * many attempts moved to {@code carehub.undeliverable} — never dropped, as Artemis would do with no
 * dead-letter address.</li>
 * <li>Parked queues, whose only consumer is the failure desk: a move it rolls back is visible again at
 * once and never dead-lettered.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class EmbeddedBrokerSettings {

    public static final String UNDELIVERABLE = "carehub.undeliverable";

    @Bean
    ArtemisConfigurationCustomizer carehubBrokerSettings(FailureDeskProperties failureDesk,
                                                         @Value("${" + HubMBeans.HUB_NAME_PROPERTY + "}") String hubName) {
        return configuration -> {
            // The broker is named after the hub, so its MBeans (broker="<hub name>") are this hub's alone.
            configuration.setName(hubName);
            configuration.setJMXManagementEnabled(true);
            AddressSettings hubQueues = new AddressSettings()
                    .setDeadLetterAddress(SimpleString.of(UNDELIVERABLE))
                    .setAutoCreateDeadLetterResources(false)
                    .setMaxDeliveryAttempts(50)
                    .setRedeliveryDelay(1_000)
                    .setRedeliveryMultiplier(2.0)
                    .setMaxRedeliveryDelay(60_000);
            configuration.addAddressSetting("carehub.#", hubQueues);
            configuration.addAddressSetting(UNDELIVERABLE, new AddressSettings().setMaxDeliveryAttempts(-1));
            // Parked queues have no consumer but the failure desk: a move it rolls back leaves the message
            // visible again at once (no redelivery delay) and never sends it on to carehub.undeliverable.
            for (String parkedQueue : failureDesk.parkedQueues()) {
                configuration.addAddressSetting(parkedQueue, new AddressSettings().setMaxDeliveryAttempts(-1)
                        .setRedeliveryDelay(0));
            }
        };
    }
}
