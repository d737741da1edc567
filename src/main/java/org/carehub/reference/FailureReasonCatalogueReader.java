package org.carehub.reference;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads failure-reasons.yaml, the reason catalogue: a list of entries {@code code, title, explanation,
 * fix, owner, kind, retryOnMappingReload}. Uses SnakeYAML's node tree rather than plain objects so
 * every problem names the line and column of the value at fault.
 */
final class FailureReasonCatalogueReader {

    static final String FILE = "failure-reasons.yaml";

    private static final List<String> KEYS =
            List.of("code", "title", "explanation", "fix", "owner", "kind", "retryOnMappingReload");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");

    private final Path dir;
    private final String label;
    private final MappingProblems problems;
    /** Line of each code seen, in valid entries or not; null until the file was read as a list. */
    private Map<String, Integer> codeLines;

    FailureReasonCatalogueReader(Path dir, MappingProblems problems) {
        this.dir = dir;
        this.label = CsvMappingReader.label(dir, FILE);
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
        Optional<Node> root = MappingText.read(dir.resolve(FILE), label, problems).flatMap(this::compose);
        if (root.isEmpty()) {
            return reasons;
        }
        if (!(root.get() instanceof SequenceNode list)) {
            problem(root.get(), null, "the file must be a list of failure reasons, each starting with '- code:'");
            return reasons;
        }
        codeLines = new HashMap<>();
        for (Node node : list.getValue()) {
            entry(node, knownTeam).ifPresent(reasons::add);
        }
        return reasons;
    }

    private Optional<Node> compose(String text) {
        try {
            Node root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
            if (root == null) {
                problems.add(new MappingLocation(label, 1, 1, null), "the file is empty; it must be a list of failure reasons");
            }
            return Optional.ofNullable(root);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            problems.add(new MappingLocation(label, mark.getLine() + 1, mark.getColumn() + 1, null), "not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            problems.add(MappingLocation.ofFile(label), "not valid YAML: " + e.getMessage());
        }
        return Optional.empty();
    }

    private Optional<FailureReason> entry(Node node, Predicate<String> knownTeam) {
        if (!(node instanceof MappingNode mapping)) {
            problem(node, null, "each reason must be a set of 'key: value' lines: " + String.join(", ", KEYS));
            return Optional.empty();
        }
        int before = problems.count();
        Map<String, ScalarNode> values = values(mapping);
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

    /** The entry's values by key; unknown, repeated, nested and missing keys are reported. */
    private Map<String, ScalarNode> values(MappingNode mapping) {
        Map<String, ScalarNode> values = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : null;
            if (key == null || !KEYS.contains(key)) {
                problem(tuple.getKeyNode(), key, "unknown key; a reason has " + String.join(", ", KEYS));
            } else if (values.containsKey(key)) {
                problem(tuple.getKeyNode(), key, "the key is given twice in this reason");
            } else if (!(tuple.getValueNode() instanceof ScalarNode value)) {
                problem(tuple.getValueNode(), key, "must be a single value, not a list or nested keys");
                values.put(key, null);
            } else {
                values.put(key, value);
            }
        }
        for (String key : KEYS) {
            if (!values.containsKey(key)) {
                problem(mapping, key, "is missing; every reason has " + String.join(", ", KEYS));
            }
        }
        return values;
    }

    private String text(Map<String, ScalarNode> values, String key) {
        ScalarNode node = values.get(key);
        if (node == null) {
            return null;
        }
        String value = node.getValue().trim();
        if (value.isEmpty()) {
            problem(node, key, "is blank; a value is required");
            return null;
        }
        return value;
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
        Mark mark = node.getStartMark();
        problems.add(new MappingLocation(label, mark.getLine() + 1, mark.getColumn() + 1, field), message);
    }
}
