package org.carehub.simulators.contrOCC;

import org.carehub.finance.contrOCC.ServiceLine;

/** A service line as the simulated ContrOCC holds it: its finance id and the line as last imported. */
public record SimulatedServiceLine(String financeId, ServiceLine line) {
}
