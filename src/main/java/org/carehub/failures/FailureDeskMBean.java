package org.carehub.failures;

/**
 * The failure desk in Hawtio's JMX tab ({@code org.carehub:hub=<name>,type=FailureDesk}): the same operations as
 * the REST API, answering in plain text. Blank arguments mean "any" / "none".
 */
public interface FailureDeskMBean {

    /** One line per parked message: journey, reason, owner team, client, care line, first failed, attempts. */
    String[] listParked(String reasonCode, String ownerTeam);

    /** Reason, field, value, fix, owner team, the journey so far and the payload. */
    String explain(String journeyId);

    String retry(String journeyId, String why);

    String retryAll(String reasonCode, String why);

    /** Edits one field (a JSON pointer such as /careLine/providerRef) and sends the message back to its flow. */
    String resubmit(String journeyId, String field, String value, String why);

    String discard(String journeyId, String why);
}
