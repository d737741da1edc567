package org.carehub.finance;

import java.util.Map;
import org.carehub.failures.BusinessRuleViolation;

/**
 * What ContrOCC did with a batch of a bulk restatement: the lines it rejected, by CPLI id, each with finance's
 * reason ({@code FINANCE_REJECTED_*}); every other line of the batch was imported.
 *
 * @param alreadyDone finance held the batch before this call (a resend after a crash): nothing was applied again
 * @param message     ContrOCC's sentence for the batch
 */
public record BatchReceipt(boolean alreadyDone, String message, Map<String, BusinessRuleViolation> rejected) {

    public BatchReceipt {
        rejected = Map.copyOf(rejected);
    }
}
