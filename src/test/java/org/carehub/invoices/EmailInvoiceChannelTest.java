package org.carehub.invoices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.ProducerTemplate;
import org.carehub.HubTest;
import org.carehub.channels.SftpReceipts;
import org.carehub.failures.ParkedHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** The email channel end to end: mails sent by real SMTP to the embedded mail server, replies read back over IMAP. */
class EmailInvoiceChannelTest extends HubTest {

    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.jdbc.core.JdbcTemplate jdbc;

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String MAILBOX = TestMail.MAILBOX;
    private static final String PARKED = "carehub.invoices.email.parked";
    /** Registered for PRV-001 and PRV-002 in the shipped providers.csv. */
    private static final String BRIGHTWATER = "Invoices@Brightwater-Care.test";
    private static final String MEADOWBANK = "finance@meadowbank-care.test";

    @Value("${carehub.mail.embedded.smtp-port}")
    private int smtpPort;
    @Value("${carehub.mail.embedded.imap-port}")
    private int imapPort;
    @Autowired
    private ProducerTemplate producer;

    private TestMail mail() {
        return new TestMail(smtpPort, imapPort);
    }

    private void send(String from, String subject, TestMail.Attached... attachments) throws Exception {
        mail().send(from, subject, attachments);
    }

    private TestMail.Reply awaitReply(String recipient, String subject) {
        return mail().awaitReply(recipient, subject);
    }

    @Test
    void aRegisteredSendersXmlAttachmentGoesToTheInvoiceFlowAndTheMailIsArchived() throws Exception {
        byte[] invoice = Files.readAllBytes(Path.of("docs/examples/provider-invoice-ubl.xml"));
        String subject = unique("Invoice BW-2001");
        send(BRIGHTWATER, subject, new TestMail.Attached("BW-2001.xml", "application/xml", invoice));

        // The invoice flow takes it at once: what the channel handed on is what the flow stored.
        Map<String, Object> stored = await().atMost(WAIT).until(() -> storedInvoice("BW-2001.xml", subject), Optional::isPresent).get();
        assertThat(stored).containsEntry("PROVIDER_REF", "PRV-001").containsEntry("CHANNEL", "email");
        String original = (String) stored.get("ORIGINAL_FILE");
        assertThat(original).endsWith(".eml#BW-2001.xml");
        Path eml = Path.of(original.substring(0, original.indexOf('#')));
        assertThat(eml).startsWith(dataDir().toAbsolutePath().resolve("received/email"));
        assertThat(Files.readString(eml, StandardCharsets.ISO_8859_1)).contains("Subject: " + subject);
    }

    @Test
    void aHostileAttachmentNameIsSanitised() throws Exception {
        String subject = unique("Invoice odd name");
        byte[] csv = "provider_ref,invoice_number\nPRV-001,BW-2002\n".getBytes(StandardCharsets.UTF_8);
        send(BRIGHTWATER, subject, new TestMail.Attached("../../etc/passwd.xml", "application/xml", csv));

        // Not an invoice the hub reads: the flow parks it under its sanitised name.
        await().atMost(WAIT).until(() -> parked("carehub.invoices.received.parked").stream().anyMatch(p ->
                "passwd.xml".equals(p.header(SftpReceipts.FILE_NAME)) && p.header(SftpReceipts.ORIGINAL_FILE) != null
                        && p.header(SftpReceipts.ORIGINAL_FILE).endsWith("#passwd.xml")));
    }

    @Test
    void anUnknownSenderIsParkedForAccountsPayableAndNothingIsHandedOn() throws Exception {
        String subject = unique("Invoice from a stranger");
        send("someone@elsewhere.test", subject, new TestMail.Attached("INV-1.xml", "application/xml", "<Invoice/>".getBytes(StandardCharsets.UTF_8)));

        Parked parked = awaitParked(subject);
        assertThat(parked.header(ParkedHeaders.REASON_CODE)).isEqualTo("INVOICE_UNKNOWN_SENDER");
        assertThat(parked.header(ParkedHeaders.OWNER_TEAM)).isEqualTo("ACCOUNTS_PAYABLE");
        assertThat(parked.header(ParkedHeaders.VALUE)).isEqualTo("someone@elsewhere.test");
        assertThat(handedOn(subject)).as("files of this mail handed to the invoice flow").isZero();
    }

    @Test
    void aPdfIsParkedForAccountsPayableAndTheSenderIsToldHowToSendElectronically() throws Exception {
        String subject = unique("Invoice MB-77 (PDF)");
        send(MEADOWBANK, subject, new TestMail.Attached("MB-77.pdf", "application/pdf", "%PDF-1.4 an invoice".getBytes(StandardCharsets.US_ASCII)));

        Parked parked = awaitParked(subject);
        assertThat(parked.header(ParkedHeaders.REASON_CODE)).isEqualTo("INVOICE_PAPER_FORMAT");
        assertThat(parked.header(ParkedHeaders.OWNER_TEAM)).isEqualTo("ACCOUNTS_PAYABLE");
        TestMail.Reply reply = awaitReply(MEADOWBANK, subject);
        assertThat(reply.from()).isEqualTo(MAILBOX);
        assertThat(reply.text()).contains("MB-77.pdf", "PEPPOL BIS Billing 3", "care-actuals CSV template",
                parked.header(ParkedHeaders.JOURNEY_ID));
        assertThat(handedOn(subject)).as("files of this mail handed to the invoice flow").isZero();
    }

    @Test
    void anAttachmentOverTheSizeLimitIsRefusedWithAReason() throws Exception {
        String subject = unique("Invoice too big");
        send(BRIGHTWATER, subject, new TestMail.Attached("big.xml", "application/xml", new byte[65 * 1024]));

        Parked parked = awaitParked(subject);
        assertThat(parked.header(ParkedHeaders.REASON_CODE)).isEqualTo("INVOICE_TOO_LARGE");
        assertThat(parked.header(ParkedHeaders.EXPLANATION)).contains("big.xml", "65536 bytes");
        assertThat(awaitReply("invoices@brightwater-care.test", subject).text()).contains("Invoice file too large");
        assertThat(handedOn(subject)).as("files of this mail handed to the invoice flow").isZero();
    }

    @Test
    void aZipIsRefusedUnopened() throws Exception {
        String subject = unique("Invoices zipped");
        send(BRIGHTWATER, subject, new TestMail.Attached("invoices.zip", "application/zip", new byte[] {'P', 'K', 3, 4}),
                new TestMail.Attached("BW-2003.xml", "application/xml", "<Invoice/>".getBytes(StandardCharsets.UTF_8)));

        Parked parked = awaitParked(subject);
        assertThat(parked.header(ParkedHeaders.REASON_CODE)).isEqualTo("INVOICE_ARCHIVE_REFUSED");
        assertThat(parked.header(ParkedHeaders.OWNER_TEAM)).isEqualTo("PROVIDER");
        assertThat(handedOn(subject)).as("files of this mail handed to the invoice flow").isZero();
    }

    @Test
    void theInvoiceFlowsReplyIsMailedWithItsCsv() throws Exception {
        String subject = unique("Invoice OS-9");
        String recipient = "invoicing@oakfield-sl.test";
        producer.sendBodyAndHeaders("direct:invoice-reply-email", "Invoice OS-9: 2 lines accepted, 1 rejected.",
                Map.of(EmailInvoiceIntake.REPLY_TO, recipient, EmailInvoiceIntake.MAIL_SUBJECT, subject,
                        "carehubReplyCsv", "line,outcome\n1,ACCEPTED\n"));

        TestMail.Reply reply = awaitReply(recipient, subject);
        assertThat(reply.from()).isEqualTo(MAILBOX);
        assertThat(reply.text()).contains("2 lines accepted, 1 rejected");
        assertThat(reply.attachments()).containsEntry("result.csv", "line,outcome\n1,ACCEPTED\n");
    }

    private static String unique(String subject) {
        return subject + " " + UUID.randomUUID();
    }

    private String selector(String subject) {
        return EmailInvoiceIntake.MAIL_SUBJECT + " = '" + subject + "'";
    }

    /**
     * Files of this mail that reached the invoice flow in any state: waiting on its queue, stored as an invoice,
     * or parked by the flow. Refused mail is parked in the same transaction that would have handed files on.
     */
    private long handedOn(String subject) {
        int waiting = jms.browseSelected(SftpReceipts.QUEUE, selector(subject),
                (session, browser) -> Collections.list(browser.getEnumeration()).size());
        long stored = jdbc.queryForList("SELECT original_file FROM provider_invoice WHERE channel = 'email'").stream()
                .filter(row -> readQuietly(row.get("ORIGINAL_FILE")).contains("Subject: " + subject)).count();
        long parkedByFlow = parked("carehub.invoices.received.parked").stream()
                .filter(p -> readQuietly(p.header(SftpReceipts.ORIGINAL_FILE)).contains("Subject: " + subject)).count();
        return waiting + stored + parkedByFlow;
    }

    /** The invoice the flow stored from this mail's attachment (its kept original names the archived mail). */
    private Optional<Map<String, Object>> storedInvoice(String fileName, String subject) {
        return jdbc.queryForList("SELECT provider_ref, channel, original_file FROM provider_invoice WHERE file_name = ?", fileName)
                .stream().filter(row -> readQuietly(row.get("ORIGINAL_FILE")).contains("Subject: " + subject)).findFirst();
    }

    private static String readQuietly(Object original) {
        try {
            String path = (String) original;
            return Files.readString(Path.of(path.substring(0, path.indexOf('#'))), StandardCharsets.ISO_8859_1);
        } catch (java.io.IOException | RuntimeException e) {
            return "";
        }
    }

    /** The mail is parked whole, as received: found by its subject in the parked original. */
    private Parked awaitParked(String subject) {
        return await().atMost(WAIT).until(() -> parkedMail(subject), Optional::isPresent).get();
    }

    private Optional<Parked> parkedMail(String subject) {
        List<Parked> all = jms.browse(PARKED, (session, browser) -> {
            List<Parked> found = new java.util.ArrayList<>();
            // Each read before the browser moves on: a mail over 100 KB is a large message, streamed only until then.
            java.util.Enumeration<?> messages = browser.getEnumeration();
            while (messages.hasMoreElements()) {
                jakarta.jms.Message m = (jakarta.jms.Message) messages.nextElement();
                byte[] body = m.getBody(byte[].class);
                if (new String(body, StandardCharsets.ISO_8859_1).contains(subject)) {
                    Map<String, Object> headers = new HashMap<>();
                    for (Object name : Collections.list(m.getPropertyNames())) {
                        headers.put((String) name, m.getObjectProperty((String) name));
                    }
                    found.add(new Parked(headers, null));
                }
            }
            return found;
        });
        return all.stream().findFirst();
    }
}
