package org.carehub.reference;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An entry of the failure-reason catalogue: a stable code, a sentence a non-developer understands
 * (a template with {@code {placeholders}}), the fix, and the team that must act.
 *
 * @param retryOnMappingReload parked messages with this reason are retried when mappings reload
 */
public record FailureReason(String code, String title, String explanation, String fix, String ownerTeam,
                            FailureKind kind, boolean retryOnMappingReload) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    /** The explanation with its placeholders filled; an unknown placeholder is left visible, not blanked. */
    public String explain(Map<String, ?> values) {
        return fill(explanation, values);
    }

    /** The fix with its placeholders filled, e.g. the service and element to add a rate for. */
    public String fix(Map<String, ?> values) {
        return fill(fix, values);
    }

    private static String fill(String template, Map<String, ?> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group(0) : String.valueOf(value)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
