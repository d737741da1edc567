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

    // ---- MIME tricks (docs/hostile-inputs.md): each mail sent exactly as written, by real SMTP --------------------

    @Test
    void anInvoiceInAForwardedMailIsTaken() throws Exception {
        String number = uniqueNumber();
        String subject = unique("Fwd: Invoice");
        sendRaw(subject, "multipart/mixed; boundary=\"outer\"", """
                --outer
                Content-Type: text/plain; charset=UTF-8

                Forwarding the invoice our office sent you last week.
                --outer
                Content-Type: message/rfc822
                Content-Disposition: attachment; filename="Invoice.eml"

                From: office@brightwater-care.test
                To: invoices@council.test
                Subject: Invoice
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="inner"

                --inner
                Content-Type: text/plain

                Invoice attached.
                --inner
                %s
                --inner--
                --outer--
                """.formatted(ublPart(number + ".xml", "application/xml", number)));

        assertThat(awaitReply(BRIGHTWATER_LOWER, subject).text()).contains("Invoice " + number + " from PRV-001", "(file " + number + ".xml)");
    }

    @Test
    void theSignedContentOfAnSmimeSignedMailIsTakenAndItsSignatureIsNoAttachment() throws Exception {
        String number = uniqueNumber();
        String subject = unique("Invoice signed");
        sendRaw(subject, "multipart/signed; protocol=\"application/pkcs7-signature\"; micalg=sha-256; boundary=\"signed\"", """
                --signed
                Content-Type: multipart/mixed; boundary="content"

                --content
                Content-Type: text/plain

                Invoice attached, signed.
                --content
                %s
                --content--
                --signed
                Content-Type: application/pkcs7-signature; name="smime.p7s"
                Content-Transfer-Encoding: base64
                Content-Disposition: attachment; filename="smime.p7s"

                MIAGCSqGSIb3DQEHAqCAMIACAQExDzANBglghkgBZQMEAgEFADCABgkqhkiG9w0BBwEAAKCAMIIC
                --signed--
                """.formatted(ublPart(number + ".xml", "application/xml", number)));

        assertThat(awaitReply(BRIGHTWATER_LOWER, subject).text()).contains("Invoice " + number + " from PRV-001")
                .doesNotContain("smime.p7s");
    }

    @Test
    void anEncryptedSmimeMailIsParkedForAccountsPayableWithItsOwnReason() throws Exception {
        String subject = unique("Invoice encrypted");
        sendRaw(subject, "application/pkcs7-mime; smime-type=enveloped-data; name=\"smime.p7m\"\n"
                + "Content-Transfer-Encoding: base64\nContent-Disposition: attachment; filename=\"smime.p7m\"",
                "MIAGCSqGSIb3DQEHA6CAMIACAQAxggFAMIIBPAIBADAkMBAxDjAMBgNVBAMMBWNvdW5jaWwCEDuH\n");

        Parked parked = awaitParked(subject);
        assertThat(parked.header(ParkedHeaders.REASON_CODE)).isEqualTo(EmailInvoiceIntake.SMIME_OPAQUE);
        assertThat(parked.header(ParkedHeaders.OWNER_TEAM)).isEqualTo("ACCOUNTS_PAYABLE");
        assertThat(parked.header(ParkedHeaders.VALUE)).isEqualTo("smime.p7m");
        assertThat(awaitReply(BRIGHTWATER_LOWER, subject).text()).contains("S/MIME", parked.header(ParkedHeaders.JOURNEY_ID));
        assertThat(handedOn(subject)).as("files of this mail handed to the invoice flow").isZero();
    }

    @Test
    void aWinmailDatIsParkedAndTheProviderToldToResendWithoutRichText() throws Exception {
        String subject = unique("Invoice from Outlook");
        sendRaw(subject, "multipart/mixed; boundary=\"tnef\"", """
                --tnef
                Content-Type: text/plain

                Please see attached.
                --tnef
                Content-Type: application/ms-tnef; name="winmail.dat"
                Content-Transfer-Encoding: base64
                Content-Disposition: attachment; filename="winmail.dat"

                eJ8+IhAAAQaQCAAEAAAAAAABAAEAAQeQBgAIAAAA5AQAAAAAAADoAAEIgAcAGAAAAElQTS5NaWNy
                --tnef--
                """);

        Parked parked = awaitParked(subject);
        assertThat(parked.header(ParkedHeaders.REASON_CODE)).isEqualTo(EmailInvoiceIntake.TNEF);
        assertThat(parked.header(ParkedHeaders.OWNER_TEAM)).isEqualTo("PROVIDER");
        assertThat(awaitReply(BRIGHTWATER_LOWER, subject).text()).contains("winmail.dat", "Plain Text");
        assertThat(handedOn(subject)).as("files of this mail handed to the invoice flow").isZero();
    }

    @Test
    void anInvoiceDeepInNestedMultipartsWithAnRfc2231NameAndALyingContentTypeIsTaken() throws Exception {
        String number = uniqueNumber();
        String subject = unique("Invoice nested");
        // The name is "Rechnung März.xml" in RFC 2231 form, split in two; the type claims a PDF, the bytes are UBL.
        String part = ublPart(null, "application/pdf", number).replaceFirst("Content-Disposition: attachment",
                "Content-Disposition: attachment;\n filename*0*=UTF-8''Rechnung%20;\n filename*1*=M%C3%A4rz.xml");
        sendRaw(subject, "multipart/mixed; boundary=\"a\"", """
                --a
                Content-Type: multipart/alternative; boundary="b"

                --b
                Content-Type: text/plain

                Invoice attached.
                --b
                Content-Type: multipart/related; boundary="c"

                --c
                Content-Type: text/html

                <p>Invoice attached.</p>
                --c--
                --b--
                --a
                Content-Type: multipart/mixed; boundary="d"

                --d
                %s
                --d--
                --a--
                """.formatted(part));

        assertThat(awaitReply(BRIGHTWATER_LOWER, subject).text()).contains("Invoice " + number + " from PRV-001",
                "(file Rechnung März.xml)");
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

    private static final String BRIGHTWATER_LOWER = "invoices@brightwater-care.test";

    private void sendRaw(String subject, String contentType, String body) throws Exception {
        mail().sendRaw("From: " + BRIGHTWATER + "\nTo: " + MAILBOX + "\nSubject: " + subject + "\nMIME-Version: 1.0\n"
                + "Content-Type: " + contentType + "\n\n" + body);
    }

    private static String uniqueNumber() {
        return "BW-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A MIME part (headers and base64 body) holding the published UBL example under another invoice number. */
    private static String ublPart(String fileName, String contentType, String number) throws java.io.IOException {
        String ubl = Files.readString(Path.of("docs/examples/provider-invoice-ubl.xml")).replace("BW-2026-0412", number);
        return "Content-Type: " + contentType + "\nContent-Transfer-Encoding: base64\nContent-Disposition: attachment"
                + (fileName == null ? "" : "; filename=\"" + fileName + "\"") + "\n\n"
                + java.util.Base64.getMimeEncoder().encodeToString(ubl.getBytes(StandardCharsets.UTF_8)).replace("\r\n", "\n");
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
