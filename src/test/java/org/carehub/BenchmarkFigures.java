package org.carehub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures one benchmark measured, printed as a Markdown table to the console and written to
 * {@code target/benchmarks/<name>.md} (docs/benchmarks.md quotes them). Benchmarks print figures; they
 * never assert anything about time.
 */
public final class BenchmarkFigures {

    /** The JUnit tag of benchmarks: run only with {@code ./mvnw -B -Pbenchmark verify} (pom.xml). */
    public static final String TAG = "benchmark";

    private final String name;
    private final List<String[]> rows = new ArrayList<>();

    public BenchmarkFigures(String name) {
        this.name = name;
    }

    public BenchmarkFigures add(String figure, String value) {
        rows.add(new String[] {figure, value});
        return this;
    }

    /** The machine as the figures were measured on it: cores, JDK and how busy it was (other processes count). */
    private static String machine() {
        return String.format(Locale.ROOT, "%d cores, JDK %s, %d MB heap max, load average %.1f (1 min, at the end)",
                Runtime.getRuntime().availableProcessors(), Runtime.version(), Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** Messages per second for {@code count} messages in {@code elapsed}. */
    public static double perSecond(int count, Duration elapsed) {
        return count * 1_000_000_000.0 / Math.max(1, elapsed.toNanos());
    }

    /** The nearest-rank percentile (0 < p ≤ 100) of the samples, in milliseconds. */
    public static long percentileMillis(List<Long> samplesMillis, double p) {
        if (samplesMillis.isEmpty()) {
            throw new IllegalArgumentException("no samples for the " + p + "th percentile");
        }
        List<Long> sorted = samplesMillis.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    public static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%.1f msg/s", perSecond);
    }

    public static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** Prints the table, the machine last, and writes it to target/benchmarks/<name>.md; returns the table. */
    public String print() {
        add("machine", machine());
        StringBuilder table = new StringBuilder("### ").append(name).append("\n\n| figure | value |\n|---|---|\n");
        for (String[] row : rows) {
            table.append("| ").append(row[0]).append(" | ").append(row[1]).append(" |\n");
        }
        System.out.println("\n" + table);
        try {
            Path file = Path.of("target", "benchmarks", name + ".md");
            Files.createDirectories(file.getParent());
            Files.writeString(file, table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return table.toString();
    }
}
