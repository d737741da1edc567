package org.carehub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml checked without Docker (this machine has no engine): its structure, and that the hub's
 * service gives every variable the production profile needs and has no default for.
 */
class DockerComposeFileTest {

    private static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{(CAREHUB_[A-Z_]+)}");

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker-compose.yml")));
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyServiceHasAnImageAndEveryDependencyAndVolumeExists() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker-compose.yml")));
        Set<String> declaredVolumes = ((Map<String, Object>) compose.get("volumes")).keySet();
        Map<String, Map<String, Object>> services = services();

        assertThat(services).containsKeys("artemis", "postgres", "mail", "hub");
        services.forEach((name, service) -> {
            assertThat(service.get("image") != null || service.get("build") != null).as(name + " has an image or a build").isTrue();
            Object dependsOn = service.getOrDefault("depends_on", Map.of());
            assertThat(services.keySet()).as(name + " depends on services that exist").containsAll(((Map<String, ?>) dependsOn).keySet());
            for (Object volume : (List<Object>) service.getOrDefault("volumes", List.of())) {
                assertThat(declaredVolumes).as(name + " uses a declared volume").contains(volume.toString().split(":")[0]);
            }
        });
        for (String withHealthCheck : List.of("artemis", "postgres", "hub")) {
            assertThat(services.get(withHealthCheck)).as(withHealthCheck).containsKey("healthcheck");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theHubIsGivenEveryVariableTheProductionProfileRequires() throws IOException {
        Matcher required = REQUIRED_VARIABLE.matcher(Files.readString(Path.of("config/application-production.yaml")));
        Map<String, Object> hubEnvironment = (Map<String, Object>) services().get("hub").get("environment");

        assertThat(hubEnvironment).containsEntry("SPRING_PROFILES_ACTIVE", "production");
        int count = 0;
        while (required.find()) {
            assertThat(hubEnvironment).as("hub environment").containsKey(required.group(1));
            count++;
        }
        assertThat(count).as("variables without a default in the production profile").isGreaterThanOrEqualTo(8);
    }
}
