package org.carehub.payments;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.time.LocalDate;
import org.carehub.channels.CsvMailAttachment;
import org.carehub.invoices.ProviderOutbox;
import org.carehub.reference.Provider;
import org.carehub.reference.ReferenceData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends each paid provider its remittance advice on its channel: a provider with an SFTP account
 * (provider-sftp-accounts.csv) finds {@code remittance-<payment>.txt} and {@code .csv} in its {@code outbox/}; any
 * other gets a mail to the first of its invoice addresses (providers.csv), the CSV attached.
 */
@Component
public class Remittances {

    private static final Logger LOG = LoggerFactory.getLogger(Remittances.class);

    private final ReferenceData reference;
    private final ProviderOutbox outbox;
    private final JavaMailSender mail;
    private final PaymentsProperties properties;

    public Remittances(ReferenceData reference, ProviderOutbox outbox, JavaMailSender mail, PaymentsProperties properties) {
        this.reference = reference;
        this.outbox = outbox;
        this.mail = mail;
        this.properties = properties;
    }

    /** Delivers the advice; answers the channel used ("sftp" or "email"); throws when it could not be delivered. */
    public String deliver(StoredPayment payment, LocalDate paidOn) throws IOException, MessagingException {
        Provider provider = reference.provider(payment.providerRef()).orElse(null);
        String name = provider == null ? payment.providerRef() : provider.name();
        RemittanceAdvice advice = RemittanceAdvice.of(payment.payment(), name, paidOn, properties.council().name(),
                properties.remittanceFrom());
        boolean sftp = reference.sftpAccounts().stream().anyMatch(account -> account.providerRef().equals(payment.providerRef()));
        if (sftp) {
            write(payment.providerRef(), "remittance-" + payment.paymentRef() + ".txt", advice.text());
            write(payment.providerRef(), "remittance-" + payment.paymentRef() + ".csv", advice.csv());
            return "sftp";
        }
        if (provider == null || provider.invoiceSenders().isEmpty()) {
            throw new IllegalStateException("provider " + payment.providerRef() + " has no SFTP account and no address in providers.csv");
        }
        send(provider.invoiceSenders().get(0), advice);
        return "email";
    }

    private void write(String providerRef, String fileName, String content) throws IOException {
        try {
            outbox.write(providerRef, fileName, content.getBytes(StandardCharsets.UTF_8));
        } catch (FileAlreadyExistsException sentBefore) {
            // A run interrupted after writing it: the advice is already waiting for the provider.
            LOG.info("Outbox of {} already holds {}; not written again", providerRef, fileName);
        }
    }

    private void send(String to, RemittanceAdvice advice) throws MessagingException {
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
        helper.setFrom(properties.remittanceFrom());
        helper.setTo(to);
        helper.setSubject("Remittance advice " + advice.paymentRef() + " from " + properties.council().name());
        helper.setText(advice.text());
        CsvMailAttachment.attach(helper, "remittance-" + advice.paymentRef() + ".csv", advice.csv());
        mail.send(message);
    }
}
