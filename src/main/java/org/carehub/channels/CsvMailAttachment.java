package org.carehub.channels;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.javamail.MimeMessageHelper;

/** A CSV attached to an outgoing mail (invoice replies, remittance advice). */
public final class CsvMailAttachment {

    private CsvMailAttachment() {
    }

    /** @param helper a multipart message's helper */
    public static void attach(MimeMessageHelper helper, String fileName, String csv) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(csv.getBytes(StandardCharsets.UTF_8), "text/csv; charset=UTF-8")));
        part.setFileName(fileName);
        part.setDisposition(Part.ATTACHMENT);
        // base64, not 7bit: the provider's software gets the lines byte for byte, line endings included.
        part.setHeader("Content-Transfer-Encoding", "base64");
        helper.getMimeMultipart().addBodyPart(part);
    }
}
