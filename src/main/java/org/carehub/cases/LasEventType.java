package org.carehub.cases;

/** The kinds of event LAS publishes to the hub. */
public enum LasEventType {
    CLIENT_REGISTERED,
    CLIENT_CHANGED,
    CARE_LINE_CREATED,
    CARE_LINE_CHANGED,
    CARE_LINE_ENDED,
    DATE_OF_DEATH_RECORDED,
    FINANCIAL_ASSESSMENT_REFERRAL;

    public boolean isCareLineEvent() {
        return this == CARE_LINE_CREATED || this == CARE_LINE_CHANGED || this == CARE_LINE_ENDED;
    }

    public boolean isClientEvent() {
        return this == CLIENT_REGISTERED || this == CLIENT_CHANGED;
    }
}
