package org.carehub.failures;

import java.util.List;

/**
 * What one digest run sent.
 *
 * @param teamsMailed owner teams that were sent their mail
 * @param items       parked items listed in the mails sent
 * @param teamsFailed owner teams whose mail could not be sent or who have no mailbox (see the log)
 */
public record DigestResult(int teamsMailed, int items, List<String> teamsFailed) {
}
