package org.carehub.schedules;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of scheduled runs. {@code zone}: the council's calendar, which decides the period a run is
 * due for. {@code lockAtMostFor}: how long a run's lock outlives a hub that died during the run, after
 * which another hub may run the job.
 */
@ConfigurationProperties("carehub.schedules")
public record SchedulesProperties(ZoneId zone, Duration lockAtMostFor) {

    public SchedulesProperties {
        zone = zone == null ? ZoneId.of("Europe/London") : zone;
        lockAtMostFor = lockAtMostFor == null ? Duration.ofHours(1) : lockAtMostFor;
    }
}
