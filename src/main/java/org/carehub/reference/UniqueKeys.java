package org.carehub.reference;

import java.util.HashMap;
import java.util.Map;

/** Reports a key (a provider ref, a service and element) that a file gives twice, pointing at the first. */
final class UniqueKeys {

    private final String what;
    private final Map<String, Integer> firstLine = new HashMap<>();

    UniqueKeys(String what) {
        this.what = what;
    }

    /** Whether the key is new; a repeat is reported on the row's column. */
    boolean add(String key, MappingRow row, String column) {
        Integer first = firstLine.putIfAbsent(key, row.line());
        if (first != null) {
            row.problem(column, "duplicate " + what + " '" + key + "', already on line " + first);
            return false;
        }
        return true;
    }
}
