package org.carehub.payments;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.carehub.failures.AuditTrail;
import org.carehub.finance.PaymentRun.BankAccount;
import org.carehub.security.Operators;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Accounts Payable records that a provider confirmed its new bank account (operator role; written to the audit).
 * A payment held as PAYMENT_BANK_ACCOUNT_CHANGED to that account then passes when retried from the failure desk.
 */
@RestController
@Tag(name = "Payments", description = "Provider payments: bank account confirmations")
public class BankAccountConfirmationsController {

    private final PaymentStore store;
    private final AuditTrail audit;

    public BankAccountConfirmationsController(PaymentStore store, AuditTrail audit) {
        this.store = store;
        this.audit = audit;
    }

    /** Body: the account confirmed, and how (who was called, on which number held on file, when). */
    public record Confirmation(String sortCode, String accountNumber, String how) {
    }

    @PostMapping("/api/payments/bank-accounts/{providerRef}/confirmations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record that the provider confirmed this bank account (operator)",
            description = "Confirm only after calling the provider on the number held on file, never one given in the change "
                    + "request. Then retry the held payment from the failure desk: it goes in the next payment file.")
    public Confirmation confirm(@PathVariable String providerRef, @RequestBody Confirmation confirmation) {
        if (confirmation.sortCode() == null || !confirmation.sortCode().matches("\\d{6}") || confirmation.accountNumber() == null
                || !confirmation.accountNumber().matches("\\d{8}")) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "sortCode must be 6 digits and accountNumber 8 digits");
        }
        if (confirmation.how() == null || confirmation.how().isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "how is mandatory: who confirmed it, on which number held on file");
        }
        String operator = Operators.current();
        store.confirm(providerRef, new BankAccount(confirmation.sortCode(), confirmation.accountNumber(), ""), operator, confirmation.how());
        audit.record(new AuditTrail.Subject(operator, "confirm-bank-account", null, null, confirmation.how()), null,
                providerRef + " " + confirmation.sortCode() + " ending " + confirmation.accountNumber().substring(4), "recorded");
        return confirmation;
    }
}
