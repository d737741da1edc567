package org.carehub.channels;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.util.ByteArrayDataSource;
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
            MimeBodyPart result = new MimeBodyPart();
            result.setDataHandler(new DataHandler(new ByteArrayDataSource(csv.getBytes(StandardCharsets.UTF_8), "text/csv; charset=UTF-8")));
            result.setFileName("result.csv");
            result.setDisposition(Part.ATTACHMENT);
            // base64, not 7bit: the provider's software gets the lines byte for byte, line endings included.
            result.setHeader("Content-Transfer-Encoding", "base64");
            helper.getMimeMultipart().addBodyPart(result);
        }
        mailSender.send(mail);
    }
}
