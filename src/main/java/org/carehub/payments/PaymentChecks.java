package org.carehub.payments;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.carehub.failures.BusinessRuleViolation;
import org.carehub.finance.PaymentRun.BankAccount;
import org.carehub.finance.PaymentRun.ProviderPayment;
import org.springframework.stereotype.Component;

/**
 * What a provider payment must pass before it goes in a payment file, first broken check wins: an amount in whole
 * pence above nothing (never rounded), an account that can exist (Vocalink's modulus check), and the account the
 * provider was last paid to, or one finance has confirmed (invoice-redirection fraud control).
 */
@Component
public class PaymentChecks {

    static final String PART_PENNY = "PAYMENT_PART_PENNY";
    static final String NOT_POSITIVE = "PAYMENT_NOT_POSITIVE";
    static final String MODULUS_CHECK_FAILED = "PAYMENT_MODULUS_CHECK_FAILED";
    static final String BANK_ACCOUNT_CHANGED = "PAYMENT_BANK_ACCOUNT_CHANGED";

    private final PaymentStore store;
    private final UkModulusCheck modulusCheck;

    public PaymentChecks(PaymentStore store) {
        this.store = store;
        this.modulusCheck = UkModulusCheck.vocalink();
    }

    /** The payment's amount in pence; throws {@link BusinessRuleViolation} naming the first check it fails. */
    public long check(ProviderPayment payment) {
        Map<String, Object> details = details(payment);
        BigDecimal amount = payment.amount();
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new BusinessRuleViolation(PART_PENNY, "amount", amount.toPlainString(), details);
        }
        if (amount.signum() <= 0) {
            throw new BusinessRuleViolation(NOT_POSITIVE, "amount", amount.toPlainString(), details);
        }
        BankAccount account = payment.bankAccount();
        if (!modulusCheck.isValid(account.sortCode(), account.accountNumber())) {
            throw new BusinessRuleViolation(MODULUS_CHECK_FAILED, "bankAccount", account.sortCode() + " " + account.accountNumber(), details);
        }
        Optional<BankAccount> lastPaid = store.lastPaidAccount(payment.providerRef());
        if (lastPaid.isPresent() && !lastPaid.get().sameAccountAs(account) && !store.confirmed(payment.providerRef(), account)) {
            details.put("lastSortCode", lastPaid.get().sortCode());
            details.put("lastAccountEnding", lastPaid.get().endingIn());
            throw new BusinessRuleViolation(BANK_ACCOUNT_CHANGED, "bankAccount", account.sortCode() + " " + account.accountNumber(), details);
        }
        return amount.movePointRight(2).longValueExact();
    }

    private static Map<String, Object> details(ProviderPayment payment) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("paymentRef", payment.paymentRef());
        details.put("providerRef", payment.providerRef());
        details.put("amount", payment.amount().toPlainString());
        details.put("sortCode", payment.bankAccount().sortCode());
        details.put("accountEnding", payment.bankAccount().endingIn());
        return details;
    }
}
