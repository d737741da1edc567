package org.carehub;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads every YAML configuration file the hub is about to load (config/ and any spring.config.location or
 * additional-location file) before Spring does, so a syntax mistake stops start-up naming the file, line and
 * column: Spring's own YAML error names the line but not the file.
 */
public class ConfigFileSyntaxCheck implements EnvironmentPostProcessor, Ordered {

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE; // before Spring reads the files (ConfigDataEnvironmentPostProcessor)
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        for (Path file : yamlFiles(environment)) {
            check(file);
        }
    }

    static void check(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            new Yaml().loadAll(reader).forEach(document -> { });
        } catch (MarkedYAMLException mistake) {
            Mark mark = mistake.getProblemMark();
            throw new IllegalStateException("Configuration file " + file + " cannot be read: line " + (mark.getLine() + 1)
                    + ", column " + (mark.getColumn() + 1) + ": " + mistake.getProblem(), mistake);
        } catch (IOException unreadable) {
            throw new IllegalStateException("Configuration file " + file + " cannot be read: " + unreadable.getMessage(), unreadable);
        }
    }

    private static List<Path> yamlFiles(ConfigurableEnvironment environment) {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> config = Files.isDirectory(Path.of("config")) ? Files.list(Path.of("config")) : Stream.empty()) {
            config.filter(ConfigFileSyntaxCheck::isYaml).sorted().forEach(files::add);
        } catch (IOException unreadable) {
            throw new IllegalStateException("The config folder cannot be listed: " + unreadable.getMessage(), unreadable);
        }
        for (String property : List.of("spring.config.location", "spring.config.additional-location")) {
            for (String location : environment.getProperty(property, "").split(",")) {
                String path = location.trim().replaceFirst("^optional:", "").replaceFirst("^file:", "");
                if (!path.isEmpty() && !path.startsWith("classpath:") && isYaml(Path.of(path)) && Files.isRegularFile(Path.of(path))) {
                    files.add(Path.of(path));
                }
            }
        }
        return files;
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }
}
