package org.carehub.reference;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * "Are the mappings loaded": the hub never runs without a valid load (start-up refuses invalid
 * mappings), so this is UP with when they were loaded — and, if the last edit was refused, why, so the
 * engineer sees that the business's change has not taken effect.
 */
@Component("mappings")
public class MappingsHealthIndicator implements HealthIndicator {

    private final ReferenceDataHolder mappings;

    public MappingsHealthIndicator(ReferenceDataHolder mappings) {
        this.mappings = mappings;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up().withDetail("loadedAt", mappings.loadedAt().toString());
        mappings.lastLoadError().ifPresent(error -> health.withDetail("lastEditRefused", error));
        return health.build();
    }
}
