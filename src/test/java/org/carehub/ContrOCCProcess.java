package org.carehub;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.carehub.simulators.contrOCC.ContrOCCSimulatorApplication;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.web.client.RestClient;

/**
 * ContrOCC's simulator as a process of its own with its own persistent state (an H2 file under its data folder), as
 * finance is a system of its own: a hub killed or restarted never takes finance's memory with it. Its database is
 * opened with H2's AUTO_SERVER, so a test reads finance's import log while it runs.
 */
public final class ContrOCCProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path dataDir;

    private ContrOCCProcess(Process process, int port, Path dataDir) {
        this.process = process;
        this.port = port;
        this.dataDir = dataDir;
    }

    /** Starts the simulator on the data folder; returns once it answers. */
    public static ContrOCCProcess start(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        int port = HubTest.freePort();
        List<String> command = HubProcess.javaCommand(ContrOCCSimulatorApplication.class);
        command.addAll(List.of("--server.port=" + port, "--carehub.data-dir=" + dataDir,
                "--spring.datasource.url=" + databaseUrl(dataDir)));
        Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ContrOCCProcess contrOCC = new ContrOCCProcess(process, port, dataDir);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> contrOCC.up(log));
        return contrOCC;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Its SOAP import service, what a hub's carehub.finance.controcc.url names. */
    public String importServiceUrl() {
        return baseUrl() + "/services/contrOCC-sim";
    }

    /** Finance's own database, import log and all. */
    public DataSource database() {
        return new DriverManagerDataSource(databaseUrl(dataDir), "sa", "");
    }

    private static String databaseUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.resolve("db/contrOCC-simulator") + ";AUTO_SERVER=TRUE";
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private boolean up(Path log) {
        if (!process.isAlive()) {
            throw new IllegalStateException("ContrOCC's simulator stopped at start-up; see " + log);
        }
        try {
            RestClient.create().get().uri(baseUrl() + "/simulators/contrOCC/stats").retrieve().toBodilessEntity();
            return true;
        } catch (RuntimeException notYet) {
            return false;
        }
    }
}
