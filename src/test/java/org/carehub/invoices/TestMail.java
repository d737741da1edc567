package org.carehub.invoices;

import static org.awaitility.Awaitility.await;

import jakarta.activation.DataHandler;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/** A provider's mail program against the hub's embedded mail server: sends by real SMTP, reads replies over IMAP. */
public final class TestMail {

    static final String MAILBOX = "invoices@council.test";
    private static final Duration WAIT = Duration.ofSeconds(30);

    record Attached(String name, String type, byte[] bytes) {
    }

    public record Reply(String subject, String from, String text, Map<String, String> attachments) {
    }

    private final int smtpPort;
    private final int imapPort;

    public TestMail(int smtpPort, int imapPort) {
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
    }

    void send(String from, String subject, Attached... attachments) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(smtpPort));
        MimeMessage mail = new MimeMessage(Session.getInstance(properties));
        mail.setFrom(new InternetAddress(from));
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress(MAILBOX));
        mail.setSubject(subject, "UTF-8");
        MimeMultipart parts = new MimeMultipart();
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Please find our invoice attached.", "UTF-8");
        parts.addBodyPart(text);
        for (Attached attached : attachments) {
            MimeBodyPart part = new MimeBodyPart();
            part.setDataHandler(new DataHandler(new ByteArrayDataSource(attached.bytes(), attached.type())));
            part.setFileName(attached.name());
            part.setDisposition(Part.ATTACHMENT);
            // As mail programs send files: base64, so the bytes arrive as they were, line endings included.
            part.setHeader("Content-Transfer-Encoding", "base64");
            parts.addBodyPart(part);
        }
        mail.setContent(parts);
        Transport.send(mail);
    }

    /**
     * Sends a mail exactly as written (headers, MIME structure and all), as a provider's mail program would: for
     * structures JavaMail would not build itself (S/MIME, TNEF, RFC 2231 names).
     */
    void sendRaw(String mime) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(smtpPort));
        Session session = Session.getInstance(properties);
        MimeMessage mail = new MimeMessage(session, new ByteArrayInputStream(mime.replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII)));
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            // Not Transport.send: that would let JavaMail rewrite the headers first.
            transport.sendMessage(mail, new Address[] {new InternetAddress(MAILBOX)});
        }
    }

    /** The hub's answer "Re: subject"; GreenMail makes a mailbox for each recipient, login and password its address. */
    Reply awaitReply(String recipient, String subject) {
        return awaitMail(recipient, "Re: " + subject);
    }

    /** A mail with exactly this subject in the recipient's mailbox (login and password its address), once it has arrived. */
    public Reply awaitMail(String recipient, String subject) {
        return awaitMail(recipient.toLowerCase(), recipient.toLowerCase(), subject);
    }

    /** The mail with this subject in a mailbox, once it has arrived; attachments by file name. */
    public Reply awaitMail(String mailbox, String password, String subject) {
        return await().atMost(WAIT).until(() -> mails(mailbox, password, subject).stream().findFirst(), Optional::isPresent).get();
    }

    /** Every mail with exactly this subject in the recipient's mailbox (none while the mailbox does not exist). */
    public List<Reply> mails(String recipient, String subject) throws Exception {
        return mails(recipient.toLowerCase(), recipient.toLowerCase(), subject);
    }

    /** Every mail with exactly this subject in a mailbox (none while the mailbox does not exist). */
    public List<Reply> mails(String mailbox, String password, String subject) throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        try {
            store.connect("127.0.0.1", imapPort, mailbox, password);
        } catch (AuthenticationFailedException noMailboxYet) {
            return List.of();
        }
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<Reply> found = new ArrayList<>();
            for (Message message : inbox.getMessages()) {
                if (subject.equals(message.getSubject())) {
                    Map<String, String> attachments = new HashMap<>();
                    String text = read(message, attachments);
                    found.add(new Reply(message.getSubject(), ((InternetAddress) message.getFrom()[0]).getAddress(), text, attachments));
                }
            }
            return found;
        } finally {
            store.close();
        }
    }

    /** The text of the mail; attachments by name into {@code attachments}. */
    private static String read(Part part, Map<String, String> attachments) throws Exception {
        if (part.getContent() instanceof Multipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(read(multipart.getBodyPart(i), attachments));
            }
            return text.toString();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        part.getInputStream().transferTo(bytes);
        String content = bytes.toString(StandardCharsets.UTF_8);
        if (part.getFileName() != null) {
            attachments.put(part.getFileName(), content);
            return "";
        }
        return content;
    }
}
