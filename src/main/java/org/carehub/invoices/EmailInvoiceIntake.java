package org.carehub.invoices;

import jakarta.jms.BytesMessage;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.carehub.channels.BoundedBody;
import org.carehub.channels.ChannelRefusals;
import org.carehub.channels.ChannelRefusals.Door;
import org.carehub.channels.InvoiceMailProperties;
import org.carehub.channels.InvoiceMailbox;
import org.carehub.channels.MailAttachmentNames;
import org.carehub.channels.Refusal;
import org.carehub.channels.SftpReceipts;
import org.carehub.reference.FailureReason;
import org.carehub.reference.Provider;
import org.carehub.reference.ReferenceData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

/**
 * Decides what becomes of a mail from the invoices mailbox (docs/decisions.md, "Provider invoices by email").
 * The sender must be registered for a provider in providers.csv, or the mail is parked and nobody is answered.
 * A registered sender's mail is judged whole: too many attachments, an archive, an encrypted (opaque) S/MIME mail,
 * Outlook's winmail.dat or an oversize invoice file refuse it; otherwise each XML/CSV attachment goes to the invoice flow; a mail with only a PDF, image or other
 * document, or with nothing attached, is parked for Accounts Payable. Every refusal is answered by mail.
 */
@Component("emailInvoiceIntake")
public class EmailInvoiceIntake {

    public static final String EMAIL_QUEUE = "carehub.invoices.email";
    public static final String REPLY_TO = "carehubReplyTo";
    public static final String MAIL_SUBJECT = "carehubMailSubject";
    static final String UNKNOWN_SENDER = "INVOICE_UNKNOWN_SENDER";
    static final String PAPER_FORMAT = "INVOICE_PAPER_FORMAT";
    static final String NO_ATTACHMENT = "INVOICE_NO_ATTACHMENT";
    static final String ARCHIVE_REFUSED = "INVOICE_ARCHIVE_REFUSED";
    static final String TOO_MANY_ATTACHMENTS = "INVOICE_TOO_MANY_ATTACHMENTS";
    static final String TOO_LARGE = "INVOICE_TOO_LARGE";
    static final String SMIME_OPAQUE = "INVOICE_SMIME_OPAQUE";
    static final String TNEF = "INVOICE_MAIL_TNEF";

    private static final Logger LOG = LoggerFactory.getLogger(EmailInvoiceIntake.class);
    private static final Door DOOR = new Door(EMAIL_QUEUE, "provider-invoices", "email");
    private static final List<String> ELECTRONIC = List.of(".xml", ".csv");
    private static final List<String> ARCHIVES = List.of(".zip", ".7z", ".rar", ".gz", ".tgz", ".tar", ".jar");

    private final ReferenceData reference;
    private final ChannelRefusals refusals;
    private final JmsTemplate jms;
    private final ProducerTemplate producer;
    private final InvoiceMailProperties properties;
    private final InvoiceMailbox mailbox;
    private final Session session = Session.getInstance(new Properties());

    public EmailInvoiceIntake(ReferenceData reference, ChannelRefusals refusals, JmsTemplate jms, ProducerTemplate producer,
                              InvoiceMailProperties properties, InvoiceMailbox mailbox) {
        this.mailbox = mailbox;
        this.reference = reference;
        this.refusals = refusals;
        this.jms = jms;
        this.producer = producer;
        this.properties = properties;
    }

    /** One attachment: its sanitised name and where it sits in the mail. */
    private record Attachment(String name, Part part) {
        String extension() {
            int dot = name.lastIndexOf('.');
            return dot < 0 ? "" : name.substring(dot).toLowerCase(Locale.ROOT);
        }

        /** The type its sender's mail program declared; only used to spot what the hub never opens. */
        String type() {
            try {
                return part.getContentType().toLowerCase(Locale.ROOT);
            } catch (MessagingException e) {
                return "";
            }
        }

        boolean electronic() {
            return ELECTRONIC.contains(extension());
        }

        boolean archive() {
            return ARCHIVES.contains(extension()) || type().contains("zip") || type().contains("compressed");
        }

        /** S/MIME enveloped or opaque-signed (smime.p7m): the content is only readable with the hub's decryption key. */
        boolean opaqueSmime() {
            return type().startsWith("application/pkcs7-mime") || type().startsWith("application/x-pkcs7-mime")
                    || extension().equals(".p7m");
        }

        /** Outlook's rich-text wrapper (winmail.dat): the real attachments are inside, in a Microsoft-only format. */
        boolean tnef() {
            return type().contains("ms-tnef") || name.equalsIgnoreCase("winmail.dat");
        }
    }

    /**
     * Attachments that refuse the whole mail unopened, checked in this order: an archive (zip bomb, zip slip), a
     * mail encrypted or signed opaquely with S/MIME, and Outlook's winmail.dat.
     */
    private static final Map<String, Predicate<Attachment>> REFUSED_UNOPENED = new LinkedHashMap<>();

    static {
        REFUSED_UNOPENED.put(ARCHIVE_REFUSED, Attachment::archive);
        REFUSED_UNOPENED.put(SMIME_OPAQUE, Attachment::opaqueSmime);
        REFUSED_UNOPENED.put(TNEF, Attachment::tnef);
    }

    public void take(Exchange exchange) throws MessagingException, IOException {
        byte[] raw = exchange.getIn().getBody(byte[].class);
        String receivedAt = exchange.getIn().getHeader(InvoiceMailbox.RECEIVED_AT, Instant.now().toString(), String.class);
        String originalFile = exchange.getIn().getHeader(InvoiceMailbox.ORIGINAL_FILE, String.class);
        if (originalFile == null) {
            originalFile = mailbox.keep(raw).toString();
        }
        MimeMessage mail = new MimeMessage(session, new ByteArrayInputStream(raw));
        String subject = Optional.ofNullable(mail.getSubject()).orElse("");
        String sender = sender(mail);
        Optional<Provider> provider = registeredProvider(sender);
        if (provider.isEmpty()) {
            // No reply: a From address is easily forged, and answering it would send our mail to whoever was named.
            refusals.park(DOOR, raw, "message/rfc822", Refusal.of(UNKNOWN_SENDER, "sender " + sender + " is not registered"),
                    sender, Map.of("sender", sender, "subject", subject));
            return;
        }
        List<Attachment> attachments = new ArrayList<>();
        collect(mail, attachments);
        Mail received = new Mail(raw, provider.get().ref(), sender, subject, receivedAt, originalFile);
        if (attachments.size() > properties.maxAttachments()) {
            received.refuse(TOO_MANY_ATTACHMENTS, "", Map.of("count", attachments.size(), "limit", properties.maxAttachments()));
            return;
        }
        for (Map.Entry<String, Predicate<Attachment>> refused : REFUSED_UNOPENED.entrySet()) {
            Optional<Attachment> found = attachments.stream().filter(refused.getValue()).findFirst();
            if (found.isPresent()) {
                received.refuse(refused.getKey(), found.get().name(), Map.of("fileName", found.get().name()));
                return;
            }
        }
        Map<Attachment, byte[]> invoices = new LinkedHashMap<>();
        for (Attachment attachment : attachments.stream().filter(Attachment::electronic).toList()) {
            BoundedBody content;
            try (InputStream in = attachment.part().getInputStream()) {
                content = BoundedBody.read(in, properties.maxAttachmentSize().toBytes());
            }
            if (content.tooLarge()) {
                received.refuse(TOO_LARGE, attachment.name(), Map.of("fileName", attachment.name(),
                        "limit", properties.maxAttachmentSize().toBytes() + " bytes"));
                return;
            }
            invoices.put(attachment, content.bytes());
        }
        if (!invoices.isEmpty()) {
            invoices.forEach((attachment, bytes) -> received.handOn(attachment.name(), bytes));
        } else if (!attachments.isEmpty()) {
            received.refuse(PAPER_FORMAT, attachments.get(0).name(), Map.of("fileName", attachments.get(0).name()));
        } else {
            received.refuse(NO_ATTACHMENT, "", Map.of("subject", subject));
        }
    }

    /** A mail from a registered sender, and what can be done with it. */
    private final class Mail {
        private final byte[] raw;
        private final String providerRef;
        private final String sender;
        private final String subject;
        private final String receivedAt;
        private final String originalFile;

        Mail(byte[] raw, String providerRef, String sender, String subject, String receivedAt, String originalFile) {
            this.raw = raw;
            this.providerRef = providerRef;
            this.sender = sender;
            this.subject = subject;
            this.receivedAt = receivedAt;
            this.originalFile = originalFile;
        }

        void handOn(String name, byte[] content) {
            jms.send(SftpReceipts.QUEUE, jmsSession -> {
                BytesMessage message = jmsSession.createBytesMessage();
                message.writeBytes(content);
                message.setStringProperty(SftpReceipts.PROVIDER_REF, providerRef);
                message.setStringProperty(SftpReceipts.CHANNEL, "email");
                message.setStringProperty(SftpReceipts.FILE_NAME, name);
                message.setStringProperty(SftpReceipts.RECEIVED_AT, receivedAt);
                message.setStringProperty(SftpReceipts.ORIGINAL_FILE, originalFile + "#" + name);
                message.setStringProperty(REPLY_TO, sender);
                message.setStringProperty(MAIL_SUBJECT, subject);
                return message;
            });
            LOG.info("Invoice {} of provider {} taken from mail of {} (kept at {})", name, providerRef, sender, originalFile);
        }

        /** Parks the whole mail as received and tells the registered sender why and what to do. */
        void refuse(String reasonCode, String value, Map<String, Object> details) {
            Map<String, Object> values = new LinkedHashMap<>(details);
            values.put("providerRef", providerRef);
            values.put("sender", sender);
            FailureReason reason = reference.reason(reasonCode);
            String explanation = reason.explain(values);
            Refusal parked = refusals.park(DOOR, raw, "message/rfc822", Refusal.of(reasonCode, explanation), value, values);
            values.put("journeyId", parked.journeyId());
            String text = "Your email \"" + subject + "\" reached the council's invoices mailbox but could not be taken as an"
                    + " invoice.\n\n" + reason.title() + ": " + explanation + "\n\nWhat happens next: " + reason.fix(values)
                    + "\n\nQuery reference: " + parked.journeyId() + "\n";
            producer.sendBodyAndHeaders("direct:invoice-reply-email", text, Map.of(REPLY_TO, sender, MAIL_SUBJECT, subject));
        }
    }

    /** The one From address, lower-cased; empty when there is none or several (nobody to hold to account). */
    private static String sender(MimeMessage mail) throws MessagingException {
        Address[] from = mail.getFrom();
        if (from == null || from.length != 1 || !(from[0] instanceof InternetAddress address) || address.getAddress() == null) {
            return "";
        }
        return address.getAddress().strip().toLowerCase(Locale.ROOT);
    }

    private Optional<Provider> registeredProvider(String sender) {
        return reference.providers().stream()
                .filter(p -> p.invoiceSenders().stream().anyMatch(s -> s.toLowerCase(Locale.ROOT).equals(sender)))
                .findFirst();
    }

    /**
     * Every attachment, however deeply the sender's mail program nested its multiparts; the text body is not one.
     * A forwarded mail (message/rfc822) is opened for the attachments it carries. Of an S/MIME signed mail
     * (multipart/signed) only the signed content counts: the signature beside it is no attachment. The hub does not
     * check S/MIME signatures; the registered sender is what identifies the provider (docs/decisions.md).
     */
    private static void collect(Part part, List<Attachment> into) throws MessagingException, IOException {
        if (part.isMimeType("message/rfc822") && part.getContent() instanceof Part forwarded) {
            collect(forwarded, into);
            return;
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            int parts = part.isMimeType("multipart/signed") ? Math.min(1, multipart.getCount()) : multipart.getCount();
            for (int i = 0; i < parts; i++) {
                collect(multipart.getBodyPart(i), into);
            }
            return;
        }
        String fileName = part.getFileName();
        boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || fileName != null;
        // An opaque S/MIME mail is one whole part, the message itself: still something to refuse with its reason.
        boolean opaque = part.isMimeType("application/pkcs7-mime") || part.isMimeType("application/x-pkcs7-mime");
        if ((attached && !(part instanceof MimeMessage)) || opaque) {
            into.add(new Attachment(MailAttachmentNames.sanitise(fileName, opaque ? "smime.p7m" : "attachment-" + (into.size() + 1)), part));
        }
    }
}
