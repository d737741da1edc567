package org.carehub.reference;

import java.nio.file.Path;
import java.util.List;

/**
 * The mappings failed validation and were not loaded. The message lists every problem, one a line,
 * each naming file, line and column, e.g. {@code mappings/rate-card.csv:12:4 (rate): 'abc' is not an amount in pounds}.
 */
public class MappingsException extends RuntimeException {

    private final List<String> problems;

    public MappingsException(Path dir, List<String> problems) {
        super("The mappings in " + dir.toAbsolutePath().normalize() + " were not loaded ("
                + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "):\n"
                + String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem as one line: {@code file:line:column (column name): what is wrong}. */
    public List<String> problems() {
        return problems;
    }
}
