package org.carehub.channels;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the hostile input tests saw, class × channel: the reason the hub gave, where the original was kept, and what
 * bounds the memory spent on it. Tests add a row once they have asserted it; {@link #write()} puts the table in
 * {@code target/hostile-inputs/table.md} and prints it (docs/hostile-inputs.md is made from it). One table for
 * the JVM, so the suite and the invoice channel test fill the same one.
 */
public final class HostileInputTable {

    public static final Path FILE = Path.of("target", "hostile-inputs", "table.md");

    /** The classes of adversarial-inputs.md, by number: their titles in that document's words. */
    private static final Map<Integer, String> CLASSES = classes();

    /** One observation: which class and case, at which door, and what the hub did. */
    public record Row(int inputClass, String hostileCase, String channel, String reason, String originalKept,
                      String memoryBound) {
        public Row {
            if (!CLASSES.containsKey(inputClass)) {
                throw new IllegalArgumentException("no class " + inputClass + " in adversarial-inputs.md");
            }
        }
    }

    private static final Map<String, Row> ROWS = new TreeMap<>();

    private HostileInputTable() {
    }

    public static synchronized void add(Row row) {
        ROWS.put(String.format("%02d|%s|%s", row.inputClass(), row.hostileCase(), row.channel()), row);
    }

    public static synchronized List<Row> rows() {
        return List.copyOf(ROWS.values());
    }

    /** Writes the table as Markdown and prints it; returns the text. */
    public static synchronized String write() {
        StringBuilder md = new StringBuilder("| class | case | channel | reason given | original kept | memory bounded |\n")
                .append("|---|---|---|---|---|---|\n");
        ROWS.values().stream().sorted(Comparator.comparingInt(Row::inputClass)).forEach(r -> md.append("| ")
                .append(r.inputClass()).append(". ").append(CLASSES.get(r.inputClass())).append(" | ")
                .append(cell(r.hostileCase())).append(" | ").append(cell(r.channel())).append(" | ")
                .append(cell(r.reason())).append(" | ").append(cell(r.originalKept())).append(" | ")
                .append(cell(r.memoryBound())).append(" |\n"));
        String text = md.toString();
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("Hostile inputs, class x channel (" + ROWS.size() + " rows, " + FILE + "):\n" + text);
        return text;
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static Map<Integer, String> classes() {
        try (InputStream in = HostileInputTable.class.getResourceAsStream("/hostile/adversarial-inputs.md")) {
            String doc = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Map<Integer, String> titles = new LinkedHashMap<>();
            Matcher m = Pattern.compile("(?m)^(\\d+)\\. \\*\\*([^*]+)\\*\\*").matcher(doc);
            while (m.find()) {
                titles.put(Integer.valueOf(m.group(1)), m.group(2).replaceAll("[:.]$", ""));
            }
            return titles;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
