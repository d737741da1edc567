package org.carehub.finance;

import org.carehub.finance.contrOCC.ServiceLine;

/** A service line as finance holds it, under finance's own id for it. */
public record FinanceServiceLine(String financeId, ServiceLine line) {
}
