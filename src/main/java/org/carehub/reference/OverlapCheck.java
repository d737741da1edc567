package org.carehub.reference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reports periods that overlap for the same key (a provider's service, a rate card element): on any
 * date at most one contract or one locked rate may be in force, or the hub could not tell which applies.
 */
final class OverlapCheck {

    private record Dated(ValidityPeriod period, int line) {
    }

    private final Map<String, List<Dated>> byKey = new HashMap<>();

    void add(String key, ValidityPeriod period, MappingRow row, String fromColumn) {
        List<Dated> earlier = byKey.computeIfAbsent(key, k -> new ArrayList<>());
        for (Dated other : earlier) {
            if (other.period().overlaps(period)) {
                row.problem(fromColumn, period + " overlaps " + other.period() + " on line " + other.line()
                        + " for " + key + "; only one can be in force on a date");
            }
        }
        earlier.add(new Dated(period, row.line()));
    }
}
