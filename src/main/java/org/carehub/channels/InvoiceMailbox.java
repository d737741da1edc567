package org.carehub.channels;

import jakarta.mail.MessagingException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.mail.MailMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * First step for every mail taken from the invoices mailbox, before anything reads it: the raw mail is kept as
 * {@code received/email/<timestamp>-<id>.eml}, so whatever the hub later decides, the original is never lost.
 * The exchange then carries the raw bytes and where they are kept, and nothing of the mail's own headers.
 */
@Component("invoiceMailbox")
public class InvoiceMailbox {

    public static final String RECEIVED_AT = SftpReceipts.RECEIVED_AT;
    public static final String ORIGINAL_FILE = SftpReceipts.ORIGINAL_FILE;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private final Path folder;

    public InvoiceMailbox(@Value("${carehub.data-dir}") Path dataDir) {
        this.folder = dataDir.resolve("received").resolve("email");
    }

    public void archive(Exchange exchange) throws IOException, MessagingException {
        Instant receivedAt = Instant.now();
        Path kept = newFile(receivedAt);
        // Streamed from the IMAP server to disk: a big mail is not held twice in memory.
        try (OutputStream out = Files.newOutputStream(kept, StandardOpenOption.CREATE_NEW)) {
            exchange.getIn(MailMessage.class).getOriginalMessage().writeTo(out);
        }
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setBody(Files.readAllBytes(kept));
        message.setHeader(RECEIVED_AT, receivedAt.toString());
        message.setHeader(ORIGINAL_FILE, kept.toAbsolutePath().toString());
    }

    /** Keeps a mail that comes back from the failure desk (parking keeps the mail, not where it was archived). */
    public Path keep(byte[] raw) throws IOException {
        Path kept = newFile(Instant.now());
        Files.write(kept, raw, StandardOpenOption.CREATE_NEW);
        return kept.toAbsolutePath();
    }

    private Path newFile(Instant receivedAt) throws IOException {
        Files.createDirectories(folder);
        return folder.resolve(STAMP.format(receivedAt) + "-" + UUID.randomUUID() + ".eml");
    }
}
