package org.carehub.failures;

/**
 * The headers every parked message carries, so support staff can browse and filter dead-letter
 * queues in Hawtio by reason, owner team, client or care line. Names are valid JMS property names.
 */
public final class ParkedHeaders {

    public static final String JOURNEY_ID = "carehubJourneyId";
    public static final String FLOW = "carehubFlow";
    public static final String CLIENT_ID = "carehubClientId";
    public static final String CARE_LINE_ID = "carehubCareLineId";
    public static final String PROVIDER_REF = "carehubProviderRef";
    public static final String REASON_CODE = "carehubReasonCode";
    public static final String REASON_TITLE = "carehubReasonTitle";
    public static final String EXPLANATION = "carehubExplanation";
    public static final String FIELD = "carehubField";
    public static final String VALUE = "carehubValue";
    public static final String FIX = "carehubFix";
    public static final String OWNER_TEAM = "carehubOwnerTeam";
    public static final String FAILED_STEP = "carehubFailedStep";
    public static final String FIRST_FAILED_AT = "carehubFirstFailedAt";
    public static final String LAST_FAILED_AT = "carehubLastFailedAt";
    public static final String ATTEMPTS = "carehubAttempts";
    public static final String CONTENT_TYPE = "carehubContentType";
    /** Artemis' own headers: its retry operation sends a dead-lettered message back to these. */
    public static final String ARTEMIS_ORIGINAL_ADDRESS = "_AMQ_ORIG_ADDRESS";
    public static final String ARTEMIS_ORIGINAL_QUEUE = "_AMQ_ORIG_QUEUE";

    /** Exchange property: the step a flow was in when it failed (set by the flow's beans). */
    public static final String STEP_PROPERTY = "carehubStep";
    /** Exchange property: how many times this message has tried to reach finance (kept across redeliveries). */
    public static final String FINANCE_ATTEMPTS_PROPERTY = "carehubFinanceAttempts";
    /** Exchange property: the queue a failed message is to be parked on. */
    public static final String PARKED_QUEUE_PROPERTY = "carehubParkedQueue";

    /** The dead-letter queue of a flow's queue: parked messages sit beside the queue they came from. */
    public static String parkedQueueOf(String flowQueue) {
        return flowQueue + ".parked";
    }

    private ParkedHeaders() {
    }
}
