package org.carehub.failures;

import java.util.Map;

/** A parked message in full: how support staff see it, every header it carries and its payload as parked. */
public record ParkedMessage(ParkedItem item, Map<String, Object> headers, String payload) {
}
