package org.carehub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * An upgrade with a mistake in the mappings or the configuration stops at start-up, saying which file, line and
 * column: the engineer fixes that cell or setting instead of finding out from the first care line that fails.
 */
@Tag(StandaloneHub.TAG)
class StartUpRefusalTest {

    @TempDir
    Path dataDir;

    @Test
    void aMistakeInTheMappingsStopsStartUpNamingFileLineAndColumn() throws Exception {
        Path mappings = HubTest.copyOfShippedMappings(dataDir.resolve("mappings"));
        Files.writeString(mappings.resolve("rate-card.csv"), "HOMECARE,PERSONAL_CARE,hour,twenty,2026-04-01,,Home Care Framework\n",
                StandardOpenOption.APPEND);
        long line = Files.readAllLines(mappings.resolve("rate-card.csv")).size();

        assertThatThrownBy(() -> StandaloneHub.start(dataDir, "--carehub.mappings-dir=" + mappings).close())
                .rootCause()
                .hasMessageContaining("rate-card.csv:" + line + ":4 (rate): 'twenty' is not an amount in pounds");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aWrongSettingStopsStartUpNamingSettingFileAndLine(CapturedOutput output) throws Exception {
        Path config = dataDir.resolve("carehub-upgrade.yaml");
        Files.writeString(config, """
                carehub:
                  schedules:
                    lock-at-most-for: an hour
                """);

        assertThatThrownBy(() -> StandaloneHub.start(dataDir, "--spring.config.additional-location=file:" + config).close());
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START", "Property: carehub.schedules.lock-at-most-for",
                "Value: \"an hour\"", "carehub-upgrade.yaml", " - 3:");
    }

    @Test
    void aYamlMistakeInTheConfigurationStopsStartUpNamingFileAndLine() throws Exception {
        Path config = dataDir.resolve("carehub-upgrade.yaml");
        Files.writeString(config, """
                carehub:
                  las:
                    consumers: 2
                   invoices: [unclosed
                """);

        assertThatThrownBy(() -> StandaloneHub.start(dataDir, "--spring.config.additional-location=file:" + config).close())
                .hasMessageStartingWith("Configuration file " + config + " cannot be read: line 4, column 4:");
    }
}
