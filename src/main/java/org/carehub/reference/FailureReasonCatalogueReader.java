package org.carehub.reference;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads failure-reasons.yaml, the reason catalogue: a list of entries {@code code, title, explanation,
 * fix, owner, kind, retryOnMappingReload}, every problem named with its line and column ({@link YamlMappingFile}).
 */
final class FailureReasonCatalogueReader {

    static final String FILE = "failure-reasons.yaml";

    private static final List<String> KEYS =
            List.of("code", "title", "explanation", "fix", "owner", "kind", "retryOnMappingReload");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");

    private final String label;
    private final MappingProblems problems;
    private final YamlMappingFile yaml;
    /** Line of each code seen, in valid entries or not; null until the file was read as a list. */
    private Map<String, Integer> codeLines;

    FailureReasonCatalogueReader(Path dir, MappingProblems problems) {
        this.yaml = new YamlMappingFile(dir, FILE, problems);
        this.label = yaml.label();
        this.problems = problems;
    }

    /**
     * Reports each code the hub raises that the catalogue lacks; not when the file could not be read as a
     * list, or an entry was bad only in another key, which is reported already.
     */
    void reportMissingHubReasons() {
        if (codeLines != null) {
            HubReasons.missingFrom(codeLines.keySet()).forEach(code ->
                    problems.add(MappingLocation.ofFile(label), "no reason with code " + code + ", which the hub raises"));
        }
    }

    /** The valid entries; every other one is reported. */
    List<FailureReason> read(Predicate<String> knownTeam) {
        List<FailureReason> reasons = new ArrayList<>();
        Optional<List<Node>> entries = yaml.entries("failure reasons");
        if (entries.isEmpty()) {
            return reasons;
        }
        codeLines = new HashMap<>();
        for (Node node : entries.get()) {
            entry(node, knownTeam).ifPresent(reasons::add);
        }
        return reasons;
    }

    private Optional<FailureReason> entry(Node node, Predicate<String> knownTeam) {
        int before = problems.count();
        Map<String, ScalarNode> values = yaml.values(node, KEYS, "reason");
        if (values == null) {
            return Optional.empty();
        }
        String code = text(values, "code");
        if (code != null && !CODE.matcher(code).matches()) {
            problem(values.get("code"), "code", "'" + code + "' must be capital letters, digits and underscores, like NO_RATE_CARD_ENTRY");
        } else if (code != null) {
            Integer first = codeLines.putIfAbsent(code, values.get("code").getStartMark().getLine() + 1);
            if (first != null) {
                problem(values.get("code"), "code", "duplicate reason code '" + code + "', already on line " + first);
            }
        }
        String title = template(values, "title", code);
        String explanation = template(values, "explanation", code);
        String fix = template(values, "fix", code);
        String owner = text(values, "owner");
        if (owner != null && !knownTeam.test(owner)) {
            problem(values.get("owner"), "owner", "unknown owner team '" + owner + "'; it is not in " + MappingsLoader.OWNER_TEAMS_FILE);
        }
        FailureKind kind = kind(values);
        Boolean retry = trueOrFalse(values, "retryOnMappingReload");
        if (problems.count() > before) {
            return Optional.empty();
        }
        return Optional.of(new FailureReason(code, title, explanation, fix, owner, kind, retry));
    }

    private String text(Map<String, ScalarNode> values, String key) {
        return yaml.text(values, key);
    }

    /** A text with placeholders: braces well formed, and for a code the hub raises only names it fills. */
    private String template(Map<String, ScalarNode> values, String key, String code) {
        String text = text(values, key);
        if (text == null) {
            return null;
        }
        Placeholders placeholders = Placeholders.scan(text);
        placeholders.mistakes().forEach(mistake -> problem(values.get(key), key, mistake));
        HubReasons.placeholdersOf(code).ifPresent(filled -> placeholders.names().stream()
                .filter(name -> !filled.contains(name)).sorted()
                .forEach(name -> problem(values.get(key), key, "{" + name + "} is not filled in by the hub for " + code
                        + "; it fills " + String.join(", ", filled.stream().map(n -> "{" + n + "}").toList()))));
        return text;
    }

    private FailureKind kind(Map<String, ScalarNode> values) {
        String kind = text(values, "kind");
        if (kind == null) {
            return null;
        }
        if (!kind.equals("business") && !kind.equals("technical")) {
            problem(values.get("kind"), "kind", "'" + kind + "' is not a kind; use business or technical");
            return null;
        }
        return FailureKind.valueOf(kind.toUpperCase(Locale.ROOT));
    }

    private Boolean trueOrFalse(Map<String, ScalarNode> values, String key) {
        String value = text(values, key);
        if (value == null) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            problem(values.get(key), key, "'" + value + "' must be true or false");
            return null;
        }
        return Boolean.valueOf(value);
    }

    private void problem(Node node, String field, String message) {
        yaml.problem(node, field, message);
    }
}
