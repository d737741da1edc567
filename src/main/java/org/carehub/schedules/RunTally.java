package org.carehub.schedules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a run did, as it goes: counts by what was counted, and a line per failure. */
public final class RunTally {

    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();

    public void count(String what) {
        add(what, 1);
    }

    public void add(String what, long n) {
        counts.merge(what, n, Long::sum);
    }

    /** A failure that did not stop the run (the item is parked or skipped); the run ends DONE_WITH_FAILURES. */
    public void failure(String what) {
        failures.add(what);
    }

    public Map<String, Long> counts() {
        return Map.copyOf(counts);
    }

    Map<String, Long> orderedCounts() {
        return new LinkedHashMap<>(counts);
    }

    public List<String> failures() {
        return List.copyOf(failures);
    }
}
