package org.carehub.reference;

import java.time.Duration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Looks at the mappings folder every {@code carehub.mappings.reload-interval-ms} (default 5 s), so an
 * edit by the business takes effect without restarting the hub.
 */
@Component
class MappingsWatcher implements SchedulingConfigurer {

    private final ReferenceDataHolder holder;
    private final MappingsProperties properties;

    MappingsWatcher(ReferenceDataHolder holder, MappingsProperties properties) {
        this.holder = holder;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(holder::reloadIfChanged, Duration.ofMillis(properties.reloadIntervalMs()));
    }
}
