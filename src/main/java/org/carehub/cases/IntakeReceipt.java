package org.carehub.cases;

/**
 * What the hub tells LAS when it takes an event: the journey id to quote, and whether this event id
 * and version had already been received (a resend: nothing new is created).
 */
public record IntakeReceipt(String journeyId, boolean duplicate, String status) {
}
