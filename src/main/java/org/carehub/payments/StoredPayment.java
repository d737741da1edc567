package org.carehub.payments;

import java.time.LocalDate;
import org.carehub.finance.PaymentRun.ProviderPayment;

/**
 * A provider payment as the hub holds it: finance's payment, the run it came in and the run whose file paid it.
 *
 * @param paymentDate the date the run it came in pays on
 */
public record StoredPayment(ProviderPayment payment, String runRef, LocalDate paymentDate, PaymentStatus status,
                            String reasonCode, String filedInRun) {

    public String paymentRef() {
        return payment.paymentRef();
    }

    public String providerRef() {
        return payment.providerRef();
    }
}
