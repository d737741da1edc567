package org.carehub.reference;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * A YAML mapping file read as a list of entries of single-value keys. Uses SnakeYAML's node tree rather than
 * plain objects so every problem names the line and column of the value at fault.
 */
final class YamlMappingFile {

    private final Path file;
    private final String label;
    private final MappingProblems problems;

    YamlMappingFile(Path dir, String fileName, MappingProblems problems) {
        this.file = dir.resolve(fileName);
        this.label = CsvMappingReader.label(dir, fileName);
        this.problems = problems;
    }

    String label() {
        return label;
    }

    /** The file's entries; none when it is missing, not YAML or not a list (each reported). */
    Optional<List<Node>> entries(String listOf) {
        Optional<Node> root = MappingText.read(file, label, problems).flatMap(text -> compose(text, listOf));
        if (root.isEmpty()) {
            return Optional.empty();
        }
        if (!(root.get() instanceof SequenceNode list)) {
            problem(root.get(), null, "the file must be a list of " + listOf + ", each starting with '- code:'");
            return Optional.empty();
        }
        return Optional.of(list.getValue());
    }

    private Optional<Node> compose(String text, String listOf) {
        try {
            Node root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
            if (root == null) {
                problems.add(new MappingLocation(label, 1, 1, null), "the file is empty; it must be a list of " + listOf);
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

    /**
     * An entry's values by key; unknown, repeated, nested and missing keys are reported, naming what an
     * entry is ({@code reason}) and the keys it has. Null when the entry is not a set of keys at all.
     */
    Map<String, ScalarNode> values(Node node, List<String> keys, String entry) {
        if (!(node instanceof MappingNode mapping)) {
            problem(node, null, "each " + entry + " must be a set of 'key: value' lines: " + String.join(", ", keys));
            return null;
        }
        Map<String, ScalarNode> values = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : null;
            if (key == null || !keys.contains(key)) {
                problem(tuple.getKeyNode(), key, "unknown key; a " + entry + " has " + String.join(", ", keys));
            } else if (values.containsKey(key)) {
                problem(tuple.getKeyNode(), key, "the key is given twice in this " + entry);
            } else if (!(tuple.getValueNode() instanceof ScalarNode value)) {
                problem(tuple.getValueNode(), key, "must be a single value, not a list or nested keys");
                values.put(key, null);
            } else {
                values.put(key, value);
            }
        }
        for (String key : keys) {
            if (!values.containsKey(key)) {
                problem(mapping, key, "is missing; every " + entry + " has " + String.join(", ", keys));
            }
        }
        return values;
    }

    /** The trimmed value of the key, or null (reported) when it is blank; null unreported when already bad. */
    String text(Map<String, ScalarNode> values, String key) {
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

    void problem(Node node, String field, String message) {
        Mark mark = node.getStartMark();
        problems.add(new MappingLocation(label, mark.getLine() + 1, mark.getColumn() + 1, field), message);
    }
}
