package org.carehub.failures;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A message broke one of the council's rules: it is parked at once with this reason (no
 * redelivery would help). The reason code must exist in {@code mappings/failure-reasons.yaml};
 * {@code details} fill that entry's explanation template.
 */
public class BusinessRuleViolation extends RuntimeException {

    private final String reasonCode;
    private final String field;
    private final String value;
    private final Map<String, Object> details;

    public BusinessRuleViolation(String reasonCode, String field, Object value, Map<String, ?> details) {
        super(reasonCode + " (" + field + "=" + value + ")");
        this.reasonCode = reasonCode;
        this.field = field;
        this.value = value == null ? "" : String.valueOf(value);
        Map<String, Object> all = new LinkedHashMap<>(details);
        all.putIfAbsent("field", field);
        all.putIfAbsent("value", this.value);
        this.details = Collections.unmodifiableMap(all);
    }

    public BusinessRuleViolation(String reasonCode, String field, Object value) {
        this(reasonCode, field, value, Map.of());
    }

    public String reasonCode() {
        return reasonCode;
    }

    public String field() {
        return field;
    }

    public String value() {
        return value;
    }

    public Map<String, Object> details() {
        return details;
    }
}
