package org.carehub.failures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import javax.management.ObjectName;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.carehub.HubTest;
import org.carehub.cases.CareLine;
import org.carehub.cases.Client;
import org.carehub.cases.TestEvents;
import org.carehub.channels.EmbeddedMailProperties;
import org.carehub.reference.OwnerTeam;
import org.carehub.reference.ReferenceData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/**
 * The backlog end to end: bad LAS events published over REST are parked by the real flow, then counted
 * over REST, in the CSV and over JMX; the digest goes out over SMTP to the embedded mail server and each
 * owner team's mail is read back over IMAP as staff would.
 * Other test classes of the same run may have left messages parked, so counts are compared with a
 * baseline taken before parking, and mails with what the parked queues hold.
 */
@TestPropertySource(properties = {
        "carehub.digest.cron=-", // only the test's request sends a digest
        "carehub.backlog.oldest-items=500"}) // every parked item in the CSV, so the formula values are in it
class BacklogTest extends HubTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final LocalDate START = LocalDate.now().minusDays(7);
    private static final String FORMULA_PROVIDER = "=cmd|' /C calc'!A0";
    private static final String FORMULA_CLIENT = "+HYPERLINK(\"http://x.test\")";

    @Autowired
    ReferenceData reference;

    @Autowired
    ParkedQueues parkedQueues;

    @Autowired
    EmbeddedMailProperties mail;

    TestEvents events;

    @BeforeEach
    void testEvents() {
        events = new TestEvents(reference);
    }

    @Test
    void the_backlog_counts_what_was_parked_by_reason_owner_team_and_age_over_rest_csv_and_jmx() throws Exception {
        Map<String, Long> before = restCounts();

        List<String> parked = parkOneOfEach();

        Map<String, Long> expected = new HashMap<>(before);
        expected.merge("CLIENT_NOT_REGISTERED|SOCIAL_WORK|TODAY", 2L, Long::sum);
        expected.merge("INVALID_NHS_NUMBER|SOCIAL_WORK|TODAY", 1L, Long::sum);
        expected.merge("UNKNOWN_PROVIDER|CARE_NAVIGATION|TODAY", 1L, Long::sum);
        Map<String, Object> view = backlogJson();
        assertThat(counts(view)).isEqualTo(expected);
        long total = ((Number) view.get("totalParked")).longValue();
        assertThat(total).isEqualTo(expected.values().stream().mapToLong(Long::longValue).sum());
        List<Map<String, Object>> oldest = (List<Map<String, Object>>) view.get("oldest");
        assertThat(oldest).extracting(i -> (String) i.get("journeyId")).containsAll(parked);
        assertThat(oldest).extracting(i -> (String) i.get("firstFailedAt")).isSorted();

        List<CSVRecord> csv = backlogCsv();
        assertThat(csv.stream().filter(r -> r.get("record").equals("count"))
                .collect(Collectors.toMap(r -> r.get("reasonCode") + "|" + r.get("ownerTeam") + "|" + r.get("ageBucket"),
                        r -> Long.parseLong(r.get("count"))))).isEqualTo(expected);
        assertThat(csv.stream().filter(r -> r.get("record").equals("oldest"))).hasSize((int) total);
        CSVRecord formulaProvider = csv.stream().filter(r -> r.get("record").equals("oldest")
                && r.get("reasonCode").equals("UNKNOWN_PROVIDER") && parked.contains(r.get("journeyId")))
                .findFirst().orElseThrow();
        assertThat(formulaProvider.get("providerRef")).isEqualTo("'" + FORMULA_PROVIDER);
        assertThat(formulaProvider.get("value")).isEqualTo("'" + FORMULA_PROVIDER);
        assertThat(csv).filteredOn(r -> r.get("clientId").endsWith(FORMULA_CLIENT)).isNotEmpty().allSatisfy(r -> assertThat(r.get("clientId")).isEqualTo("'" + FORMULA_CLIENT));

        ObjectName name = hubMBean(BacklogJmx.TYPE);
        var jmx = ManagementFactory.getPlatformMBeanServer();
        assertThat(((Number) jmx.getAttribute(name, "TotalParked")).longValue()).isEqualTo(total);
        assertThat((String[]) jmx.getAttribute(name, "Counts")).containsExactlyInAnyOrderElementsOf(
                expected.entrySet().stream().map(e -> e.getKey().replace("|", " | ") + " | " + e.getValue()).toList());
        assertThat((String[]) jmx.getAttribute(name, "OldestItems")).hasSize((int) total)
                .anySatisfy(line -> assertThat(line).contains(parked.get(0)).contains("CLIENT_NOT_REGISTERED"));
    }

    @Test
    void the_csv_comes_as_a_named_csv_download() {
        ResponseEntity<String> csv = as(VIEWER).get().uri(baseUrl() + "/api/backlog.csv").retrieve().toEntity(String.class);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getHeaders().getContentDisposition().getFilename()).startsWith("carehub-backlog-").endsWith(".csv");
    }

    @Test
    void each_owner_team_with_parked_items_gets_one_mail_listing_them_with_their_fixes() throws Exception {
        List<String> mine = parkOneOfEach();
        List<ParkedItem> all = parkedQueues.list(ParkedFilter.ALL);
        Map<String, List<ParkedItem>> byTeam = all.stream().collect(Collectors.groupingBy(ParkedItem::ownerTeam));

        Map<String, Object> result = as(OPERATOR).post().uri(baseUrl() + "/api/backlog/digest").retrieve().body(Map.class);

        assertThat(result).containsEntry("teamsMailed", byTeam.size()).containsEntry("items", all.size())
                .containsEntry("teamsFailed", List.of());
        for (Map.Entry<String, List<ParkedItem>> team : byTeam.entrySet()) {
            OwnerTeam owner = reference.ownerTeam(team.getKey()).orElseThrow();
            List<Message> mails = awaitMail(owner.mailbox());
            assertThat(mails).as("mails to " + owner.mailbox()).hasSize(1);
            Message mail = mails.get(0);
            int count = team.getValue().size();
            assertThat(mail.getSubject()).isEqualTo("carehub: " + count + (count == 1 ? " parked item needs " : " parked items need ")
                    + owner.name());
            String body = (String) mail.getContent();
            assertThat(journeysIn(body)).as("journeys in the mail to " + owner.code())
                    .isEqualTo(team.getValue().stream().map(ParkedItem::journeyId).collect(Collectors.toSet()));
            for (ParkedItem item : team.getValue()) {
                assertThat(body).contains(item.reasonTitle()).contains("Fix: " + item.fix())
                        .contains("What is wrong: " + item.explanation());
            }
        }
        assertThat(byTeam.values().stream().flatMap(List::stream).map(ParkedItem::journeyId)).containsAll(mine);
        assertThat(byTeam).containsKeys("SOCIAL_WORK", "CARE_NAVIGATION");
        String socialWork = (String) awaitMail(reference.ownerTeam("SOCIAL_WORK").orElseThrow().mailbox()).get(0).getContent();
        assertThat(socialWork).contains("Fix: " + reference.reason("CLIENT_NOT_REGISTERED").fix());

        // Nothing is ever parked for accounts payable by these flows: no mail for them.
        assertThat(byTeam).doesNotContainKey("ACCOUNTS_PAYABLE");
        assertThat(inbox(reference.ownerTeam("ACCOUNTS_PAYABLE").orElseThrow().mailbox())).isEmpty();
    }

    // ---- helpers

    /**
     * Parks two care lines for clients LAS never registered (one with a client id a spreadsheet would run),
     * a client with an invalid NHS number, and a care line naming a provider that is a spreadsheet formula.
     */
    private List<String> parkOneOfEach() {
        List<String> journeys = new ArrayList<>();
        journeys.add(publishAndGetJourney(TestEvents.created(
                events.goodCareLine(TestEvents.unique("LAS"), "HOMECARE", START))));
        journeys.add(publishAndGetJourney(TestEvents.created(
                events.goodCareLine(FORMULA_CLIENT, "HOMECARE", START))));
        Client c = TestEvents.client(TestEvents.unique("LAS"));
        journeys.add(publishAndGetJourney(TestEvents.registered(new Client(c.lasPersonId(), "9434765918", c.title(),
                c.forename(), c.surname(), c.dateOfBirth(), c.address(), c.chargeable(), null))));
        Client registered = TestEvents.client(TestEvents.unique("LAS"));
        publishAndGetJourney(TestEvents.registered(registered));
        CareLine formula = TestEvents.withProvider(events.goodCareLine(registered.lasPersonId(), "HOMECARE", START),
                FORMULA_PROVIDER);
        journeys.add(publishAndGetJourney(TestEvents.created(formula)));
        await().atMost(WAIT).until(() -> journeys.stream().allMatch(j -> !parkedJourney(j).isEmpty()));
        return journeys;
    }

    private Map<String, Object> backlogJson() {
        return as(VIEWER).get().uri(baseUrl() + "/api/backlog").retrieve().body(Map.class);
    }

    private Map<String, Long> restCounts() {
        return counts(backlogJson());
    }

    private static Map<String, Long> counts(Map<String, Object> view) {
        return ((List<Map<String, Object>>) view.get("counts")).stream().collect(Collectors.toMap(
                c -> c.get("reasonCode") + "|" + c.get("ownerTeam") + "|" + c.get("ageBucket"),
                c -> ((Number) c.get("count")).longValue()));
    }

    private List<CSVRecord> backlogCsv() throws IOException {
        String text = as(VIEWER).get().uri(baseUrl() + "/api/backlog.csv").retrieve().body(String.class);
        return CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(text)).getRecords();
    }

    private static Set<String> journeysIn(String body) {
        Matcher m = Pattern.compile("(?m)^\\s+Journey: (\\S+)$").matcher(body);
        Set<String> found = new HashSet<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private List<Message> awaitMail(String mailbox) {
        return await().atMost(WAIT).until(() -> inbox(mailbox), mails -> !mails.isEmpty());
    }

    /** The team's inbox over IMAP, logged in as staff would: mailbox address and the embedded server's password. */
    private List<Message> inbox(String mailbox) throws MessagingException, IOException {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect(mail.host(), mail.imapPort(), mailbox, mail.password());
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<Message> messages = new ArrayList<>();
            for (Message message : inbox.getMessages()) {
                messages.add(new MimeMessage((MimeMessage) message));
            }
            inbox.close(false);
            return messages;
        } finally {
            store.close();
        }
    }
}
