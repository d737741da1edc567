package org.carehub;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A whole hub a test starts and stops itself (for restarts on the same broker journal and database),
 * beside any cached test contexts in the same JVM.
 */
public final class StandaloneHub {

    /** JUnit tag of tests that start hubs themselves: surefire runs each of them in a JVM of its own (pom.xml). */
    public static final String TAG = "standalone-hub";

    private StandaloneHub() {
    }

    /** Starts a hub on the data folder; {@code more} are further command-line settings. */
    public static ConfigurableApplicationContext start(Path dataDir, String... more) {
        return new SpringApplicationBuilder(CarehubApplication.class).run(Stream.concat(Stream.concat(
                Stream.of("--server.port=0"), settings(dataDir).stream()), Stream.of(more)).toArray(String[]::new));
    }

    /** The command-line settings of a hub a test starts (in its JVM or as a process of its own), but its port. */
    static List<String> settings(Path dataDir) {
        return List.of(
                "--carehub.data-dir=" + dataDir,
                "--carehub.simulators.las.enabled=false",
                "--carehub.simulators.registrar.enabled=false",
                // No mail or SFTP server here: their fixed ports could clash with a hub running beside.
                "--carehub.mail.embedded.enabled=false",
                "--carehub.sftp.enabled=false",
                "--carehub.invoices.email.enabled=false",
                // No payment runs in the background: a test that wants one runs the job itself.
                "--carehub.payments.cron=-",
                "--carehub.simulators.controcc.payment-runs.enabled=false",
                // Do not wait for in-flight exchanges: this is the hub being stopped, not drained.
                "--camel.main.shutdown-timeout=1");
    }

    public static String baseUrl(ConfigurableApplicationContext hub) {
        return "http://127.0.0.1:" + hub.getEnvironment().getProperty("local.server.port");
    }
}
