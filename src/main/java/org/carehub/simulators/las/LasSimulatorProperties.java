package org.carehub.simulators.las;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The LAS simulator: stands in for Liquidlogic LAS in the default run, publishing a realistic mix of
 * good and defective events to the hub over its real channels.
 *
 * @param enabled       on in the default run, off in tests and production
 * @param intervalMs    one piece of work per interval (the seeds' ~1,000 a month, compressed)
 * @param defectPercent share of pieces of work that carry one of the defects the hub must catch
 * @param seed          random seed, so a demo can be replayed
 * @param username      LAS's system user at the hub (role las)
 * @param password      its password
 */
@ConfigurationProperties(prefix = "carehub.simulators.las")
public record LasSimulatorProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("2000") long intervalMs,
        @DefaultValue("35") int defectPercent,
        @DefaultValue("20261123") long seed,
        @DefaultValue("las") String username,
        String password) {
}
