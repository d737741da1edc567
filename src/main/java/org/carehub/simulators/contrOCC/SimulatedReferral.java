package org.carehub.simulators.contrOCC;

import java.time.OffsetDateTime;

/** A financial assessment referral held by the simulated ContrOCC; status is OPEN or COMPLETED. */
public record SimulatedReferral(String financeId, String personRef, String reason, String referredBy,
                                String status, OffsetDateTime referredAt, OffsetDateTime completedAt) {
}
