package org.carehub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.io.FileSystemResource;

/**
 * The production profile as a council's engineer deploys it: nothing embedded or simulated, and every
 * secret taken from the environment rather than written in the file.
 */
class ProductionProfileTest {

    private static final Map<String, String> production = new TreeMap<>();

    @BeforeAll
    static void load() throws IOException {
        for (var source : new YamlPropertySourceLoader().load("production", new FileSystemResource("config/application-production.yaml"))) {
            EnumerablePropertySource<?> properties = (EnumerablePropertySource<?>) source;
            for (String name : properties.getPropertyNames()) {
                production.put(name, String.valueOf(properties.getProperty(name)));
            }
        }
    }

    @Test
    void everySecretComesFromTheEnvironment() {
        Map<String, String> secrets = new TreeMap<>(production);
        secrets.keySet().removeIf(name -> !name.toLowerCase().matches(".*(password|user|username|url)$"));

        assertThat(secrets).hasSizeGreaterThanOrEqualTo(8);
        assertThat(secrets).allSatisfy((name, value) ->
                assertThat(value).as(name).matches("\\$\\{CAREHUB_[A-Z_]+(:[^}]*)?}"));
        assertThat(secrets).allSatisfy((name, value) ->
                assertThat(value).as(name + " must not default a password").doesNotMatch(".*PASSWORD:[^}]+}"));
    }

    @Test
    void nothingIsEmbeddedOrSimulated() {
        assertThat(production).containsEntry("spring.artemis.mode", "native")
                .containsEntry("spring.artemis.embedded.enabled", "false")
                .containsEntry("carehub.mail.embedded.enabled", "false")
                .containsEntry("carehub.simulators.las.enabled", "false")
                .containsEntry("carehub.simulators.controcc.enabled", "false")
                .containsEntry("carehub.security.users", "")
                .containsEntry("logging.structured.format.console", "ecs");
        assertThat(production.get("spring.datasource.url")).isEqualTo("${CAREHUB_DB_URL}");
    }
}
