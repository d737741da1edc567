package org.carehub.simulators.contrOCC;

import java.time.LocalDate;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the ContrOCC simulator, under {@code carehub.simulators.contrOCC.*} (Spring's relaxed
 * binding accepts {@code contrOCC} or {@code controcc}).
 *
 * @param enabled            publish the simulator in this process (the default run and tests)
 * @param path               where the REST controls for tests and demos live
 * @param closedPeriodBefore finance periods before this date are closed: a new service line starting
 *                           earlier is rejected; a change to a line finance already holds is allowed
 * @param delayMillis        every SOAP call waits this long first (to show timeouts); changeable at run time
 */
@ConfigurationProperties(ContrOCCSimulatorProperties.PREFIX)
public record ContrOCCSimulatorProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("/simulators/contrOCC") String path,
        @DefaultValue("2026-04-01") LocalDate closedPeriodBefore,
        @DefaultValue("0") long delayMillis) {

    /** Canonical (lower-case) form of the prefix, as Spring requires it. */
    public static final String PREFIX = "carehub.simulators.controcc";
}
