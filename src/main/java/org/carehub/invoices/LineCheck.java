package org.carehub.invoices;

import java.util.Map;
import org.carehub.cases.CareLine;

/**
 * One invoice line as checked.
 *
 * @param careLine   the active care line the line matched (null if none)
 * @param reasonCode null when accepted
 * @param details    the values that fill the reason's explanation and fix
 */
public record LineCheck(ProviderInvoice.Line line, CareLine careLine, LineOutcome outcome, String reasonCode,
                        String ownerTeam, String explanation, String fix, Map<String, Object> details) {

    static LineCheck accepted(ProviderInvoice.Line line, CareLine careLine) {
        return new LineCheck(line, careLine, LineOutcome.ACCEPTED, null, null, null, null, Map.of());
    }
}
