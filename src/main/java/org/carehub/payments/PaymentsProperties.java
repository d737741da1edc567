package org.carehub.payments;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Accounts payable settings ({@code carehub.payments}, config/application.yaml). The cron that looks for new payment
 * runs is read by routes/payment-runs.yaml.
 *
 * @param formats         the payment files written for each run (one file per format)
 * @param outbox          the folder accounts payable's bank software takes payment files from
 * @param council         the account the council pays from
 * @param remittanceFrom  the address remittance advice mails come from
 */
@ConfigurationProperties("carehub.payments")
public record PaymentsProperties(@DefaultValue("PAIN_001,BACS_18") List<PaymentFileFormat> formats, Path outbox,
                                 Council council, String remittanceFrom) {

    /**
     * The paying account and, for Bacs, the council's service user number (SUN) the bank gave it.
     * {@code name} is how the council appears as payer (initiating party, Bacs originator).
     */
    public record Council(String name, String sortCode, String accountNumber, String accountName, String serviceUserNumber) {
    }
}
