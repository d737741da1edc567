package org.carehub.payments;

import org.carehub.finance.PaymentRun.BankAccount;

/**
 * One credit transfer in a payment file: the payment's reference (also what the provider's bank statement shows),
 * the amount in whole pence, and where it goes.
 */
public record PaymentInstruction(String paymentRef, String providerRef, long pence, BankAccount payee) {
}
