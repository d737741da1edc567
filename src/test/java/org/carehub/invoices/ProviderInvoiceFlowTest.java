package org.carehub.invoices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.carehub.HubTest;
import org.carehub.cases.CareLine;
import org.carehub.cases.CaseStore;
import org.carehub.cases.Client;
import org.carehub.cases.LasEventType;
import org.carehub.cases.TestEvents;
import org.carehub.channels.ProviderSftpServer;
import org.carehub.reference.ReferenceData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * Providers' invoices end to end: clients and care lines arrive from LAS over REST, providers submit invoices over
 * SFTP (MINA client) and REST, and the answers, finance's actuals and the failure desk are looked at from outside.
 */
class ProviderInvoiceFlowTest extends HubTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String CSV_HEADER =
            "provider,invoice_number,invoice_date,client,service,element,period_from,period_to,units,unit_rate,amount,vat_rate,vat_amount\n";
    /** A Monday in April 2026 (an open finance period), when the Home Care Framework 2026-2030 rate of 26.10 applies. */
    private static final LocalDate APRIL = LocalDate.of(2026, 4, 6);

    @Autowired
    private ProviderSftpServer sftpServer;
    @Autowired
    private CaseStore cases;
    @Autowired
    private ReferenceData reference;

    private final RestClient brightwater = provider("brightwater");
    private final RestClient compass = provider("compass");

    @Test
    void an_invoice_uploaded_by_sftp_is_accepted_answered_in_the_outbox_and_its_lines_reach_finance_once() throws Exception {
        CareLine line = homeCare(registeredClient(), "PRV-001", "HC-FW26-001");
        String number = TestEvents.unique("BW");
        String csv = CSV_HEADER
                + row("PRV-001", number, line.clientId(), APRIL, APRIL.plusDays(27), "40", "26.10", "1044.00")
                + row("PRV-001", number, line.clientId(), APRIL.plusDays(28), APRIL.plusDays(34), "10", "26.10", "261.00");

        String replyText;
        String replyCsv;
        SshClient client = SshClient.setUpDefaultClient();
        client.start();
        try (ClientSession session = client.connect("brightwater", "127.0.0.1", sftpServer.port()).verify(WAIT).getSession()) {
            session.addPasswordIdentity("brightwater-pass");
            session.auth().verify(WAIT);
            try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
                try (OutputStream out = sftp.write("inbox/" + number + ".csv")) {
                    out.write(csv.getBytes(StandardCharsets.UTF_8));
                }
                await().atMost(WAIT).until(() -> exists(sftp, "outbox/" + number + ".csv.result.csv"));
                replyText = read(sftp, "outbox/" + number + ".csv.result.txt");
                replyCsv = read(sftp, "outbox/" + number + ".csv.result.csv");
            }
        } finally {
            client.stop();
        }

        assertThat(replyText).contains("Invoice " + number + " from PRV-001", ": ACCEPTED", "Line 2: accepted", "Line 3: accepted");
        List<String> rows = replyCsv.lines().toList();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).isEqualTo(InvoiceReply.CSV_HEADER);
        String invoiceId = rows.get(1).split(",")[0];
        assertThat(rows.get(1)).startsWith(invoiceId + "," + number + ",2,ACCEPTED,");
        List<Map> actuals = actuals(invoiceId);
        assertThat(actuals).hasSize(2);
        assertThat(actuals).allSatisfy(a -> {
            assertThat(((Map) a.get("actual")).get("cpliId")).isEqualTo(line.cpliId());
            assertThat((String) a.get("importReference")).startsWith(invoiceId + "/");
        });
    }

    @Test
    void a_rest_invoice_is_part_accepted_with_each_rejected_line_given_its_reason_owner_and_fix() {
        CareLine line = homeCare(registeredClient(), "PRV-001", "HC-FW26-001");
        String number = TestEvents.unique("BW");
        String csv = CSV_HEADER
                + row("PRV-001", number, line.clientId(), APRIL, APRIL.plusDays(6), "10", "26.10", "261.00")
                + row("PRV-001", number, line.clientId(), APRIL.plusDays(7), APRIL.plusDays(13), "12", "26.10", "313.20")
                + row("PRV-001", number, line.clientId(), APRIL.plusDays(14), APRIL.plusDays(20), "10", "25.00", "250.00");

        ResponseEntity<Map> answer = submit(brightwater, "PRV-001", csv);

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        Map<String, Object> reply = answer.getBody();
        assertThat(reply.get("outcome")).isEqualTo("PART_ACCEPTED");
        List<Map<String, Object>> lines = (List<Map<String, Object>>) reply.get("lines");
        assertThat(lines).extracting(l -> l.get("outcome")).containsExactly("ACCEPTED", "REJECTED", "REJECTED");
        assertThat(lines.get(1)).containsEntry("reasonCode", "INVOICE_UNITS_ABOVE_COMMISSIONED").containsEntry("ownerTeam", "PROVIDER");
        assertThat((String) lines.get(1).get("explanation")).contains("commissions 10 (10 a week for 1 weeks)");
        assertThat(lines.get(2)).containsEntry("reasonCode", "INVOICE_RATE_DIFFERS").containsEntry("ownerTeam", "PROVIDER");
        assertThat((String) lines.get(2).get("explanation")).contains("25.00", "26.10", line.cpliId());
        assertThat((String) lines.get(2).get("fix")).isNotBlank();
        assertThat(actuals((String) reply.get("invoiceId"))).singleElement()
                .satisfies(a -> assertThat(((Map) a.get("actual")).get("lineId")).isEqualTo("2"));
    }

    @Test
    void with_finance_out_of_reach_the_rest_door_still_answers_and_the_accepted_line_is_paid_once_finance_is_back() {
        CareLine line = homeCare(registeredClient(), "PRV-001", "HC-FW26-001");
        String number = TestEvents.unique("BW");
        String csv = CSV_HEADER + row("PRV-001", number, line.clientId(), APRIL, APRIL.plusDays(6), "10", "26.10", "261.00");

        ResponseEntity<Map> answer;
        financeAvailable(false);
        try {
            answer = submit(brightwater, "PRV-001", csv);
        } finally {
            financeAvailable(true);
        }

        // Answered while finance was down (not after the flow's finance retries, which would park the file).
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getBody()).containsEntry("outcome", "ACCEPTED");
        String invoiceId = (String) answer.getBody().get("invoiceId");
        await().atMost(WAIT).until(() -> actuals(invoiceId).size() == 1);
    }

    @Test
    void the_same_invoice_number_is_refused_from_the_same_provider_and_taken_from_another() {
        CareLine ours = homeCare(registeredClient(), "PRV-001", "HC-FW26-001");
        CareLine theirs = careLine(registeredClient(), "PRV-007", "S117-2025-007", "S117_AFTERCARE", "COMMUNITY_SUPPORT");
        String number = TestEvents.unique("INV");
        String first = CSV_HEADER + row("PRV-001", number, ours.clientId(), APRIL, APRIL.plusDays(6), "10", "26.10", "261.00");
        String sameNumberOtherContent = CSV_HEADER + row("PRV-001", number, ours.clientId(), APRIL.plusDays(7),
                APRIL.plusDays(13), "10", "26.10", "261.00");
        String otherProvider = CSV_HEADER + String.join(",", "PRV-007", number, "2026-05-01", theirs.clientId(), "S117_AFTERCARE",
                "COMMUNITY_SUPPORT", APRIL.toString(), APRIL.plusDays(6).toString(), "10", "25.40", "254.00", "0", "0.00") + "\n";

        ResponseEntity<Map> accepted = submit(brightwater, "PRV-001", first);
        ResponseEntity<Map> resent = submit(brightwater, "PRV-001", first);
        ResponseEntity<Map> renumbered = submit(brightwater, "PRV-001", sameNumberOtherContent);
        ResponseEntity<Map> fromCompass = submit(compass, "PRV-007", otherProvider);

        assertThat(accepted.getBody()).containsEntry("outcome", "ACCEPTED");
        String invoiceId = (String) accepted.getBody().get("invoiceId");
        for (ResponseEntity<Map> duplicate : List.of(resent, renumbered)) {
            assertThat(duplicate.getStatusCode().value()).isEqualTo(422);
            assertThat(duplicate.getBody()).containsEntry("outcome", "REFUSED").containsEntry("reasonCode", "INVOICE_DUPLICATE")
                    .containsEntry("queryReference", invoiceId);
        }
        assertThat(fromCompass.getStatusCode().value()).isEqualTo(200);
        assertThat(fromCompass.getBody()).containsEntry("outcome", "ACCEPTED");
        assertThat(actuals(invoiceId)).hasSize(1);
    }

    @Test
    void care_invoiced_after_the_date_of_death_is_held_for_social_work_and_not_paid() {
        Client client = registeredClient();
        CareLine line = homeCare(client, "PRV-001", "HC-FW26-001");
        Client died = new Client(client.lasPersonId(), client.nhsNumber(), client.title(), client.forename(), client.surname(),
                client.dateOfBirth(), client.address(), client.chargeable(), APRIL.plusDays(3));
        publishAndGetJourney(TestEvents.event(LasEventType.CLIENT_CHANGED, 2, died, null));
        await().atMost(WAIT).until(() -> cases.client(client.lasPersonId()).orElseThrow().value().dateOfDeath() != null);
        String number = TestEvents.unique("BW");

        Map<String, Object> reply = submit(brightwater, "PRV-001",
                CSV_HEADER + row("PRV-001", number, line.clientId(), APRIL, APRIL.plusDays(6), "10", "26.10", "261.00")).getBody();

        assertThat(reply.get("outcome")).isEqualTo("HELD");
        Map<String, Object> held = ((List<Map<String, Object>>) reply.get("lines")).get(0);
        assertThat(held).containsEntry("outcome", "PARKED").containsEntry("reasonCode", "INVOICE_AFTER_DATE_OF_DEATH")
                .containsEntry("ownerTeam", "SOCIAL_WORK");
        assertThat((String) held.get("fix")).contains("The council is dealing with this");
        assertThat(actuals((String) reply.get("invoiceId"))).isEmpty();
        assertThat(parkedFor("INVOICE_AFTER_DATE_OF_DEATH", client.lasPersonId())).singleElement()
                .satisfies(item -> assertThat(item).containsEntry("ownerTeam", "SOCIAL_WORK").containsEntry("careLineId", line.cpliId()));
    }

    @Test
    void a_line_with_no_care_line_is_parked_for_care_navigation_listed_on_the_failure_desk_and_paid_once_retried() {
        Client client = registeredClient();
        String number = TestEvents.unique("BW");

        Map<String, Object> reply = submit(brightwater, "PRV-001",
                CSV_HEADER + row("PRV-001", number, client.lasPersonId(), APRIL, APRIL.plusDays(6), "10", "26.10", "261.00")).getBody();

        assertThat(reply.get("outcome")).isEqualTo("HELD");
        assertThat(((List<Map<String, Object>>) reply.get("lines")).get(0)).containsEntry("outcome", "PARKED")
                .containsEntry("reasonCode", "INVOICE_NO_CARE_LINE").containsEntry("ownerTeam", "CARE_NAVIGATION");
        assertThat(parkedFor("INVOICE_NO_CARE_LINE", client.lasPersonId())).singleElement().satisfies(item -> assertThat(item)
                .containsEntry("ownerTeam", "CARE_NAVIGATION").containsEntry("flow", InvoiceIntake.FLOW)
                .containsEntry("providerRef", "PRV-001").containsEntry("queue", "carehub.invoices.received.parked"));
        String invoiceId = (String) reply.get("invoiceId");
        assertThat(actuals(invoiceId)).isEmpty();

        // Care navigation gets the care line into LAS, then retries the parked line from the failure desk.
        homeCare(client, "PRV-001", "HC-FW26-001");
        String journeyId = (String) parkedFor("INVOICE_NO_CARE_LINE", client.lasPersonId()).get(0).get("journeyId");
        ResponseEntity<Map> retried = as(OPERATOR).post().uri(baseUrl() + "/api/parked/" + journeyId + "/retry")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("why", "care line now in LAS")).retrieve().toEntity(Map.class);

        assertThat(retried.getStatusCode().value()).isEqualTo(200);
        await().atMost(WAIT).until(() -> actuals(invoiceId).size() == 1);
        assertThat(parkedFor("INVOICE_NO_CARE_LINE", client.lasPersonId())).isEmpty();
    }

    @Test
    void an_unreadable_file_is_parked_as_received_and_the_provider_told_how_to_send_it() {
        byte[] pdf = "%PDF-1.7 paper invoice".getBytes(StandardCharsets.ISO_8859_1);

        ResponseEntity<Map> answer = brightwater.post().uri(baseUrl() + "/api/providers/PRV-001/invoices?fileName=scan.pdf")
                .contentType(MediaType.APPLICATION_OCTET_STREAM).body(pdf).retrieve().toEntity(Map.class);

        assertThat(answer.getStatusCode().value()).isEqualTo(422);
        assertThat(answer.getBody()).containsEntry("outcome", "REFUSED").containsEntry("reasonCode", "INVOICE_FORMAT_UNKNOWN");
        assertThat((String) answer.getBody().get("fix")).contains("PEPPOL BIS Billing 3");
        String journeyId = (String) answer.getBody().get("queryReference");
        assertThat(parked("carehub.invoices.received.parked")).anySatisfy(p -> {
            assertThat(p.header("carehubJourneyId")).isEqualTo(journeyId);
            assertThat(p.header("carehubOwnerTeam")).isEqualTo("ACCOUNTS_PAYABLE");
            assertThat(p.header("carehubProviderRef")).isEqualTo("PRV-001");
        });
    }

    @Test
    void a_provider_cannot_submit_as_another_and_nobody_submits_without_signing_in() {
        String csv = CSV_HEADER + row("PRV-002", "X-1", "LAS-X", APRIL, APRIL, "1", "24.50", "24.50");

        assertThat(submit(brightwater, "PRV-002", csv).getStatusCode().value()).isEqualTo(403);
        assertThat(submit(anonymous(), "PRV-002", csv).getStatusCode().value()).isEqualTo(401);
        assertThat(submit(as(VIEWER), "PRV-002", csv).getStatusCode().value()).isEqualTo(403);
    }

    // ---- helpers ------------------------------------------------------------------------------

    private Client registeredClient() {
        Client client = TestEvents.client(TestEvents.unique("LAS"));
        publishAndGetJourney(TestEvents.registered(client));
        await().atMost(WAIT).until(() -> cases.client(client.lasPersonId()).isPresent());
        return client;
    }

    /** A home care line of 10 hours a week of personal care from 1 April 2026, commissioned from the provider. */
    private CareLine homeCare(Client client, String providerRef, String contractRef) {
        return careLine(client, providerRef, contractRef, "HOMECARE", "PERSONAL_CARE");
    }

    /** A care line of 10 units a week of the one element at the rate card's rate, from 1 April 2026. */
    private CareLine careLine(Client client, String providerRef, String contractRef, String serviceCode, String elementCode) {
        LocalDate start = LocalDate.of(2026, 4, 1);
        CareLine line = new CareLine(TestEvents.unique("CPLI"), client.lasPersonId(), serviceCode, providerRef, contractRef,
                start, null, null, List.of(TestEvents.withUnits(new TestEvents(reference).element(serviceCode, elementCode, start),
                BigDecimal.TEN)), null);
        publishAndGetJourney(TestEvents.created(line));
        await().atMost(WAIT).until(() -> cases.careLine(line.cpliId()).isPresent());
        return line;
    }

    private static String row(String provider, String number, String client, LocalDate from, LocalDate to, String units,
                              String rate, String amount) {
        return String.join(",", provider, number, "2026-05-01", client, "HOMECARE", "PERSONAL_CARE", from.toString(),
                to.toString(), units, rate, amount, "0", "0.00") + "\n";
    }

    private ResponseEntity<Map> submit(RestClient client, String providerRef, String csv) {
        return client.post().uri(baseUrl() + "/api/providers/" + providerRef + "/invoices")
                .contentType(MediaType.parseMediaType("text/csv")).body(csv.getBytes(StandardCharsets.UTF_8))
                .retrieve().toEntity(Map.class);
    }

    private void financeAvailable(boolean up) {
        assertThat(anonymous().post().uri(baseUrl() + "/simulators/contrOCC/availability").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("up", up)).retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(200);
    }

    private List<Map> actuals(String invoiceId) {
        return List.of(anonymous().get().uri(baseUrl() + "/simulators/contrOCC/actuals?invoiceId=" + invoiceId)
                .retrieve().body(Map[].class));
    }

    private List<Map<String, Object>> parkedFor(String reason, String clientId) {
        Map<String, Object> page = as(VIEWER).get().uri(baseUrl() + "/api/parked?reason=" + reason + "&size=200")
                .retrieve().body(Map.class);
        return ((List<Map<String, Object>>) page.get("items")).stream().filter(i -> clientId.equals(i.get("clientId"))).toList();
    }

    private static RestClient provider(String username) {
        return RestClient.builder().defaultHeaders(h -> h.setBasicAuth(username, username + "-pass"))
                .defaultStatusHandler(status -> true, (request, response) -> { }).build();
    }

    private static boolean exists(SftpClient sftp, String path) {
        try {
            sftp.stat(path);
            return true;
        } catch (IOException notThere) {
            return false;
        }
    }

    private static String read(SftpClient sftp, String path) throws IOException {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        try (InputStream in = sftp.read(path)) {
            in.transferTo(content);
        }
        return content.toString(StandardCharsets.UTF_8);
    }
}
