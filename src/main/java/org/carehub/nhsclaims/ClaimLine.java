package org.carehub.nhsclaims;

import java.math.BigDecimal;

/** One line of an NHS claim schedule, as stored in {@code nhs_claim_line}. */
public record ClaimLine(
        String claimPeriod,
        String nhsBody,
        String serviceMonth,
        String cpliId,
        String personRef,
        String nhsNumber,
        String clientName,
        String scheme,
        String serviceCode,
        LineType lineType,
        MonthCost.Basis basis,
        int daysActive,
        BigDecimal monthCost,
        BigDecimal sharePercent,
        BigDecimal shareDue,
        BigDecimal claimedBefore,
        BigDecimal amount) {

    public enum LineType {
        /** The first claim for the care line's month from this body. */
        CLAIM,
        /** A credit (negative) or debit for a month claimed before whose cost or share changed. */
        ADJUSTMENT
    }
}
