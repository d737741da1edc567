package org.carehub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.carehub.failures.BacklogCount;
import org.carehub.failures.BacklogView;
import org.springframework.web.client.RestClient;

/**
 * A hub as a process of its own (java -cp <the test class path> org.carehub.CarehubApplication), started from the
 * project folder like a deployed hub, so a test can kill it outright (kill -9) as a machine dying would.
 */
public final class HubProcess implements AutoCloseable {

    private static final int LOG_LINES_SHOWN = 120;

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
        Awaitility.await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1)).until(hub::up);
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

    /**
     * Waits until {@code condition} holds. If it does not in time, the failure's first line says what the hub parked
     * and where its busy threads stand (a run elsewhere, CI, shows only that line), then the last lines of its log; the
     * whole thread dump is written beside the log.
     */
    public void await(String what, Duration atMost, Callable<Boolean> condition) {
        try {
            Awaitility.await(what).atMost(atMost).pollInterval(Duration.ofMillis(200)).until(condition);
        } catch (ConditionTimeoutException timedOut) {
            throw new AssertionError("Hub " + name + ": not within " + atMost + ": " + what + "; parked by reason "
                    + describeParked() + "; threads at work: " + busyThreads() + "\nlast lines of its log (" + log
                    + "):\n" + logTail(LOG_LINES_SHOWN), timedOut);
        }
    }

    /** The hub's parked messages by reason code (its backlog). */
    public Map<String, Long> parkedByReason() {
        BacklogView backlog = HubTest.as(HubTest.VIEWER).get().uri(baseUrl() + "/api/backlog").retrieve()
                .body(BacklogView.class);
        Map<String, Long> byReason = new TreeMap<>();
        List<BacklogCount> counts = backlog == null ? List.of() : backlog.counts();
        counts.forEach(count -> byReason.merge(count.reasonCode(), count.count(), Long::sum));
        return byReason;
    }

    private String describeParked() {
        try {
            return parkedByReason().toString();
        } catch (RuntimeException unanswered) {
            return "(the hub did not answer: " + unanswered.getMessage() + ")";
        }
    }

    /**
     * The threads running the hub's own code, blocked, or initialising a class, each told in a few lines
     * ({@link #whereItStands}), from a thread dump (jcmd) kept in full beside the log.
     */
    private String busyThreads() {
        try {
            Path jcmd = Path.of(ProcessHandle.current().info().command().orElseThrow()).resolveSibling("jcmd");
            Process dump = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "Thread.print")
                    .redirectErrorStream(true).start();
            String threads = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            Path kept = log.resolveSibling(name + "-threads.txt");
            Files.writeString(kept, threads);
            return Arrays.stream(threads.split("\n\\s*\n"))
                    .filter(thread -> thread.startsWith("\"") && (thread.contains("at org.carehub.")
                            || thread.contains("State: BLOCKED") || thread.contains("<clinit>")))
                    .map(HubProcess::whereItStands)
                    .collect(Collectors.joining(" || ", "[", "] (all threads: " + kept + ")"));
        } catch (IOException | RuntimeException noDump) {
            return "(no thread dump: " + noDump + ")";
        }
    }

    /** A thread's name, state, top frame, the first of the hub's own frames, and any class it initialises or lock it awaits. */
    private static String whereItStands(String thread) {
        List<String> lines = thread.lines().map(String::strip).toList();
        String name = lines.get(0).substring(0, lines.get(0).indexOf('"', 1) + 1);
        Stream<String> telling = Stream.of(
                lines.stream().filter(line -> line.startsWith("java.lang.Thread.State:")).findFirst(),
                lines.stream().filter(line -> line.startsWith("at ")).findFirst(),
                lines.stream().filter(line -> line.startsWith("- waiting") || line.contains("<clinit>")).findFirst(),
                lines.stream().filter(line -> line.startsWith("at org.carehub.")).findFirst())
                .flatMap(Optional::stream).distinct();
        return Stream.concat(Stream.of(name), telling).collect(Collectors.joining(" < "));
    }

    private String logTail(int lines) {
        try (Stream<String> all = Files.lines(log)) {
            List<String> kept = all.toList();
            return String.join("\n", kept.subList(Math.max(0, kept.size() - lines), kept.size()));
        } catch (IOException | UncheckedIOException unreadable) {
            return "(unreadable: " + unreadable.getMessage() + ")";
        }
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
