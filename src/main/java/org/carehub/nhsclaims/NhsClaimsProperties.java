package org.carehub.nhsclaims;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the monthly NHS claims ({@code carehub.nhs-claims}); the schedule itself ({@code cron}) is read by
 * routes/nhs-claims.yaml.
 *
 * @param outputDir        where each body's schedule (CSV and summary) is written, under a folder per period
 * @param from             the address claim schedules are mailed from (replies go to it)
 * @param adjustmentMonths how many months, the run's own included, are looked at again for changes
 */
@ConfigurationProperties("carehub.nhs-claims")
public record NhsClaimsProperties(Path outputDir, String from, int adjustmentMonths) {

    public NhsClaimsProperties {
        adjustmentMonths = adjustmentMonths <= 0 ? 12 : adjustmentMonths;
    }
}
