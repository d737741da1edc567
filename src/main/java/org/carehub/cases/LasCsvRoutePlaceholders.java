package org.carehub.cases;

import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.spi.PropertiesSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Gives {@code routes/las-csv-extract.yaml} its folders and settle time as Camel placeholders
 * ({@code {{carehub.las.csv.inbox}}} ...), with the defaults of {@link LasCsvProperties} applied, so the
 * route works without any setting. Camel finds this source in the registry by itself.
 */
@Component
public class LasCsvRoutePlaceholders implements PropertiesSource {

    private final Map<String, String> values;

    public LasCsvRoutePlaceholders(LasCsvProperties csv, @Value("${carehub.data-dir:./data}") Path dataDir) {
        this.values = Map.of(
                "carehub.las.csv.inbox", absolute(csv.inboxUnder(dataDir)),
                "carehub.las.csv.archive", absolute(csv.archiveUnder(dataDir)),
                "carehub.las.csv.settle-millis", String.valueOf(csv.settleTime().toMillis()));
    }

    private static String absolute(Path folder) {
        // Camel's file component takes move= paths relative to the inbox unless they are absolute.
        return folder.toAbsolutePath().normalize().toString();
    }

    @Override
    public String getName() {
        return "las-csv-extract";
    }

    @Override
    public String getProperty(String name) {
        return values.get(name);
    }
}
