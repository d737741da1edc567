package org.carehub.reference;

/** How a service element is coded in ContrOCC: element type, ledger code and cost centre. */
public record FinanceCode(String serviceCode, String elementCode, String contrOCCElementType, String ledgerCode, String costCentre) {
}
