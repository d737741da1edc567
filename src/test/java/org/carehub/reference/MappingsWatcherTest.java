package org.carehub.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.carehub.reference.MappingsFixture.RATE_HEADER;
import static org.carehub.reference.MappingsFixture.put;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * In a Spring context, the holder loads at start-up (or stops it) and the watcher reloads on its
 * fixed delay, publishing {@link MappingsReloaded} to listeners.
 */
class MappingsWatcherTest {

    @Configuration
    @EnableScheduling
    @EnableConfigurationProperties(MappingsProperties.class)
    @Import({ReferenceDataHolder.class, MappingsWatcher.class})
    static class ReferenceConfiguration {

        @Bean
        ReloadListener reloadListener() {
            return new ReloadListener();
        }
    }

    static class ReloadListener {

        final List<MappingsReloaded> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(MappingsReloaded event) {
            events.add(event);
        }
    }

    @TempDir
    Path temp;

    private Path dir;
    private ApplicationContextRunner runner;

    @BeforeEach
    void writeMappings() {
        dir = MappingsFixture.write(temp);
        runner = new ApplicationContextRunner().withUserConfiguration(ReferenceConfiguration.class)
                .withPropertyValues("carehub.mappings-dir=" + dir);
    }

    @Test
    void anEditIsPickedUpOnTheNextLookAndAnnounced() {
        runner.withPropertyValues("carehub.mappings.reload-interval-ms=100").run(context -> {
            ReferenceDataHolder holder = context.getBean(ReferenceDataHolder.class);
            ReloadListener listener = context.getBean(ReloadListener.class);

            put(dir, "rate-card.csv", RATE_HEADER,
                    "SUPPORTED_LIVING,SLEEP_IN,night,121.00,2025-04-01,,LD Sleep-in Uplift 2026");

            await().atMost(Duration.ofSeconds(10)).until(() -> !listener.events.isEmpty());
            assertThat(listener.events).singleElement().extracting(MappingsReloaded::snapshot).isSameAs(holder.snapshot());
            assertThat(holder.rate("SUPPORTED_LIVING", "SLEEP_IN", LocalDate.of(2026, 1, 1)).orElseThrow().rate())
                    .isEqualByComparingTo("121.00");
        });
    }

    @Test
    void invalidMappingsStopStartUpWithTheProblems() {
        put(dir, "services.csv", "service_code,name,chargeable,required_elements",
                "HOMECARE,Home care,Y,", "SUPPORTED_LIVING,Supported living,maybe,SLEEP_IN");

        runner.run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                .isInstanceOf(MappingsException.class)
                .hasMessageEndingWith("\nmappings/services.csv:3:3 (chargeable): 'maybe' must be Y or N"));
    }

    @Test
    void theFolderIsLookedAtEveryFiveSecondsUnlessConfigured() {
        runner.run(context -> assertThat(context.getBean(MappingsProperties.class).reloadIntervalMs()).isEqualTo(5000));
    }
}
