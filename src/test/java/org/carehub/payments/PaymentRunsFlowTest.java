package org.carehub.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.carehub.HubTest;
import org.carehub.cases.TestEvents;
import org.carehub.channels.ProviderSftpServer;
import org.carehub.failures.ParkedHeaders;
import org.carehub.finance.ContrOCCAdapter;
import org.carehub.finance.contrOCC.ProviderActual;
import org.carehub.invoices.TestMail;
import org.carehub.schedules.RunStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;

/**
 * Payments end to end over the real hub: ContrOCC (the simulator) authorises payment runs, an operator runs the job for
 * a run through the runs API as the cron would, and the test reads what left the hub: the AP files in the outbox, the
 * remittance advice by mail (IMAP) and in the provider's SFTP outbox (MINA SFTP client), held payments on the parked
 * queue, and a held payment released through the failure desk into a later file.
 */
class PaymentRunsFlowTest extends HubTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String HELD_PARKED = HeldPayments.QUEUE + ".parked";
    private static final String COUNCIL = "Council Adult Social Care";

    @Autowired
    private ContrOCCAdapter contrOCC;
    @Autowired
    private PaymentsProperties payments;
    @Autowired
    private PaymentStore store;
    @Autowired
    private ProviderSftpServer sftpServer;
    @Value("${carehub.mail.embedded.smtp-port}")
    private int smtpPort;
    @Value("${carehub.mail.embedded.imap-port}")
    private int imapPort;

    @Test
    void aRunOfRecordedActualsIsFiledVerifiedAndRemittedOnceEvenWhenRunAgain() throws Exception {
        String tag = TestEvents.unique("PAY");
        // Brightwater (SFTP account): two invoice lines, one whose invoice number a spreadsheet would run as a formula.
        String formulaInvoice = "=HYPERLINK(\"x\")" + tag;
        actual("PRV-001", tag + "-BW", formulaInvoice, "1", "261.00");
        actual("PRV-001", tag + "-BW", formulaInvoice, "2", "130.50");
        // Riverside Lodge (mail only): a line and a credit note line netted in one payment.
        actual("PRV-004", tag + "-RL", "RL-" + tag, "1", "1044.00");
        actual("PRV-004", tag + "-RLC", "RLC-" + tag, "1", "-44.00");

        Map<String, Object> run = publish(Map.of("paymentDate", "2026-11-27"));
        String runRef = (String) run.get("runRef");
        Map<String, Object> brightwater = paymentTo(run, "PRV-001");
        Map<String, Object> riverside = paymentTo(run, "PRV-004");
        assertThat(new BigDecimal(riverside.get("amount").toString())).isEqualByComparingTo("1000.00");
        // Other tests' accepted invoices for Brightwater may be in the run too: its amount is what finance says.
        BigDecimal brightwaterAmount = new BigDecimal(brightwater.get("amount").toString()).setScale(2);

        Map<String, Object> record = runJob(runRef);
        assertThat(record.get("status")).isEqualTo(RunStatus.DONE.name());
        assertThat((Map<String, Object>) record.get("counts")).containsEntry("files released", 2);

        // pain.001: valid against the XSD, one transfer per payment with its amount and the provider's account.
        String xml = Files.readString(outbox().resolve("AP-" + runRef + ".xml"));
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(getClass().getResource("/payments/iso20022/pain.001.001.09.xsd")).newValidator()
                .validate(new StreamSource(new StringReader(xml)));
        assertThat(xml).contains("<EndToEndId>" + brightwater.get("paymentRef") + "</EndToEndId>",
                "<InstdAmt Ccy=\"GBP\">" + brightwaterAmount.toPlainString() + "</InstdAmt>", "<InstdAmt Ccy=\"GBP\">1000.00</InstdAmt>", "<MmbId>089999</MmbId>",
                "<Id>66374958</Id>", "<ReqdExctnDt>", "<Dt>2026-11-27</Dt>");
        // Bacs: each payment a credit record; the contra and UTL1 carry the same total as the credits.
        List<String> bacs = Files.readString(outbox().resolve("AP-" + runRef + ".bacs")).lines().toList();
        String credit = bacs.stream().filter(line -> line.contains((String) riverside.get("paymentRef"))).findFirst().orElseThrow();
        assertThat(credit.substring(0, 6)).isEqualTo("820000");
        assertThat(credit.substring(6, 14)).isEqualTo("73688637");
        assertThat(credit.substring(15, 17)).isEqualTo("99");
        assertThat(credit.substring(35, 46)).isEqualTo("00000100000");
        long credits = bacs.stream().filter(line -> line.length() == 100 && line.startsWith("99", 15))
                .mapToLong(line -> Long.parseLong(line.substring(35, 46))).sum();
        String utl1 = bacs.get(bacs.size() - 1);
        assertThat(Long.parseLong(utl1.substring(17, 30))).isEqualTo(credits);
        assertThat(credits).isEqualTo(totalPence(run));

        // Remittance by SFTP: Brightwater reads both lines in its outbox, the formula neutralised.
        String csv = sftpRead("brightwater", "outbox/remittance-" + brightwater.get("paymentRef") + ".csv");
        assertThat(csv.lines().toList()).hasSize(1 + ((List<?>) brightwater.get("lines")).size());
        assertThat(csv).contains("'" + formulaInvoice.replace("\"", "\"\"")).contains(tag + "-BW,1,").contains(tag + "-BW,2,");
        assertThat(sftpRead("brightwater", "outbox/remittance-" + brightwater.get("paymentRef") + ".txt"))
                .contains("Payment " + brightwater.get("paymentRef") + " of " + RemittanceAdvice.pounds(brightwaterAmount), "account ending 4958");
        // Remittance by mail: Riverside Lodge's first invoice address, both lines and the net total.
        TestMail mail = new TestMail(smtpPort, imapPort);
        String subject = "Remittance advice " + riverside.get("paymentRef") + " from " + COUNCIL;
        TestMail.Reply advice = mail.awaitMail("accounts@riversidelodge.test", subject);
        assertThat(advice.text()).contains("Invoice RL-" + tag + " line 1", "Invoice RLC-" + tag + " line 1", "-£44.00", "Total: £1,000.00");
        assertThat(advice.attachments()).containsKey("remittance-" + riverside.get("paymentRef") + ".csv");

        // Run again: nothing new is written or sent.
        List<Path> filesBefore = outboxFiles();
        Map<String, Object> again = runJob(runRef);
        assertThat(again.get("status")).isEqualTo(RunStatus.DONE.name());
        assertThat((Map<String, Object>) again.get("counts")).doesNotContainKeys("files released", "payments filed", "remittances by email");
        assertThat(outboxFiles()).isEqualTo(filesBefore);
        assertThat(filesBefore).as("only whole files, no temporary one left").allSatisfy(file ->
                assertThat(file.getFileName().toString()).matches("AP-PR\\d{6}\\.(xml|bacs)"));
        assertThat(mail.mails("accounts@riversidelodge.test", subject)).hasSize(1);
        assertThat(sftpList("brightwater", "outbox")).filteredOn(name -> name.startsWith("remittance-" + brightwater.get("paymentRef")))
                .hasSize(2);
    }

    @Test
    void aProviderWhoseBankAccountChangedIsHeldUntilAccountsPayableConfirmsItThenPaidInALaterFile() throws Exception {
        // First payment to Hollybrook: its account becomes the one last paid.
        String first = (String) runJob(runOf(payment("PRV-006", "100.00", null))).get("status");
        assertThat(first).isEqualTo(RunStatus.DONE.name());
        // Finance records new bank details (a change request), and the next run pays there.
        Map<String, String> newAccount = Map.of("sortCode", "309070", "accountNumber", "02355688", "accountName", "Hollybrook Day Centre");
        as(OPERATOR).put().uri(baseUrl() + "/simulators/contrOCC/providers/PRV-006/bank-account").body(newAccount).retrieve().toBodilessEntity();
        String heldRun = runOf(payment("PRV-006", "250.00", null));
        String heldRef = (String) paymentTo(run(heldRun), "PRV-006").get("paymentRef");

        Map<String, Object> record = runJob(heldRun);

        assertThat(record.get("status")).isEqualTo(RunStatus.DONE_WITH_FAILURES.name());
        assertThat((List<String>) record.get("failures")).anySatisfy(f -> assertThat(f).contains(heldRef, "PAYMENT_BANK_ACCOUNT_CHANGED"));
        assertThat(outbox().resolve("AP-" + heldRun + ".bacs")).doesNotExist();
        Parked parked = heldPayment(heldRef);
        assertThat(parked.header(ParkedHeaders.OWNER_TEAM)).isEqualTo("ACCOUNTS_PAYABLE");
        assertThat(parked.header(ParkedHeaders.EXPLANATION)).contains("sort code 309070, account ending 5688",
                "last paid to sort code 134020, account ending 9203");
        assertThat(parked.header(ParkedHeaders.FIX)).contains("number held on file");
        String journeyId = parked.header(ParkedHeaders.JOURNEY_ID);

        // Retried before anyone confirmed: held again.
        retry(journeyId, "provider says it is theirs");
        await().atMost(WAIT).until(() -> "2".equals(heldPayment(heldRef).header(ParkedHeaders.ATTEMPTS)));
        assertThat(store.payment(heldRef).orElseThrow().status()).isEqualTo(PaymentStatus.HELD);

        // Accounts Payable calls the provider on the number held on file and records the confirmation (operators only).
        Map<String, String> confirmation = Map.of("sortCode", "309070", "accountNumber", "02355688",
                "how", "Called Hollybrook's office manager on the number held on file, 23 Nov");
        assertThat(as(VIEWER).post().uri(baseUrl() + "/api/payments/bank-accounts/PRV-006/confirmations").body(confirmation)
                .retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(403);
        assertThat(as(OPERATOR).post().uri(baseUrl() + "/api/payments/bank-accounts/PRV-006/confirmations").body(confirmation)
                .retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(201);
        retry(journeyId, "bank account confirmed by phone");
        await().atMost(WAIT).until(() -> store.payment(heldRef).orElseThrow().status() == PaymentStatus.READY);
        assertThat(parked(HELD_PARKED)).noneMatch(p -> heldRef.equals(p.header(HeldPayments.PAYMENT_REF)));

        // The next run's file pays it, to the confirmed account, and Hollybrook gets its remittance.
        String laterRun = runOf(payment("PRV-002", "50.00", null));
        assertThat(runJob(laterRun).get("status")).isEqualTo(RunStatus.DONE.name());
        List<String> bacs = Files.readString(outbox().resolve("AP-" + laterRun + ".bacs")).lines().toList();
        assertThat(bacs).anySatisfy(line -> assertThat(line).startsWith("30907002355688099").contains(heldRef).contains("00000025000"));
        assertThat(store.payment(heldRef).orElseThrow().filedInRun()).isEqualTo(laterRun);
        // Its remittance goes on its channel: mail, or its SFTP outbox when it has an account (another test class of this
        // run may have given it one).
        String subject = "Remittance advice " + heldRef + " from " + COUNCIL;
        Path sftpAdvice = dataDir().resolve("sftp/PRV-006/outbox/remittance-" + heldRef + ".txt");
        TestMail mail = new TestMail(smtpPort, imapPort);
        await().atMost(WAIT).until(() -> Files.exists(sftpAdvice) || !mail.mails("office@hollybrook-day.test", subject).isEmpty());
    }

    @Test
    void anAccountFailingTheModulusCheckAndAFractionOfAPennyAreHeldForTheirTeamsAndNotFiled() throws Exception {
        Map<String, String> mistyped = Map.of("sortCode", "089999", "accountNumber", "66374959", "accountName", "Compass Supported Living");
        String runRef = runOf(payment("PRV-007", "75.00", mistyped), payment("PRV-008", "10.005", null));
        Map<String, Object> run = run(runRef);

        Map<String, Object> record = runJob(runRef);

        assertThat(record.get("status")).isEqualTo(RunStatus.DONE_WITH_FAILURES.name());
        assertThat((Map<String, Object>) record.get("counts")).containsEntry("payments held", 2);
        Parked modulus = heldPayment((String) paymentTo(run, "PRV-007").get("paymentRef"));
        assertThat(modulus.header(ParkedHeaders.REASON_CODE)).isEqualTo("PAYMENT_MODULUS_CHECK_FAILED");
        assertThat(modulus.header(ParkedHeaders.OWNER_TEAM)).isEqualTo("ACCOUNTS_PAYABLE");
        assertThat(modulus.header(ParkedHeaders.FIX)).contains("number held on file");
        Parked penny = heldPayment((String) paymentTo(run, "PRV-008").get("paymentRef"));
        assertThat(penny.header(ParkedHeaders.REASON_CODE)).isEqualTo("PAYMENT_PART_PENNY");
        assertThat(penny.header(ParkedHeaders.VALUE)).isEqualTo("10.005");
        assertThat(penny.header(ParkedHeaders.OWNER_TEAM)).isEqualTo("FINANCE_SYSTEMS");
        assertThat(outbox().resolve("AP-" + runRef + ".xml")).doesNotExist();
        assertThat(outbox().resolve("AP-" + runRef + ".bacs")).doesNotExist();
    }

    // ---- helpers -----------------------------------------------------------------------------

    private void actual(String provider, String invoiceId, String invoiceNumber, String lineId, String amount) {
        ProviderActual actual = new ProviderActual();
        actual.setProviderRef(provider);
        actual.setInvoiceId(invoiceId);
        actual.setInvoiceNumber(invoiceNumber);
        actual.setLineId(lineId);
        actual.setPersonRef("LAS-" + invoiceId);
        actual.setCpliId("CPLI-" + invoiceId);
        actual.setElementType("PERSONAL_CARE");
        actual.setPeriodFrom(LocalDate.of(2026, 11, 2));
        actual.setPeriodTo(LocalDate.of(2026, 11, 8));
        actual.setUnits(new BigDecimal("10"));
        actual.setUnitRate(new BigDecimal("26.10"));
        actual.setAmount(new BigDecimal(amount));
        contrOCC.recordActual(actual, invoiceId + "/" + lineId);
    }

    private static Map<String, Object> payment(String provider, String amount, Map<String, String> bankAccount) {
        Map<String, Object> line = Map.of("invoiceId", "INV-" + provider, "invoiceNumber", "N-" + provider, "lineId", "1",
                "clientRef", "LAS-9", "careLineId", "CPLI-9", "periodFrom", "2026-11-02", "periodTo", "2026-11-08", "amount", amount);
        Map<String, Object> payment = new HashMap<>(Map.of("providerRef", provider, "amount", amount, "lines", List.of(line)));
        payment.put("bankAccount", bankAccount);
        return payment;
    }

    @SafeVarargs
    private String runOf(Map<String, Object>... providerPayments) {
        return (String) publish(Map.of("paymentDate", "2026-11-27", "payments", List.of(providerPayments))).get("runRef");
    }

    private Map<String, Object> publish(Map<String, Object> request) {
        ResponseEntity<Map> published = anonymous().post().uri(baseUrl() + "/simulators/contrOCC/payment-runs").body(request)
                .retrieve().toEntity(Map.class);
        assertThat(published.getStatusCode().value()).as("finance authorised a run").isEqualTo(201);
        return published.getBody();
    }

    private Map<String, Object> run(String runRef) {
        return anonymous().get().uri(baseUrl() + "/simulators/contrOCC/payment-runs/" + runRef).retrieve().body(Map.class);
    }

    private static Map<String, Object> paymentTo(Map<String, Object> run, String provider) {
        return ((List<Map<String, Object>>) run.get("payments")).stream().filter(p -> provider.equals(p.get("providerRef")))
                .findFirst().orElseThrow(() -> new AssertionError("no payment to " + provider + " in " + run));
    }

    private static long totalPence(Map<String, Object> run) {
        return ((List<Map<String, Object>>) run.get("payments")).stream()
                .mapToLong(p -> new BigDecimal(p.get("amount").toString()).movePointRight(2).longValueExact()).sum();
    }

    /** The job for one run, as an operator asks through the runs API (the cron calls the same job). */
    private Map<String, Object> runJob(String runRef) {
        ResponseEntity<Map> answer = as(OPERATOR).post().uri(baseUrl() + "/api/runs/payment-runs?period=" + runRef).retrieve()
                .toEntity(Map.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        return answer.getBody();
    }

    private void retry(String journeyId, String why) {
        assertThat(as(OPERATOR).post().uri(baseUrl() + "/api/parked/" + journeyId + "/retry").body(Map.of("why", why))
                .retrieve().toBodilessEntity().getStatusCode().is2xxSuccessful()).isTrue();
    }

    private Parked heldPayment(String paymentRef) {
        return await().atMost(WAIT).until(() -> parked(HELD_PARKED).stream()
                .filter(p -> paymentRef.equals(p.header(HeldPayments.PAYMENT_REF))).findFirst(), Optional::isPresent).get();
    }

    private Path outbox() {
        return payments.outbox();
    }

    private List<Path> outboxFiles() throws Exception {
        try (Stream<Path> files = Files.list(outbox())) {
            return files.sorted().toList();
        }
    }

    private String sftpRead(String user, String path) throws Exception {
        return sftp(user, sftp -> {
            try (InputStream in = sftp.read(path)) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                in.transferTo(bytes);
                return bytes.toString(StandardCharsets.UTF_8);
            }
        });
    }

    private List<String> sftpList(String user, String folder) throws Exception {
        return sftp(user, sftp -> {
            List<String> names = new ArrayList<>();
            sftp.readDir(folder).forEach(entry -> names.add(entry.getFilename()));
            return names;
        });
    }

    private interface SftpWork<T> {
        T on(SftpClient sftp) throws Exception;
    }

    private <T> T sftp(String user, SftpWork<T> work) throws Exception {
        SshClient client = SshClient.setUpDefaultClient();
        client.start();
        try (ClientSession session = client.connect(user, "127.0.0.1", sftpServer.port()).verify(WAIT).getSession()) {
            session.addPasswordIdentity(user + "-pass");
            session.auth().verify(WAIT);
            try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
                return work.on(sftp);
            }
        } finally {
            client.stop();
        }
    }
}
