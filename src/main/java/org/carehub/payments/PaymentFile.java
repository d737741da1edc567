package org.carehub.payments;

/** One file written for accounts payable: its name, format, content and the control totals it was checked against. */
public record PaymentFile(String fileName, PaymentFileFormat format, String content, int transactions, long totalPence) {
}
