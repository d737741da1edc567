package org.carehub;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.web.client.RestClient;

/**
 * A hub as a process of its own (java -cp <the test class path> org.carehub.CarehubApplication), started from the
 * project folder like a deployed hub, so a test can kill it outright (kill -9) as a machine dying would.
 */
public final class HubProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private HubProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the hub named {@code name} on the data folder with further settings; returns once its health is UP. */
    public static HubProcess start(String name, Path dataDir, List<String> more) throws IOException {
        Files.createDirectories(dataDir);
        int port = HubTest.freePort();
        List<String> command = javaCommand(CarehubApplication.class);
        command.addAll(List.of("--server.port=" + port, "--carehub.hub-name=" + name));
        command.addAll(StandaloneHub.settings(dataDir));
        command.addAll(more);
        Path log = dataDir.resolveSibling(name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        HubProcess hub = new HubProcess(name, process, port, log);
        await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1)).until(hub::up);
        return hub;
    }

    /** The command that runs {@code main} in a JVM of its own on the test class path (arguments to be added). */
    static List<String> javaCommand(Class<?> main) {
        return new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx512m",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), main.getName()));
    }

    public String name() {
        return name;
    }

    /** What the hub wrote to its console (its log), over every start on the same data folder. */
    public Path log() {
        return log;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The hub's process dies at once, in-flight work and all (SIGKILL). */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private boolean up() {
        if (!process.isAlive()) {
            throw new IllegalStateException("Hub " + name + " stopped at start-up; see " + log);
        }
        try {
            Map<?, ?> health = RestClient.create().get().uri(baseUrl() + "/actuator/health/hub").retrieve().body(Map.class);
            return health != null && "UP".equals(health.get("status"));
        } catch (RuntimeException notYet) {
            return false;
        }
    }
}
