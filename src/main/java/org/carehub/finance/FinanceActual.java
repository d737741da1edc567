package org.carehub.finance;

import org.carehub.finance.contrOCC.ProviderActual;

/** A provider's actual finance holds (and pays), under finance's own id for it. */
public record FinanceActual(String financeId, ProviderActual actual) {
}
