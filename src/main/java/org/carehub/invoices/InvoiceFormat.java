package org.carehub.invoices;

/** The invoice formats the hub reads. */
public enum InvoiceFormat {
    UBL_INVOICE,
    UBL_CREDIT_NOTE,
    CSV_CARE_ACTUALS
}
