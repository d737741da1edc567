package org.carehub.deaths;

/** What became of a death notification. */
public enum NotificationOutcome {
    /** Taken from the feed, on its way through the flow. */
    RECEIVED,
    /** No client with its NHS number, nor with its name and date of birth: counted, nothing to do. */
    NOT_MATCHED,
    /** Only name and date of birth match (no NHS number match): parked for social work to confirm, never applied. */
    TO_CONFIRM,
    /** Applied in finance; LAS has no date of death yet: a task went to social work and the notification is parked. */
    AWAITING_LAS,
    /** Applied in finance and recorded in LAS. */
    APPLIED
}
