package org.carehub.invoices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.carehub.HubTest;
import org.carehub.cases.CareLine;
import org.carehub.cases.CaseStore;
import org.carehub.cases.Client;
import org.carehub.cases.TestEvents;
import org.carehub.channels.HostileInputTable;
import org.carehub.channels.HostileInputTable.Row;
import org.carehub.channels.ProviderSftpServer;
import org.carehub.channels.SftpReceipts;
import org.carehub.failures.ParkedHeaders;
import org.carehub.reference.ReferenceData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.web.client.RestClient;

/**
 * Hostile invoice files (../shared/conformance/adversarial-inputs.md; docs/hostile-inputs.md) on each provider
 * channel: SFTP with the real OpenSSH client, email by SMTP with the reply read over IMAP, and REST. Each gets its
 * specific reason, its original kept, and the hub goes on answering. Path traversal and odd names on SFTP are in
 * SftpChannelTest, zip archives and oversize mail attachments in EmailInvoiceChannelTest. Each case adds its row to
 * {@link HostileInputTable}, the class × channel table the other doors' {@code HostileInputSuiteTest} fills too.
 */
class HostileInvoiceInputTest extends HubTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String PARKED = SftpReceipts.QUEUE + ".parked";
    private static final String UBL_NS = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    private static final String CSV_HEADER =
            "provider,invoice_number,invoice_date,client,service,element,period_from,period_to,units,unit_rate,amount,vat_rate,vat_amount\n";
    private static final String BRIGHTWATER_MAIL = "invoices@brightwater-care.test";
    private static final Path TEMP = newTestDir("hostile-");
    /** What an XXE payload points at: it must never come back to the sender. */
    private static final Path SECRET = TEMP.resolve("secret.txt");
    private static final String SECRET_TEXT = "carehub-secret-" + UUID.randomUUID();
    /**
     * Hollybrook (PRV-006) has no SFTP account in the shipped mappings (one account per provider): this run gives it
     * one with a fresh name, signing in by ed25519 key over SFTP and by password at the REST door.
     */
    private static final String PROVIDER = "PRV-006";
    private static final String ACCOUNT = "hostile-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String PASSWORD = UUID.randomUUID().toString();

    @Autowired
    private ProviderSftpServer sftpServer;
    @Autowired
    private ReferenceData reference;
    @Autowired
    private CaseStore cases;
    @Value("${carehub.mail.embedded.smtp-port}")
    private int smtpPort;
    @Value("${carehub.mail.embedded.imap-port}")
    private int imapPort;

    private final RestClient provider = RestClient.builder()
            .defaultHeaders(h -> h.setBasicAuth(ACCOUNT, PASSWORD))
            .defaultStatusHandler(status -> true, (request, response) -> { }).build();

    private static final String SFTP = "provider invoice SFTP";
    private static final String EMAIL = "provider invoice email";
    private static final String REST = "provider invoice REST";
    private static final String SFTP_KEPT = "received/sftp/<provider>/, byte for byte, and the parked body";
    private static final String EMAIL_KEPT = "the whole mail as received/email/<...>.eml, and the parked body";
    private static final String REST_KEPT = "received/rest/<provider>/, byte for byte, and the parked body";
    private static final String SFTP_BOUND = "≤ 20 MB taken per upload, ≤ 10 MB read by the reader; DOCTYPE found by a streaming pre-scan";
    private static final String EMAIL_BOUND = "attachments read through BoundedBody up to max-attachment-size";
    private static final String REST_BOUND = "BoundedBodyFilter reads at most 10 MB + 1 byte";
    /** The class of adversarial-inputs.md each hostile file belongs to. */
    private static final Map<String, Integer> CLASS_OF = Map.of("xxe", 1, "laughs", 2, "malformed", 5, "utf16", 6,
            "badbytes", 6, "pdf-labelled-xml", 10, "invoice.pdf", 10);

    @AfterAll
    static void writeTable() {
        HostileInputTable.write();
    }

    private static void record(Hostile hostile, String channel, String reason, String kept, String bound) {
        HostileInputTable.add(new Row(CLASS_OF.get(hostile.label()), hostile.label() + hostile.extension() + " ("
                + hostile.says() + ")", channel, reason, kept, bound));
    }

    /** One hostile file: its name stem, extension, bytes, the reason the hub must give, and words the answer says. */
    record Hostile(String label, String extension, byte[] bytes, String reasonCode, String says) {
        String fileName(String run) {
            return label + "-" + run + extension;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<Hostile> hostileFiles() {
        return Stream.of(
                new Hostile("xxe", ".xml", xml("<!DOCTYPE Invoice [<!ENTITY x SYSTEM \"" + SECRET.toUri() + "\">]>"
                        + "<Invoice xmlns=\"" + UBL_NS + "\">&x;</Invoice>"), InvoiceReasons.XML_DOCTYPE_REFUSED, "DOCTYPE"),
                new Hostile("laughs", ".xml", xml(billionLaughs()), InvoiceReasons.XML_DOCTYPE_REFUSED, "DOCTYPE"),
                new Hostile("malformed", ".xml", xml("<Invoice xmlns=\"" + UBL_NS + "\"><ID>BW-1</Invoice>"),
                        InvoiceReasons.XML_MALFORMED, "not well-formed"),
                new Hostile("utf16", ".csv", (CSV_HEADER + "PRV-001,BW-16\n").getBytes(StandardCharsets.UTF_16),
                        InvoiceReasons.CSV_INVALID, "UTF-16"),
                new Hostile("badbytes", ".csv", concat(CSV_HEADER.getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0x81, (byte) 0x8D, '\n'}),
                        InvoiceReasons.CSV_INVALID, "neither UTF-8 nor Windows-1252"));
    }

    /** What the mail door adds: attachments whose name or type lies about a PDF inside. */
    static Stream<Hostile> hostileAttachments() {
        byte[] pdf = "%PDF-1.4 a scanned invoice".getBytes(StandardCharsets.US_ASCII);
        return Stream.concat(hostileFiles(), Stream.of(
                new Hostile("pdf-labelled-xml", ".xml", pdf, InvoiceReasons.FORMAT_UNKNOWN, "PDF"),
                new Hostile("invoice.pdf", ".xml", pdf, InvoiceReasons.FORMAT_UNKNOWN, "PDF")));
    }

    @BeforeEach
    void openSshAccount() throws Exception {
        if (Files.exists(TEMP.resolve("key"))) {
            return;
        }
        Files.writeString(SECRET, SECRET_TEXT);
        run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", ACCOUNT, "-f", TEMP.resolve("key").toString()));
        String key = Files.readString(TEMP.resolve("key.pub")).trim();
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);
        Path accounts = mappingsDir().resolve("provider-sftp-accounts.csv");
        Files.writeString(accounts, Files.readString(accounts) + String.join(",", PROVIDER, ACCOUNT, hash, "\"" + key + "\"") + "\n");
        await().atMost(WAIT).until(() -> reference.sftpAccount(ACCOUNT).isPresent());
    }

    @ParameterizedTest(name = "over SFTP: {0}")
    @MethodSource("hostileFiles")
    void aHostileFileUploadedWithOpenSshIsParkedWithItsReasonAndAnsweredInTheOutbox(Hostile hostile) throws Exception {
        String name = hostile.fileName(run());
        upload(name, hostile.bytes());

        ParkedBytes parked = awaitParked(name);
        assertRefusedAndKept(parked, hostile);
        String answer = fetch(name + ".result.txt");
        assertThat(answer).contains("REFUSED", hostile.reasonCode(), hostile.says()).doesNotContain(SECRET_TEXT);
        assertThat(fetch(name + ".result.csv")).contains(hostile.reasonCode()).doesNotContain(SECRET_TEXT);
        assertHubStillAnswers();
        record(hostile, SFTP, hostile.reasonCode() + " in outbox/<name>.result.txt and .result.csv", SFTP_KEPT, SFTP_BOUND);
    }

    @ParameterizedTest(name = "over REST: {0}")
    @MethodSource("hostileFiles")
    void aHostileFilePostedIsRefusedWithItsReasonAndKept(Hostile hostile) {
        String name = hostile.fileName(run());

        ResponseEntity<String> answer = post(name, hostile.bytes());

        assertThat(answer.getStatusCode().value()).isEqualTo(422);
        assertThat(answer.getBody()).contains("\"reasonCode\":\"" + hostile.reasonCode() + "\"", hostile.says())
                .doesNotContain(SECRET_TEXT);
        assertRefusedAndKept(awaitParked(name), hostile);
        assertHubStillAnswers();
        record(hostile, REST, "422 " + hostile.reasonCode(), REST_KEPT, REST_BOUND);
    }

    @ParameterizedTest(name = "by email: {0}")
    @MethodSource("hostileAttachments")
    void aHostileAttachmentIsParkedWithWhatARetryNeedsToReplyAndTheSenderIsAnswered(Hostile hostile) throws Exception {
        String name = hostile.fileName(run());
        String subject = "Invoice " + name;
        mail().send(BRIGHTWATER_MAIL, subject, new TestMail.Attached(name, "application/xml", hostile.bytes()));

        ParkedBytes parked = awaitParked(name);
        assertRefusedAndKept(parked, hostile);
        assertThat(parked.header(EmailInvoiceIntake.REPLY_TO)).isEqualTo(BRIGHTWATER_MAIL);
        assertThat(parked.header(EmailInvoiceIntake.MAIL_SUBJECT)).isEqualTo(subject);
        TestMail.Reply reply = mail().awaitReply(BRIGHTWATER_MAIL, subject);
        assertThat(reply.text()).contains(hostile.reasonCode(), hostile.says()).doesNotContain(SECRET_TEXT);
        assertThat(reply.attachments().values()).allSatisfy(csv -> assertThat(csv).doesNotContain(SECRET_TEXT));
        assertHubStillAnswers();
        record(hostile, EMAIL, hostile.reasonCode() + " in the reply mail and its result.csv", EMAIL_KEPT, EMAIL_BOUND);
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedOnSftpAndRestAndKept() throws Exception {
        byte[] big = new byte[InvoiceReader.DEFAULT_MAX_BYTES + 1];
        big[0] = '<';
        Hostile oversize = new Hostile("oversize", ".xml", big, InvoiceReasons.TOO_LARGE, String.valueOf(InvoiceReader.DEFAULT_MAX_BYTES));

        String posted = oversize.fileName(run());
        ResponseEntity<String> answer = post(posted, big);
        assertThat(answer.getStatusCode().value()).isEqualTo(422);
        assertThat(answer.getBody()).contains(InvoiceReasons.TOO_LARGE);
        assertRefusedAndKept(awaitParked(posted), oversize);

        String uploaded = oversize.fileName(run());
        upload(uploaded, big);
        assertRefusedAndKept(awaitParked(uploaded), oversize);
        assertThat(fetch(uploaded + ".result.txt")).contains(InvoiceReasons.TOO_LARGE);
        assertHubStillAnswers();
        HostileInputTable.add(new Row(5, "file over the 10 MB limit", REST, "422 " + InvoiceReasons.TOO_LARGE, REST_KEPT, REST_BOUND));
        HostileInputTable.add(new Row(5, "file over the 10 MB limit", SFTP, InvoiceReasons.TOO_LARGE + " in the outbox", SFTP_KEPT,
                SFTP_BOUND));
    }

    @Test
    void aParkedInvoiceOverTheBrokersLargeMessageSizeIsShownAndRetriedByteForByte() throws Exception {
        // One line for a registered client with no care line yet (held for care navigation, so parked carrying the
        // whole file), and enough lines for clients nobody knows (answered, not parked) to pass 100 KB.
        Client client = registeredClient();
        String number = TestEvents.unique("HB-BIG");
        StringBuilder csv = new StringBuilder(CSV_HEADER).append(dayCare(number, client.lasPersonId()));
        for (int i = 0; csv.length() <= 150 * 1024; i++) {
            csv.append(dayCare(number, "NOBODY-" + i));
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        String name = "big-" + run() + ".csv";

        upload(name, file);

        ParkedBytes parked = awaitParked(name);
        assertThat(parked.header(ParkedHeaders.REASON_CODE)).isEqualTo("INVOICE_NO_CARE_LINE");
        assertThat(parked.body()).as("the parked invoice, browsed").isEqualTo(file);
        String journeyId = parked.header(ParkedHeaders.JOURNEY_ID);
        Map<?, ?> shown = as(VIEWER).get().uri(baseUrl() + "/api/parked/" + journeyId).retrieve().body(Map.class);
        assertThat(((String) shown.get("payload")).getBytes(StandardCharsets.UTF_8)).as("the failure desk's payload").isEqualTo(file);

        // Care navigation gets the care line into LAS and retries: the flow reads the invoice again and pays the line.
        LocalDate start = LocalDate.of(2026, 4, 1);
        CareLine line = new CareLine(TestEvents.unique("CPLI"), client.lasPersonId(), "DAY_CARE", PROVIDER, "DC-2025-002",
                start, null, null, List.of(TestEvents.withUnits(new TestEvents(reference).element("DAY_CARE", "SESSION", start),
                BigDecimal.TEN)), null);
        publishAndGetJourney(TestEvents.created(line));
        await().atMost(WAIT).until(() -> cases.careLine(line.cpliId()).isPresent());
        assertThat(as(OPERATOR).post().uri(baseUrl() + "/api/parked/" + journeyId + "/retry").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("why", "care line now in LAS")).retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(200);

        String invoiceId = parked.header(InvoiceIntake.INVOICE_ID);
        List<Map> paid = await().atMost(WAIT).until(() -> List.of(anonymous().get()
                .uri(baseUrl() + "/simulators/contrOCC/actuals?invoiceId=" + invoiceId).retrieve().body(Map[].class)), l -> !l.isEmpty());
        assertThat(paid).singleElement().satisfies(a -> assertThat((Map<String, Object>) a.get("actual"))
                .containsEntry("cpliId", line.cpliId()).containsEntry("lineId", "2"));
    }

    @Test
    void aFiftyMegabyteBodyStreamedToTheRestDoorIsRefusedAfterReadingOneBytePastTheLimit() throws Exception {
        long fifty = 50L * 1024 * 1024;
        String name = "streamed-" + run() + ".xml";
        AtomicLong sent = new AtomicLong();
        String answer;
        // A raw HTTP/1.1 client: the body is made while it is sent, in chunks, and the answer read as it comes.
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) WAIT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/providers/" + PROVIDER + "/invoices?fileName=" + name + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Basic " + Base64.getEncoder().encodeToString((ACCOUNT + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8))
                    + "\r\nContent-Type: application/xml\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            Thread sender = new Thread(() -> {
                byte[] chunk = new byte[64 * 1024];
                Arrays.fill(chunk, (byte) ' ');
                chunk[0] = '<';
                byte[] head = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                try {
                    while (sent.get() < fifty) {
                        out.write(head);
                        out.write(chunk);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        sent.addAndGet(chunk.length);
                        chunk[0] = ' ';
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException stoppedByTheHub) {
                    // the hub answered and closed the connection without reading the rest: what this test wants
                }
            });
            sender.start();
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            sender.join(WAIT.toMillis());
        }

        assertThat(answer).startsWith("HTTP/1.1 422").contains(InvoiceReasons.TOO_LARGE);
        assertThat(sent.get()).as("bytes the hub let the client send before refusing").isLessThan(fifty);
        ParkedBytes parked = awaitParked(name);
        assertThat(parked.header(ParkedHeaders.REASON_CODE)).isEqualTo(InvoiceReasons.TOO_LARGE);
        assertThat(parked.body()).as("what was read and kept: the limit and one byte").hasSize(InvoiceReader.DEFAULT_MAX_BYTES + 1)
                .startsWith((byte) '<');
        assertThat(Path.of(parked.header(SftpReceipts.ORIGINAL_FILE))).hasSize(InvoiceReader.DEFAULT_MAX_BYTES + 1);
        assertHubStillAnswers();
        HostileInputTable.add(new Row(5, "50 MB body streamed in chunks", REST, "422 " + InvoiceReasons.TOO_LARGE
                + " before the upload ends", "its first 10 MB + 1 byte, under received/rest/ and parked", REST_BOUND + " (asserted)"));
    }

    @Test
    void aFormulaInAnInvoiceNumberIsKeptAsDataAndNeutralisedInEveryCsvAnswer() throws Exception {
        String formula = "=HYPERLINK(\"http://evil.test/" + run() + "\",\"pay\")";
        byte[] csv = formulaCsv(PROVIDER, formula);

        // REST: the number comes back as the provider wrote it, as data.
        ResponseEntity<Map> rest = provider.post().uri(baseUrl() + "/api/providers/" + PROVIDER + "/invoices?fileName=formula-" + run() + ".csv")
                .contentType(MediaType.parseMediaType("text/csv")).body(csv).retrieve().toEntity(Map.class);
        assertThat(rest.getStatusCode().value()).isEqualTo(200);
        assertThat(rest.getBody()).containsEntry("invoiceNumber", formula);

        // SFTP (another invoice number, so not a duplicate): the CSV answer starts the cell with a quote.
        String sftpFormula = formula.replace("pay", "pay now");
        String name = "formula-" + run() + ".csv";
        upload(name, formulaCsv(PROVIDER, sftpFormula));
        String answer = await().atMost(WAIT).until(() -> fetchIfThere(name + ".result.csv"), Optional::isPresent).get();
        assertThat(answer).contains("\"'" + sftpFormula.replace("\"", "\"\"") + "\"")
                .doesNotContain("," + "\"" + sftpFormula.replace("\"", "\"\""));

        // Email: the result.csv attached to the reply likewise.
        String mailFormula = formula.replace("pay", "pay today");
        String subject = "Invoice " + run();
        mail().send(BRIGHTWATER_MAIL, subject, new TestMail.Attached("formula.csv", "text/csv", formulaCsv("PRV-001", mailFormula)));
        TestMail.Reply reply = mail().awaitReply(BRIGHTWATER_MAIL, subject);
        assertThat(reply.attachments().get("result.csv")).contains("\"'" + mailFormula.replace("\"", "\"\"") + "\"");
        String formulaCase = "formula =HYPERLINK(...) as invoice number";
        HostileInputTable.add(new Row(7, formulaCase, REST, "200: taken as data, the JSON answer carries it as sent", REST_KEPT, REST_BOUND));
        HostileInputTable.add(new Row(7, formulaCase, SFTP, "taken as data; the .result.csv cell starts with '", SFTP_KEPT, SFTP_BOUND));
        HostileInputTable.add(new Row(7, formulaCase, EMAIL, "taken as data; the reply's result.csv cell starts with '", EMAIL_KEPT,
                EMAIL_BOUND));
    }

    @Test
    void anInvoiceUploadedBySftpAndThenPostedOverRestIsRefusedAsADuplicate() throws Exception {
        // A client with no care line from this provider: the line is held for care navigation, so the invoice is
        // HELD and keeps its number (a wholly rejected invoice does not: docs/decisions.md).
        String client = registeredClient().lasPersonId();
        String number = TestEvents.unique("HB-DUP");
        String uploaded = "dup-" + run() + ".csv";
        upload(uploaded, careActuals(number, client, "10", "261.00"));
        assertThat(await().atMost(WAIT).until(() -> fetchIfThere(uploaded + ".result.txt"), Optional::isPresent).get())
                .contains("Invoice " + number + " from " + PROVIDER, "HELD", "INVOICE_NO_CARE_LINE");

        // Not byte for byte the same file: the provider and invoice number make it the same invoice.
        String posted = "dup-" + run() + ".csv";
        byte[] again = careActuals(number, client, "9", "234.90");
        ResponseEntity<String> answer = post(posted, again);

        assertThat(answer.getStatusCode().value()).isEqualTo(422);
        assertThat(answer.getBody()).contains("\"reasonCode\":\"" + InvoiceIntake.DUPLICATE + "\"", number);
        try (Stream<Path> kept = Files.list(dataDir().resolve("received/rest/" + PROVIDER))) {
            Path original = kept.filter(p -> p.getFileName().toString().endsWith("-" + posted)).findFirst().orElseThrow();
            assertThat(original).hasBinaryContent(again);
        }
        assertHubStillAnswers();
        HostileInputTable.add(new Row(8, "same provider + invoice number, SFTP then REST", REST, "422 " + InvoiceIntake.DUPLICATE
                + " naming the earlier invoice", REST_KEPT.replace(", and the parked body", ""), "one indexed lookup"));
    }

    @Test
    void aUblInvoiceWithOneBadLineMailedByARegisteredSenderIsAnsweredLineByLineOverImap() throws Exception {
        Client client = registeredClient();
        LocalDate start = LocalDate.of(2026, 4, 1);
        CareLine line = new CareLine(TestEvents.unique("CPLI"), client.lasPersonId(), "HOMECARE", "PRV-001", "HC-FW26-001",
                start, null, null, List.of(TestEvents.withUnits(new TestEvents(reference).element("HOMECARE", "PERSONAL_CARE", start),
                BigDecimal.TEN)), null);
        publishAndGetJourney(TestEvents.created(line));
        await().atMost(WAIT).until(() -> cases.careLine(line.cpliId()).isPresent());
        String number = TestEvents.unique("BW");
        // Line 1: two weeks of the commissioned 10 hours at the rate card's 26.10. Line 2: a week at 22.80, not the rate.
        String ubl = Files.readString(Path.of("docs/examples/provider-invoice-ubl.xml"))
                .replace("BW-2026-0412", number)
                .replace("100234", client.lasPersonId()).replace("100871", client.lasPersonId())
                .replace("<cbc:StartDate>2026-04-01</cbc:StartDate>\n      <cbc:EndDate>2026-04-30</cbc:EndDate>\n    </cac:InvoicePeriod>\n    <cac:DocumentReference>",
                        "<cbc:StartDate>2026-04-06</cbc:StartDate>\n      <cbc:EndDate>2026-04-19</cbc:EndDate>\n    </cac:InvoicePeriod>\n    <cac:DocumentReference>")
                .replace("<cbc:StartDate>2026-04-06</cbc:StartDate>\n      <cbc:EndDate>2026-04-19</cbc:EndDate>\n    </cac:InvoicePeriod>\n    <cac:DocumentReference>\n      <cbc:ID>"
                        + client.lasPersonId() + "</cbc:ID>\n      <cbc:DocumentTypeCode>130</cbc:DocumentTypeCode>\n    </cac:DocumentReference>\n    <cac:Item>\n      <cbc:Name>Day",
                        "<cbc:StartDate>2026-04-20</cbc:StartDate>\n      <cbc:EndDate>2026-04-26</cbc:EndDate>\n    </cac:InvoicePeriod>\n    <cac:DocumentReference>\n      <cbc:ID>"
                        + client.lasPersonId() + "</cbc:ID>\n      <cbc:DocumentTypeCode>130</cbc:DocumentTypeCode>\n    </cac:DocumentReference>\n    <cac:Item>\n      <cbc:Name>Day")
                .replace("SUPPORTED_LIVING/DAY_SUPPORT", "HOMECARE/PERSONAL_CARE")
                .replace("<cbc:InvoicedQuantity unitCode=\"HUR\">30</cbc:InvoicedQuantity>\n    <cbc:LineExtensionAmount currencyID=\"GBP\">684.00",
                        "<cbc:InvoicedQuantity unitCode=\"HUR\">10</cbc:InvoicedQuantity>\n    <cbc:LineExtensionAmount currencyID=\"GBP\">228.00")
                .replace("1206.00", "750.00");
        String subject = "Invoice " + number;

        mail().send(BRIGHTWATER_MAIL, subject, new TestMail.Attached(number + ".xml", "application/xml", ubl.getBytes(StandardCharsets.UTF_8)));

        TestMail.Reply reply = mail().awaitReply(BRIGHTWATER_MAIL, subject);
        assertThat(reply.text()).contains("Invoice " + number + " from PRV-001", "PART_ACCEPTED", "Line 1: accepted",
                "Line 2: REJECTED INVOICE_RATE_DIFFERS", "22.80", "26.10", "What to do: ");
        assertThat(reply.attachments().get("result.csv")).contains(number + ",2,REJECTED,INVOICE_RATE_DIFFERS");
    }

    private Client registeredClient() {
        Client client = TestEvents.client(TestEvents.unique("LAS"));
        publishAndGetJourney(TestEvents.registered(client));
        await().atMost(WAIT).until(() -> cases.client(client.lasPersonId()).isPresent());
        return client;
    }

    /** A file the invoice flow parked, found by the name it was received under, with its body as parked. */
    private void assertRefusedAndKept(ParkedBytes parked, Hostile hostile) {
        assertThat(parked.header(ParkedHeaders.REASON_CODE)).isEqualTo(hostile.reasonCode());
        assertThat(parked.header(ParkedHeaders.EXPLANATION)).doesNotContain(SECRET_TEXT);
        // Byte for byte, also over the broker's large-message size (the oversize file is 100 times that).
        assertThat(parked.body()).as("the parked original").isEqualTo(hostile.bytes());
        String original = parked.header(SftpReceipts.ORIGINAL_FILE);
        Path kept = Path.of(original.contains("#") ? original.substring(0, original.indexOf('#')) : original);
        assertThat(kept).as("the kept original").isRegularFile().startsWith(dataDir().toAbsolutePath().resolve("received"));
        if (!original.contains("#")) {
            assertThat(kept).hasBinaryContent(hostile.bytes());
        }
    }

    private ParkedBytes awaitParked(String fileName) {
        return awaitFirstParked(PARKED, SftpReceipts.FILE_NAME + " = '" + fileName + "'", WAIT);
    }

    /** The hub still takes sign-ins and answers after the hostile file: the failure desk's list of parked items. */
    private void assertHubStillAnswers() {
        assertThat(as(VIEWER).get().uri(baseUrl() + "/api/parked?size=1").retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(200);
    }

    private ResponseEntity<String> post(String fileName, byte[] file) {
        return provider.post().uri(baseUrl() + "/api/providers/" + PROVIDER + "/invoices?fileName=" + fileName)
                .contentType(MediaType.APPLICATION_OCTET_STREAM).body(file).retrieve().toEntity(String.class);
    }

    private TestMail mail() {
        return new TestMail(smtpPort, imapPort);
    }

    /** A care-actuals file whose invoice number is a spreadsheet formula, for a client nobody knows. */
    private static byte[] formulaCsv(String provider, String formula) {
        return (CSV_HEADER + String.join(",", provider, "\"" + formula.replace("\"", "\"\"") + "\"", "2026-05-01",
                "NOBODY-" + run(), "HOMECARE", "PERSONAL_CARE", "2026-04-06", "2026-04-12", "10", "26.10", "261.00", "0", "0.00")
                + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] careActuals(String number, String client, String units, String amount) {
        return (CSV_HEADER + String.join(",", PROVIDER, number, "2026-05-01", client, "HOMECARE", "PERSONAL_CARE",
                "2026-04-06", "2026-04-12", units, "26.10", amount, "0", "0.00") + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** One care-actuals row: two day centre sessions in the week of 6 April 2026 at the rate card's 48.00. */
    private static String dayCare(String number, String client) {
        return String.join(",", PROVIDER, number, "2026-05-01", client, "DAY_CARE", "SESSION", "2026-04-06", "2026-04-12",
                "2", "48.00", "96.00", "", "") + "\n";
    }

    /** Uploads with the real OpenSSH sftp client in batch mode under a temporary name, renamed once complete. */
    private void upload(String name, byte[] content) throws Exception {
        Path local = Files.write(TEMP.resolve(name), content);
        sftp("put " + local + " inbox/" + name + ".part", "rename inbox/" + name + ".part inbox/" + name);
    }

    /** The answer in the outbox, fetched with the OpenSSH client once the hub has written it. */
    private String fetch(String name) {
        return await().atMost(WAIT).until(() -> fetchIfThere(name), Optional::isPresent).get();
    }

    private Optional<String> fetchIfThere(String name) throws Exception {
        if (!Files.exists(dataDir().resolve("sftp/" + PROVIDER + "/outbox").resolve(name))) {
            return Optional.empty();
        }
        Path local = TEMP.resolve("fetched-" + UUID.randomUUID());
        sftp("get outbox/" + name + " " + local);
        return Optional.of(Files.readString(local, StandardCharsets.UTF_8));
    }

    private void sftp(String... commands) throws Exception {
        Path batch = Files.writeString(Files.createTempFile(TEMP, "batch", ".txt"), String.join("\n", commands) + "\n");
        run(List.of("/usr/bin/sftp", "-b", batch.toString(), "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no",
                "-o", "UserKnownHostsFile=/dev/null", "-o", "IdentitiesOnly=yes", "-o", "LogLevel=ERROR",
                "-i", TEMP.resolve("key").toString(), "-P", String.valueOf(sftpServer.port()), ACCOUNT + "@127.0.0.1"));
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
    }

    private static String run() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static byte[] xml(String document) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + document).getBytes(StandardCharsets.UTF_8);
    }

    /** Ten entities each ten times the one before: a billion "lol"s once expanded. */
    private static String billionLaughs() {
        StringBuilder doctype = new StringBuilder("<!DOCTYPE Invoice [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            doctype.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        return doctype.append("]><Invoice xmlns=\"").append(UBL_NS).append("\">&lol9;</Invoice>").toString();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
