package org.carehub.cases;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the LAS CSV extract drop ({@code carehub.las.csv.*}).
 *
 * @param inbox        folder LAS drops extracts into; default {@code ${carehub.data-dir}/inbox/las}
 * @param archive      folder every taken file is moved to, by day; default {@code ${carehub.data-dir}/archive/las}
 * @param maxFileBytes the largest extract read (16 MiB, some 45,000 rows); a larger one is refused UNREADABLE_FILE
 * @param settleTime   how long a file must stay unchanged before it is taken, so a half-written
 *                     extract is never read (10 s)
 */
@ConfigurationProperties("carehub.las.csv")
public record LasCsvProperties(Path inbox, Path archive, @DefaultValue("16MB") DataSize maxFileBytes,
                               @DefaultValue("10s") Duration settleTime) {

    /** The inbox, or its default under the hub's data folder. */
    public Path inboxUnder(Path dataDir) {
        return inbox != null ? inbox : dataDir.resolve("inbox/las");
    }

    /** The archive, or its default under the hub's data folder. */
    public Path archiveUnder(Path dataDir) {
        return archive != null ? archive : dataDir.resolve("archive/las");
    }
}
