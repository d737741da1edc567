package org.carehub.deaths;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.carehub.HubTest;
import org.carehub.cases.Address;
import org.carehub.cases.CareLine;
import org.carehub.cases.CaseStore;
import org.carehub.cases.Client;
import org.carehub.cases.DeathRecorded;
import org.carehub.cases.LasEvent;
import org.carehub.cases.LasEventType;
import org.carehub.cases.TestEvents;
import org.carehub.failures.ParkedHeaders;
import org.carehub.reference.ReferenceData;
import org.carehub.schedules.RunRecord;
import org.carehub.schedules.ScheduledRuns;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * The date-of-death feed end to end: clients, care lines and invoices arrive over the hub's real channels, the feed
 * file is dropped into the deaths folder, and finance (the ContrOCC simulator), LAS's task list (the LAS simulator),
 * the parked queues and the REST lists are looked at from outside.
 */
class DeathFeedTest extends HubTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String NOTIFICATIONS_PARKED = "carehub.deaths.notifications.parked";
    private static final String LINE_CHECKS_PARKED = "carehub.deaths.line-checks.parked";
    private static final String FEED_HEADER = "nhs_number,forename,surname,date_of_birth,date_of_death,source,reference\n";
    private static final String INVOICE_HEADER =
            "provider,invoice_number,invoice_date,client,service,element,period_from,period_to,units,unit_rate,amount,vat_rate,vat_amount\n";
    private static final LocalDate BORN = LocalDate.of(1938, 4, 2);
    private static final LocalDate DIED = LocalDate.of(2026, 4, 20);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Autowired
    private CaseStore cases;
    @Autowired
    private ReferenceData reference;
    @Autowired
    private ScheduledRuns runs;

    @Test
    void a_notified_death_ends_the_care_lines_lists_the_overpayments_tasks_social_work_and_resolves_when_LAS_records_it()
            throws Exception {
        Client client = registeredClient(TestEvents.unique("Hughes"));
        CareLine line = homeCare(client);
        paidFor(client, "46", "2026-04-06", "2026-05-03", "40", "1044.00", "2026-05-04", "2026-05-10", "10", "261.00");
        String reference = TestEvents.unique("R");

        drop("deaths-week-47.csv", FEED_HEADER
                + "not-a-number,Ann,Smith,1940-01-01,2026-04-20,REGISTRAR," + TestEvents.unique("R") + "\n"
                + feedRow(client, reference));

        // Finance: the date of death recorded, the open-ended care line ended at it.
        await().atMost(WAIT).until(() -> DIED.toString().equals(financeLine(line.cpliId()).get("endDate")));
        assertThat(financeLine(line.cpliId())).containsEntry("endReason", "Client died");
        assertThat(financeClient(client.lasPersonId())).containsEntry("dateOfDeath", DIED.toString());
        // LAS: one task for social work; the notification parked for them until LAS records the death.
        await().atMost(WAIT).until(() -> parkedNotification(reference).size() == 1);
        Parked parked = parkedNotification(reference).get(0);
        assertThat(parked.header(ParkedHeaders.REASON_CODE)).isEqualTo("DEATH_NOT_RECORDED_IN_LAS");
        assertThat(parked.header(ParkedHeaders.OWNER_TEAM)).isEqualTo("SOCIAL_WORK");
        assertThat(parked.header(ParkedHeaders.EXPLANATION)).contains("client " + client.lasPersonId(), "on 2026-04-20");
        assertThat(lasTasks(client.lasPersonId())).singleElement().satisfies(task -> {
            assertThat(task).containsEntry("team", "SOCIAL_WORK").containsEntry("dateOfDeath", "2026-04-20");
            assertThat((String) task.get("text")).contains("Record the death of");
        });
        // Overpayments, worked by hand: 6 April–3 May is 28 days, 13 of them after 20 April: 1,044.00 × 13/28 = 484.71;
        // 4–10 May is wholly after: 261.00. Total 745.71.
        Map<String, Object> list = as(VIEWER).get().uri(baseUrl() + "/api/deaths/overpayments?clientId=" + client.lasPersonId())
                .retrieve().body(Map.class);
        assertThat(new BigDecimal(list.get("totalOverpaid").toString())).isEqualByComparingTo("745.71");
        assertThat((List<Map<String, Object>>) list.get("overpayments")).extracting(
                o -> o.get("periodFrom") + " " + o.get("daysAfterDeath") + "/" + o.get("daysInPeriod") + " " + o.get("overpaid"))
                .containsExactly("2026-04-06 13/28 484.71", "2026-05-04 7/7 261.0");
        String csv = as(VIEWER).get().uri(baseUrl() + "/api/deaths/overpayments.csv?clientId=" + client.lasPersonId())
                .retrieve().body(String.class);
        assertThat(csv.lines()).hasSize(3).anySatisfy(row -> assertThat(row).endsWith(",13,1044.00,484.71"));
        // The malformed row is parked with its line; the file is kept.
        assertThat(parked(NOTIFICATIONS_PARKED)).anySatisfy(p -> {
            assertThat(p.header(ParkedHeaders.REASON_CODE)).isEqualTo("MALFORMED_CSV_ROW");
            assertThat(p.header(ParkedHeaders.EXPLANATION)).startsWith("Line 2 of file deaths-week-47.csv cannot be read: nhs_number");
        });
        await().atMost(WAIT).until(() -> kept("deaths-week-47").size() == 1);

        // The same notification again, in another file: nothing new anywhere.
        drop("deaths-week-47-resent.csv", FEED_HEADER + feedRow(client, reference));
        await().atMost(WAIT).until(() -> kept("deaths-week-47-resent").size() == 1);
        assertThat(parkedNotification(reference)).hasSize(1);
        assertThat(lasTasks(client.lasPersonId())).hasSize(1);
        assertThat((List<?>) as(VIEWER).get().uri(baseUrl() + "/api/deaths/overpayments?clientId=" + client.lasPersonId())
                .retrieve().body(Map.class).get("overpayments")).hasSize(2);

        // LAS records the death: the parked notification is retried, finds it, and is applied.
        publishAndGetJourney(new LasEvent(TestEvents.unique("EV"), 1, LasEventType.DATE_OF_DEATH_RECORDED, OffsetDateTime.now(),
                null, null, new DeathRecorded(client.lasPersonId(), DIED), null));
        await().atMost(WAIT).until(() -> parkedNotification(reference).isEmpty());
        await().atMost(WAIT).until(() -> "APPLIED".equals(notification("REGISTRAR:" + reference).get("outcome")));
        assertThat(journeyStatus((String) notification("REGISTRAR:" + reference).get("journeyId"))).isEqualTo("DELIVERED");
        assertThat(lasTasks(client.lasPersonId())).hasSize(1);
    }

    @Test
    void a_match_on_name_and_date_of_birth_alone_is_parked_for_social_work_and_never_applied() throws Exception {
        String surname = TestEvents.unique("Price");
        Client client = registeredClient(surname);
        CareLine line = homeCare(client);
        String reference = TestEvents.unique("R");
        String unmatched = TestEvents.unique("R");

        drop("deaths-name-only.csv", FEED_HEADER
                + ",Joan," + surname + "," + BORN + "," + DIED + ",REGISTRAR," + reference + "\n"
                + nhsNumber() + ",Nobody," + TestEvents.unique("Known") + ",1950-01-01," + DIED + ",REGISTRAR," + unmatched + "\n");

        await().atMost(WAIT).until(() -> parkedNotification(reference).size() == 1);
        Parked parked = parkedNotification(reference).get(0);
        assertThat(parked.header(ParkedHeaders.REASON_CODE)).isEqualTo("DEATH_TO_CONFIRM");
        assertThat(parked.header(ParkedHeaders.OWNER_TEAM)).isEqualTo("SOCIAL_WORK");
        assertThat(parked.header(ParkedHeaders.EXPLANATION)).contains("LAS client(s) " + client.lasPersonId());
        await().atMost(WAIT).until(() -> "NOT_MATCHED".equals(notification("REGISTRAR:" + unmatched).get("outcome")));
        assertThat(notification("REGISTRAR:" + reference)).containsEntry("outcome", "TO_CONFIRM");
        assertThat(financeLine(line.cpliId()).get("endDate")).isNull();
        assertThat(financeClient(client.lasPersonId()).get("dateOfDeath")).isNull();
        assertThat(lasTasks(client.lasPersonId())).isEmpty();
        Map<String, Object> counts = (Map<String, Object>) as(VIEWER).get().uri(baseUrl() + "/api/deaths/notifications")
                .retrieve().body(Map.class).get("counts");
        assertThat(((Number) counts.get("NOT_MATCHED")).intValue()).isPositive();

        // Social work confirms it is their client: an operator resubmits it with the client's NHS number; now it applies.
        Map<String, Object> resubmitted = as(OPERATOR).post()
                .uri(baseUrl() + "/api/parked/" + parked.header(ParkedHeaders.JOURNEY_ID) + "/resubmit")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("field", "/nhsNumber", "value", client.nhsNumber(), "why", "social work confirmed the client"))
                .retrieve().body(Map.class);
        assertThat(resubmitted).containsEntry("after", client.nhsNumber());
        await().atMost(WAIT).until(() -> DIED.toString().equals(financeLine(line.cpliId()).get("endDate")));
        await().atMost(WAIT).until(() -> "AWAITING_LAS".equals(notification("REGISTRAR:" + reference).get("outcome")));
    }

    @Test
    void the_backstop_flags_a_line_still_running_after_a_death_LAS_recorded_once_however_often_it_runs() {
        Client client = registeredClient(TestEvents.unique("Owen"));
        CareLine line = homeCare(client);
        // LAS records the death; the line stays open in finance (nobody ended it): what the backstop is for.
        publishAndGetJourney(new LasEvent(TestEvents.unique("EV"), 1, LasEventType.DATE_OF_DEATH_RECORDED, OffsetDateTime.now(),
                null, null, new DeathRecorded(client.lasPersonId(), DIED), null));
        await().atMost(WAIT).until(() -> cases.client(client.lasPersonId()).orElseThrow().value().dateOfDeath() != null);
        String today = LocalDate.now().toString();

        RunRecord first = runs.run(DeathBackstop.NAME, today, "test");
        await().atMost(WAIT).until(() -> parkedLine(line.cpliId()).size() == 1);
        RunRecord again = runs.run(DeathBackstop.NAME, today, "test");

        assertThat(first.counts()).containsKey("lines flagged");
        assertThat(again.counts()).doesNotContainKey("lines flagged").containsKey("lines already flagged");
        Parked parked = parkedLine(line.cpliId()).get(0);
        assertThat(parked.header(ParkedHeaders.REASON_CODE)).isEqualTo("DEATH_LINE_STILL_RUNNING");
        assertThat(parked.header(ParkedHeaders.OWNER_TEAM)).isEqualTo("FINANCE_SYSTEMS");
        assertThat(parked.header(ParkedHeaders.CLIENT_ID)).isEqualTo(client.lasPersonId());
        assertThat(parked.header(ParkedHeaders.EXPLANATION)).contains("runs in ContrOCC to no end date",
                "recorded date of death 2026-04-20");
        assertThat(parkedLine(line.cpliId())).hasSize(1);
    }

    // ---- helpers ------------------------------------------------------------------------------

    private Client registeredClient(String surname) {
        Client client = new Client(TestEvents.unique("LAS"), nhsNumber(), "Mrs", "Joan", surname, BORN,
                new Address("12 Mill Street", null, "Croydon", "CR0 1AB"), true, null);
        publishAndGetJourney(TestEvents.registered(client));
        await().atMost(WAIT).until(() -> cases.client(client.lasPersonId()).isPresent());
        return client;
    }

    /** An open-ended home care line of 10 hours a week of personal care from 1 April 2026, from Brightwater (PRV-001). */
    private CareLine homeCare(Client client) {
        LocalDate start = LocalDate.of(2026, 4, 1);
        CareLine line = new CareLine(TestEvents.unique("CPLI"), client.lasPersonId(), "HOMECARE", "PRV-001", "HC-FW26-001",
                start, null, null, List.of(TestEvents.withUnits(new TestEvents(reference).element("HOMECARE", "PERSONAL_CARE",
                start), BigDecimal.TEN)), null);
        publishAndGetJourney(TestEvents.created(line));
        await().atMost(WAIT).until(() -> financeLines(line.cpliId()).size() == 1);
        return line;
    }

    /** Brightwater invoices two periods of the client's care (from, to, units, amount each) and finance pays both. */
    private void paidFor(Client client, String suffix, String from1, String to1, String units1, String amount1,
                         String from2, String to2, String units2, String amount2) {
        String number = TestEvents.unique("BW" + suffix);
        String csv = INVOICE_HEADER + invoiceRow(number, client, from1, to1, units1, amount1)
                + invoiceRow(number, client, from2, to2, units2, amount2);
        RestClient brightwater = RestClient.builder().defaultHeaders(h -> h.setBasicAuth("brightwater", "brightwater-pass"))
                .defaultStatusHandler(status -> true, (request, response) -> { }).build();
        Map<String, Object> answer = brightwater.post().uri(baseUrl() + "/api/providers/PRV-001/invoices")
                .contentType(MediaType.parseMediaType("text/csv")).body(csv.getBytes(StandardCharsets.UTF_8))
                .retrieve().body(Map.class);
        assertThat(answer).containsEntry("outcome", "ACCEPTED");
        await().atMost(WAIT).until(() -> anonymous().get().uri(baseUrl() + "/simulators/contrOCC/deaths/"
                + client.lasPersonId() + "/actuals?after=2026-01-01").retrieve().body(List.class).size() == 2);
    }

    private static String invoiceRow(String number, Client client, String from, String to, String units, String amount) {
        return String.join(",", "PRV-001", number, "2026-05-11", client.lasPersonId(), "HOMECARE", "PERSONAL_CARE", from, to,
                units, "26.10", amount, "0", "0.00") + "\n";
    }

    private static String feedRow(Client client, String reference) {
        return client.nhsNumber() + "," + client.forename() + "," + client.surname() + "," + BORN + "," + DIED
                + ",REGISTRAR," + reference + "\n";
    }

    /** A valid NHS number no other test uses: nine random digits and their Modulus 11 check digit. */
    static String nhsNumber() {
        while (true) {
            StringBuilder digits = new StringBuilder();
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                int d = RANDOM.nextInt(10);
                digits.append(d);
                sum += d * (10 - i);
            }
            int check = (11 - sum % 11) % 11;
            if (check != 10) {
                return digits.append(check).toString();
            }
        }
    }

    /** Writes the feed file under a temporary name and renames it, as a sender's complete upload arrives. */
    private void drop(String fileName, String content) throws IOException {
        Path folder = Files.createDirectories(dataDir().resolve("inbox/deaths"));
        Path partial = folder.resolve(fileName + ".part");
        Files.writeString(partial, content, StandardCharsets.UTF_8);
        Files.move(partial, folder.resolve(fileName), StandardCopyOption.ATOMIC_MOVE);
    }

    private List<Path> kept(String fileNamePrefix) throws IOException {
        Path done = dataDir().resolve("inbox/deaths/done");
        if (!Files.isDirectory(done)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(done)) {
            return files.filter(f -> f.getFileName().toString().matches(fileNamePrefix + "-\\d{9}\\.csv")).toList();
        }
    }

    private List<Parked> parkedNotification(String reference) {
        return parked(NOTIFICATIONS_PARKED).stream().filter(p -> p.body() != null && p.body().contains("\"" + reference + "\""))
                .toList();
    }

    private List<Parked> parkedLine(String cpliId) {
        return parked(LINE_CHECKS_PARKED).stream().filter(p -> cpliId.equals(p.header(ParkedHeaders.CARE_LINE_ID))).toList();
    }

    private Map<String, Object> notification(String key) {
        List<Map<String, Object>> latest = (List<Map<String, Object>>) as(VIEWER).get()
                .uri(baseUrl() + "/api/deaths/notifications").retrieve().body(Map.class).get("latest");
        return latest.stream().filter(n -> key.equals(n.get("key"))).findFirst().orElse(Map.of());
    }

    private String journeyStatus(String journeyId) {
        Map<?, ?> journey = as(VIEWER).get().uri(baseUrl() + "/api/journeys/" + journeyId).retrieve().body(Map.class);
        return (String) journey.get("status");
    }

    private List<Map<String, Object>> lasTasks(String personRef) {
        return anonymous().get().uri(baseUrl() + "/simulators/las/tasks?personRef=" + personRef).retrieve().body(List.class);
    }

    private List<Map<String, Object>> financeLines(String cpliId) {
        return anonymous().get().uri(baseUrl() + "/simulators/contrOCC/service-lines?cpliId=" + cpliId).retrieve().body(List.class);
    }

    private Map<String, Object> financeLine(String cpliId) {
        return (Map<String, Object>) financeLines(cpliId).get(0).get("line");
    }

    private Map<String, Object> financeClient(String personRef) {
        return anonymous().get().uri(baseUrl() + "/simulators/contrOCC/clients/" + personRef).retrieve().body(Map.class);
    }
}
