package org.carehub.cleanse;

import java.util.List;
import java.util.Map;

/**
 * A cleanse's lines by outcome, and its failing lines by the owner team that must act, reason by reason.
 *
 * @param outcomes lines per outcome (WOULD_CHANGE, FAILS, APPLIED, REJECTED_BY_FINANCE)
 */
public record CleanseSummary(long cleanseId, CleanseStatus status, Map<String, Long> outcomes, List<TeamFailures> byOwnerTeam) {

    /** The failing lines one owner team must act on, per reason code. */
    public record TeamFailures(String ownerTeam, String teamName, long lines, Map<String, Long> reasons) {
    }
}
