package org.carehub.reference;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem found while loading the mappings, so one load reports all of them at once. */
final class MappingProblems {

    private final List<String> problems = new ArrayList<>();

    void add(MappingLocation where, String message) {
        problems.add(where + ": " + message);
    }

    int count() {
        return problems.size();
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    List<String> list() {
        return List.copyOf(problems);
    }
}
