package org.carehub.finance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A payment run finance authorised, as ContrOCC exports it for accounts payable: per provider one payment, the
 * bank account to pay and the invoice lines (actuals) it settles. Amounts are as finance holds them (pounds).
 */
public record PaymentRun(String runRef, LocalDate paymentDate, Instant authorisedAt, List<ProviderPayment> payments) {

    /** What one provider is paid in the run, where to, and for what. */
    public record ProviderPayment(String paymentRef, String providerRef, BigDecimal amount,
                                  BankAccount bankAccount, List<PaidLine> lines) {
    }

    /** A UK bank account: 6-digit sort code, 8-digit account number, the account's name. */
    public record BankAccount(String sortCode, String accountNumber, String accountName) {

        /** Sort code and number, the two that decide where money goes (a changed name alone moves nothing). */
        public boolean sameAccountAs(BankAccount other) {
            return other != null && sortCode.equals(other.sortCode()) && accountNumber.equals(other.accountNumber());
        }

        /** The last four digits, all a remittance or a log shows of an account number. */
        public String endingIn() {
            return accountNumber.length() <= 4 ? accountNumber : accountNumber.substring(accountNumber.length() - 4);
        }
    }

    /** One invoice line (a provider actual finance recorded) a payment settles; negative for a credit note line. */
    public record PaidLine(String invoiceId, String invoiceNumber, String lineId, String clientRef, String careLineId,
                           LocalDate periodFrom, LocalDate periodTo, BigDecimal amount) {
    }
}
