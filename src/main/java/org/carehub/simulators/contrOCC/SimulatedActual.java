package org.carehub.simulators.contrOCC;

import org.carehub.finance.contrOCC.ProviderActual;

/** A provider's invoiced actual as the simulated ContrOCC holds it, under the import reference it came with. */
public record SimulatedActual(String financeId, String importReference, ProviderActual actual) {
}
