package org.carehub.finance;

/** What ContrOCC did with one import the hub sent, as written to the journey ledger. */
public enum FinanceAction {
    CLIENT_CREATED,
    CLIENT_UPDATED,
    SERVICE_LINE_CREATED,
    SERVICE_LINE_UPDATED,
    ASSESSMENT_REFERRED,
    /** The client is chargeable but finance already has a referral (open or done): none sent. */
    ASSESSMENT_ALREADY_REFERRED,
    /** An accepted provider invoice line recorded as an actual finance pays. */
    ACTUAL_RECORDED,
    /** Finance had already processed this import reference (a redelivery): nothing was sent again. */
    ALREADY_DONE
}
