package org.carehub.channels;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Answers a provider's invoice mail by SMTP from the invoices mailbox: the plain-text reply as the body, and the
 * machine-readable result (CSV lines, already formula-safe) attached as {@code result.csv} when there is one.
 */
@Component("invoiceMailReplies")
public class InvoiceMailReplies {

    private final JavaMailSender mailSender;
    private final InvoiceMailProperties properties;

    public InvoiceMailReplies(JavaMailSender mailSender, InvoiceMailProperties properties) {
        this.mailSender = mailSender;
        this.properties = properties;
    }

    public void send(@Body String text, @Header("carehubReplyTo") String replyTo, @Header("carehubMailSubject") String subject,
                     @Header("carehubReplyCsv") String csv) throws MessagingException {
        if (replyTo == null || replyTo.isBlank()) {
            throw new IllegalArgumentException("An invoice reply by email needs the header carehubReplyTo");
        }
        MimeMessage mail = mailSender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mail, csv != null, StandardCharsets.UTF_8.name());
        helper.setFrom(properties.address());
        helper.setTo(replyTo);
        helper.setSubject("Re: " + (subject == null ? "" : subject));
        helper.setText(text == null ? "" : text);
        if (csv != null) {
            CsvMailAttachment.attach(helper, "result.csv", csv);
        }
        mailSender.send(mail);
    }
}
