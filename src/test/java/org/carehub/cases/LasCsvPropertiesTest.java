package org.carehub.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

class LasCsvPropertiesTest {

    @Test
    void withoutSettingsTheFoldersAreUnderTheDataFolder() {
        LasCsvProperties defaults = bind(Map.of());

        LasCsvRoutePlaceholders placeholders = new LasCsvRoutePlaceholders(defaults, Path.of("/srv/carehub"));

        assertThat(placeholders.getProperty("carehub.las.csv.inbox")).isEqualTo("/srv/carehub/inbox/las");
        assertThat(placeholders.getProperty("carehub.las.csv.archive")).isEqualTo("/srv/carehub/archive/las");
        assertThat(placeholders.getProperty("carehub.las.csv.settle-millis")).isEqualTo("10000");
        assertThat(defaults.maxFileBytes()).isEqualTo(DataSize.ofMegabytes(16));
    }

    @Test
    void settingsOverrideTheDefaults() {
        LasCsvProperties set = bind(Map.of("carehub.las.csv.inbox", "/mnt/las/out", "carehub.las.csv.settle-time", "2s"));

        LasCsvRoutePlaceholders placeholders = new LasCsvRoutePlaceholders(set, Path.of("/srv/carehub"));

        assertThat(placeholders.getProperty("carehub.las.csv.inbox")).isEqualTo("/mnt/las/out");
        assertThat(set.settleTime()).isEqualTo(Duration.ofSeconds(2));
    }

    private static LasCsvProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("carehub.las.csv", LasCsvProperties.class);
    }
}
