package org.carehub.failures;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Failure desk page is shipped ready-built (the hub builds with JDK and Maven only), so its
 * bundle must be the build of the sources beside it. console/failure-desk/scripts/sources-checksum.cjs
 * writes the SHA-256 of every source at build time; this recomputes them the same way.
 */
class FailureDeskBundleTest {

    static final Path SOURCES = Path.of("console/failure-desk");
    static final Path BUNDLE = Path.of("src/main/resources/static" + FailureDeskConsole.BUNDLE_URL);
    static final List<String> BUILD_FILES = List.of("package.json", "package-lock.json", "tsconfig.json", "webpack.config.cjs");
    static final String REBUILD = "rebuild the console plugin: cd console/failure-desk && npm ci && npm run build";

    @Test
    void the_shipped_bundle_was_built_from_the_sources_in_the_repository() throws IOException {
        String shipped = Files.readString(BUNDLE.resolve("sources.sha256"), StandardCharsets.UTF_8);

        assertThat(manifest()).as(REBUILD).isEqualTo(shipped);
    }

    @Test
    void the_bundle_is_the_module_the_hawtio_plugin_bean_names() throws IOException {
        String remoteEntry = Files.readString(BUNDLE.resolve("remoteEntry.js"), StandardCharsets.UTF_8);

        // A Module Federation container declares its scope as a global and maps its exposed modules by name.
        assertThat(remoteEntry.startsWith("var " + FailureDeskConsole.SCOPE + ";")).as("scope %s; %s", FailureDeskConsole.SCOPE, REBUILD).isTrue();
        assertThat(remoteEntry.contains("\"" + FailureDeskConsole.MODULE + "\":")).as("module %s; %s", FailureDeskConsole.MODULE, REBUILD).isTrue();
    }

    /** One "sha256  path" line per source, sorted by path, CRLF read as LF (as sources-checksum.cjs). */
    static String manifest() throws IOException {
        List<String> files = new ArrayList<>(BUILD_FILES);
        try (Stream<Path> src = Files.walk(SOURCES.resolve("src"))) {
            src.filter(Files::isRegularFile).map(f -> SOURCES.relativize(f).toString().replace('\\', '/')).forEach(files::add);
        }
        StringBuilder manifest = new StringBuilder();
        for (String file : files.stream().sorted().toList()) {
            String text = Files.readString(SOURCES.resolve(file), StandardCharsets.UTF_8).replace("\r\n", "\n");
            manifest.append(sha256(text)).append("  ").append(file).append('\n');
        }
        return manifest.toString();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
