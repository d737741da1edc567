package org.carehub;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A standalone Apache Artemis broker, the distribution from Maven Central (unpacked into target/artemis by the
 * pom), as its own process on a loopback port with a login: what a council's hubs share in production.
 */
public final class StandaloneBroker implements AutoCloseable {

    public static final String USER = "hub";
    public static final String PASSWORD = "hub-pass";

    private final Process process;
    private final int port;

    private StandaloneBroker(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Creates a broker instance in the folder and runs it; returns once it accepts connections. */
    public static StandaloneBroker start(Path instance) throws IOException, InterruptedException {
        Path artemis = distribution().resolve("bin").resolve("artemis");
        int port = HubTest.freePort();
        run(List.of(artemis.toString(), "create", instance.toString(), "--silent", "--force", "--user", USER, "--password", PASSWORD,
                "--require-login", "--host", "127.0.0.1", "--default-port", String.valueOf(port), "--nio", "--no-autotune",
                "--no-web", "--no-amqp-acceptor", "--no-mqtt-acceptor", "--no-stomp-acceptor", "--no-hornetq-acceptor",
                "--java-memory", "512M"), instance.resolveSibling("artemis-create.log"));
        Process broker = new ProcessBuilder(instance.resolve("bin").resolve("artemis").toString(), "run")
                .redirectErrorStream(true).redirectOutput(instance.resolveSibling("artemis.log").toFile()).start();
        StandaloneBroker started = new StandaloneBroker(broker, port);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            if (!broker.isAlive()) {
                throw new IllegalStateException("Artemis stopped at start-up; see " + instance.resolveSibling("artemis.log"));
            }
            return accepts(port);
        });
        return started;
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static Path distribution() throws IOException {
        try (Stream<Path> unpacked = Files.list(Path.of("target", "artemis"))) {
            return unpacked.filter(p -> p.getFileName().toString().startsWith("apache-artemis-")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No Artemis distribution in target/artemis: run the build's"
                            + " process-test-resources phase (maven-dependency-plugin, execution artemis-distribution)"))
                    .toAbsolutePath();
        }
    }

    private static void run(List<String> command, Path log) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed; see " + log);
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
