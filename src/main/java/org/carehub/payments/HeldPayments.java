package org.carehub.payments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.apache.camel.Header;
import org.carehub.failures.BusinessRuleViolation;
import org.carehub.failures.JourneyLedger;
import org.carehub.failures.JourneyStatus;
import org.carehub.failures.ParkedHeaders;
import org.carehub.failures.Parking;
import org.carehub.failures.RefusedInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Payments a check stopped: parked on {@code carehub.payments.held.parked} for their owner team with the reason, and
 * released when retried from the failure desk and the checks now pass (route {@code payments-held}): the payment is
 * then READY and goes in the next payment file.
 */
@Component("heldPayments")
public class HeldPayments {

    public static final String QUEUE = "carehub.payments.held";
    public static final String FLOW = "provider-payments";
    public static final String PAYMENT_REF = "carehubPaymentRef";
    public static final String RUN_REF = "carehubRunRef";
    private static final Logger LOG = LoggerFactory.getLogger(HeldPayments.class);

    private final PaymentStore store;
    private final PaymentChecks checks;
    private final RefusedInput parking;
    private final JourneyLedger ledger;
    private final ObjectMapper json;

    public HeldPayments(PaymentStore store, PaymentChecks checks, RefusedInput parking, JourneyLedger ledger, ObjectMapper json) {
        this.store = store;
        this.checks = checks;
        this.parking = parking;
        this.ledger = ledger;
        this.json = json;
    }

    /** Parks the payment for the team that must act and marks it HELD; returns the journey id. */
    public String hold(StoredPayment payment, BusinessRuleViolation why) {
        String journeyId = parking.park(QUEUE, new JourneyLedger.Subject(FLOW, "contrOCC", payment.paymentRef(), 1, "PROVIDER_PAYMENT",
                        null, null), JourneyStatus.PARKED, body(payment),
                Map.of(PAYMENT_REF, payment.paymentRef(), RUN_REF, payment.runRef(), ParkedHeaders.PROVIDER_REF, payment.providerRef()),
                new Parking.Classified(why.reasonCode(), why.field(), why.value(), why.details()));
        store.status(payment.paymentRef(), PaymentStatus.NEW, PaymentStatus.HELD, why.reasonCode());
        return journeyId;
    }

    /**
     * A held payment retried: checked again as things are now (e.g. finance has recorded the bank account's
     * confirmation); passing, it is READY for the next file, else the check's violation parks it again.
     */
    public void release(@Header(PAYMENT_REF) String paymentRef, @Header(ParkedHeaders.JOURNEY_ID) String journeyId) {
        StoredPayment payment = store.payment(paymentRef)
                .orElseThrow(() -> new IllegalArgumentException("No payment " + paymentRef + " was taken from finance"));
        if (payment.status() != PaymentStatus.HELD) {
            LOG.info("Payment {} is {}, not held: nothing to release", paymentRef, payment.status());
            return;
        }
        checks.check(payment.payment());
        if (store.status(paymentRef, PaymentStatus.HELD, PaymentStatus.READY, null) && journeyId != null) {
            ledger.step(journeyId, "payment-checks", "READY", "checks pass now; goes in the next payment file");
            ledger.status(journeyId, JourneyStatus.DELIVERED);
        }
        LOG.info("Payment {} of {} released: in the next payment file", paymentRef, payment.providerRef());
    }

    private String body(StoredPayment payment) {
        try {
            return json.writeValueAsString(payment.payment());
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
