package org.carehub.failures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.carehub.HubTest;
import org.carehub.cases.CareLine;
import org.carehub.cases.Client;
import org.carehub.cases.TestEvents;
import org.carehub.reference.ReferenceData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * The failure desk end to end on the whole hub: parked LAS care lines listed, explained, retried (one,
 * selected, all of a reason), edited and resubmitted, discarded — over REST as the operator and over the
 * JMX MBean — each reaching finance once its cause is fixed, and every action in the audit.
 */
class FailureDeskTest extends HubTest {

    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final LocalDate START = LocalDate.now().minusDays(3);

    @Autowired
    ReferenceData reference;

    private TestEvents events;
    private final RestClient operator = as(OPERATOR);
    private final RestClient viewer = as(VIEWER);

    @BeforeEach
    void testEvents() {
        events = new TestEvents(reference);
    }

    @Test
    void parked_messages_are_listed_with_filters_and_pages_and_explained_one_by_one() {
        Client client = registeredClient();
        String unknownProvider = TestEvents.unique("PRV-NOPE");
        List<String> journeys = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            journeys.add(parkLine(TestEvents.withProvider(goodLine(client), unknownProvider)));
        }
        Client unregistered = TestEvents.client(TestEvents.unique("LAS"));
        String notRegistered = parkLine(goodLine(unregistered));

        Map<String, Object> byProvider = list("provider=" + unknownProvider);
        assertThat(byProvider.get("total")).isEqualTo(3);
        assertThat(items(byProvider)).extracting(i -> i.get("journeyId")).containsExactlyInAnyOrderElementsOf(journeys);
        assertThat(items(byProvider)).allSatisfy(i -> {
            assertThat(i.get("reasonCode")).isEqualTo("UNKNOWN_PROVIDER");
            assertThat(i.get("ownerTeam")).isEqualTo("CARE_NAVIGATION");
            assertThat(i.get("clientId")).isEqualTo(client.lasPersonId());
        });
        assertThat(list("client=" + client.lasPersonId() + "&reason=UNKNOWN_PROVIDER&owner=CARE_NAVIGATION&flow=las-events")
                .get("total")).isEqualTo(3);
        assertThat(list("client=" + client.lasPersonId() + "&owner=SOCIAL_WORK").get("total")).isEqualTo(0);
        assertThat(items(list("client=" + unregistered.lasPersonId())))
                .singleElement().satisfies(i -> assertThat(i.get("reasonCode")).isEqualTo("CLIENT_NOT_REGISTERED"));
        assertThat(list("provider=" + unknownProvider + "&maxAgeDays=0").get("total")).isEqualTo(3);
        assertThat(list("provider=" + unknownProvider + "&minAgeDays=1").get("total")).isEqualTo(0);

        Map<String, Object> secondPage = list("provider=" + unknownProvider + "&size=2&page=1");
        assertThat(secondPage).containsEntry("total", 3).containsEntry("page", 1).containsEntry("size", 2);
        assertThat(items(secondPage)).hasSize(1);
        assertThat(items(list("provider=" + unknownProvider + "&size=2&page=0"))).hasSize(2);
        ResponseEntity<Map> badSize = viewer.get().uri(baseUrl() + "/api/parked?size=0").retrieve().toEntity(Map.class);
        assertThat(badSize.getStatusCode().value()).isEqualTo(400);
        assertThat(badSize.getBody()).containsEntry("field", "size");

        Map<String, Object> explained = viewer.get().uri(baseUrl() + "/api/parked/" + notRegistered).retrieve().body(Map.class);
        Map<String, Object> item = (Map<String, Object>) explained.get("item");
        assertThat(item.get("reasonCode")).isEqualTo("CLIENT_NOT_REGISTERED");
        assertThat(item.get("ownerTeam")).isEqualTo("SOCIAL_WORK");
        assertThat(item.get("field")).isEqualTo("careLine.clientId");
        assertThat(item.get("value")).isEqualTo(unregistered.lasPersonId());
        assertThat((String) item.get("fix")).isNotBlank();
        assertThat((String) item.get("explanation")).contains(unregistered.lasPersonId());
        assertThat((String) explained.get("payload")).contains(unregistered.lasPersonId());
        assertThat((Map<String, Object>) explained.get("headers")).containsEntry(ParkedHeaders.REASON_CODE, "CLIENT_NOT_REGISTERED");
        assertThat(steps(explained.get("journey"))).contains("received", "queued", "parked");
        assertThat(viewer.get().uri(baseUrl() + "/api/parked/no-such-journey").retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void a_retried_care_line_reaches_finance_once_its_client_is_registered_and_the_retry_is_audited() {
        Client client = TestEvents.client(TestEvents.unique("LAS"));
        CareLine line = goodLine(client);
        String journey = parkLine(line);
        register(client);

        ResponseEntity<Map> answer = operator.post().uri(baseUrl() + "/api/parked/" + journey + "/retry")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("why", "client now registered")).retrieve()
                .toEntity(Map.class);

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getBody()).containsEntry("requested", 1).containsEntry("done", 1);
        await().atMost(WAIT).until(() -> financeLines(line.cpliId()) == 1);
        await().atMost(WAIT).until(() -> "DELIVERED".equals(journey(journey).get("status")));
        assertThat(steps(journey(journey))).containsSubsequence("parked", "retried", "checked", "delivered to finance");
        assertThat(parkedJourney(journey)).isEmpty();
        assertThat(audit(journey)).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("operator", "operator").containsEntry("action", "retry")
                .containsEntry("why", "client now registered").containsEntry("outcome", "RETRIED")
                .containsEntry("queue", LAS_PARKED_QUEUE).containsEntry("reasonCode", "CLIENT_NOT_REGISTERED"));

        ResponseEntity<Map> again = operator.post().uri(baseUrl() + "/api/parked/" + journey + "/retry").retrieve()
                .toEntity(Map.class);
        assertThat(again.getStatusCode().value()).isEqualTo(404);
        assertThat((List<Object>) again.getBody().get("notFound")).containsExactly(journey);
        assertThat(audit(journey).get(0)).containsEntry("outcome", "NOT_FOUND: not parked");
    }

    @Test
    void a_bulk_retry_of_twenty_selected_care_lines_sends_exactly_twenty_to_finance() {
        Client client = TestEvents.client(TestEvents.unique("LAS"));
        List<CareLine> lines = weeklyLines(client, 20);
        List<String> journeys = new ArrayList<>();
        lines.forEach(l -> journeys.add(publishAndGetJourney(TestEvents.created(l))));
        await().atMost(WAIT).until(() -> journeys.stream().allMatch(j -> !parkedJourney(j).isEmpty()));
        register(client);
        List<String> asked = new ArrayList<>(journeys);
        asked.add("not-a-parked-journey");

        Map<String, Object> result = operator.post().uri(baseUrl() + "/api/parked/retry").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("journeyIds", asked, "why", "client registered late")).retrieve().body(Map.class);

        assertThat(result).containsEntry("requested", 21).containsEntry("done", 20).containsEntry("failed", List.of());
        assertThat((List<Object>) result.get("notFound")).containsExactly("not-a-parked-journey");
        await().atMost(WAIT).until(() -> journeys.stream().allMatch(j -> "DELIVERED".equals(journey(j).get("status"))));
        assertThat(lines).allSatisfy(l -> assertThat(financeLines(l.cpliId())).isEqualTo(1));
        assertThat(journeys).allSatisfy(j -> assertThat(audit(j)).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("outcome", "RETRIED").containsEntry("operator", "operator")));
        assertThat(auditRows("operator=operator")).anySatisfy(row -> assertThat(row)
                .containsEntry("action", "retry-selected").containsEntry("why", "client registered late")
                .containsEntry("outcome", "requested 21, retried 20, not parked 1, failed 0"));
    }

    @Test
    void retry_all_of_a_reason_sends_back_exactly_the_messages_parked_with_it() {
        Client client = TestEvents.client(TestEvents.unique("LAS"));
        List<CareLine> lines = weeklyLines(client, 5);
        List<String> journeys = lines.stream().map(this::parkLine).toList();
        register(client);
        int parkedWithReason = (Integer) list("reason=CLIENT_NOT_REGISTERED&size=500").get("total");

        Map<String, Object> result = operator.post().uri(baseUrl() + "/api/parked/retry-all").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("reasonCode", "CLIENT_NOT_REGISTERED", "ownerTeam", "SOCIAL_WORK", "why", "clients registered"))
                .retrieve().body(Map.class);

        assertThat(result).containsEntry("requested", parkedWithReason).containsEntry("done", parkedWithReason)
                .containsEntry("notFound", List.of()).containsEntry("failed", List.of());
        await().atMost(WAIT).until(() -> lines.stream().allMatch(l -> financeLines(l.cpliId()) == 1));
        assertThat(journeys).allSatisfy(j -> assertThat(audit(j).get(0)).containsEntry("outcome", "RETRIED"));

        ResponseEntity<Map> noReason = operator.post().uri(baseUrl() + "/api/parked/retry-all")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("why", "everything")).retrieve().toEntity(Map.class);
        assertThat(noReason.getStatusCode().value()).isEqualTo(400);
        assertThat(noReason.getBody()).containsEntry("field", "reasonCode");
        ResponseEntity<Map> unknownReason = operator.post().uri(baseUrl() + "/api/parked/retry-all")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("reasonCode", "NO_SUCH_REASON", "why", "x")).retrieve()
                .toEntity(Map.class);
        assertThat(unknownReason.getStatusCode().value()).isEqualTo(400);
        assertThat(auditRows("operator=operator")).anySatisfy(row -> assertThat(row)
                .containsEntry("action", "retry-all").containsEntry("outcome", "REFUSED: reasonCode: no reason NO_SUCH_REASON in the reason catalogue"));
    }

    @Test
    void an_edited_provider_is_resubmitted_checked_again_and_reaches_finance_with_before_and_after_audited() {
        Client client = registeredClient();
        CareLine good = goodLine(client);
        String wrongProvider = TestEvents.unique("PRV-TYPO");
        String journey = parkLine(TestEvents.withProvider(good, wrongProvider));

        ResponseEntity<Map> noSuchField = resubmit(journey, Map.of("field", "/careLine/providerReference",
                "value", good.providerRef(), "why", "typo in LAS"));
        assertThat(noSuchField.getStatusCode().value()).isEqualTo(400);
        assertThat(noSuchField.getBody()).containsEntry("field", "field");
        assertThat((String) noSuchField.getBody().get("error")).contains("/careLine/providerReference");
        ResponseEntity<Map> noWhy = resubmit(journey, Map.of("field", "/careLine/providerRef", "value", good.providerRef()));
        assertThat(noWhy.getStatusCode().value()).isEqualTo(400);
        assertThat(noWhy.getBody()).containsEntry("field", "why");
        assertThat(parkedJourney(journey)).as("a refused edit leaves the message parked").hasSize(1);

        ResponseEntity<Map> done = resubmit(journey, Map.of("field", "/careLine/providerRef", "value", good.providerRef(),
                "why", "typo in LAS, provider confirmed by care navigation"));

        assertThat(done.getStatusCode().value()).isEqualTo(200);
        assertThat(done.getBody()).containsEntry("before", wrongProvider).containsEntry("after", good.providerRef());
        await().atMost(WAIT).until(() -> financeLines(good.cpliId()) == 1);
        await().atMost(WAIT).until(() -> "DELIVERED".equals(journey(journey).get("status")));
        assertThat(steps(journey(journey))).containsSubsequence("parked", "resubmitted", "checked", "delivered to finance");
        List<Map<String, Object>> rows = audit(journey);
        assertThat(rows).extracting(r -> r.get("outcome")).containsExactly("RESUBMITTED",
                "REFUSED: why: say why: the reason is kept in the audit",
                "REFUSED: field: the payload has no /careLine/providerReference");
        assertThat(rows.get(0)).containsEntry("before", wrongProvider).containsEntry("after", good.providerRef())
                .containsEntry("operator", "operator").containsEntry("action", "resubmit")
                .containsEntry("reasonCode", "UNKNOWN_PROVIDER");
    }

    @Test
    void a_payload_that_is_not_json_cannot_be_edited() {
        ResponseEntity<Map> refused = http.post().uri(baseUrl() + "/api/las/events").contentType(MediaType.APPLICATION_JSON)
                .body("{\"eventId\": \"EV-broken\", ").retrieve().toEntity(Map.class);
        String journey = (String) refused.getBody().get("journeyId");
        await().atMost(WAIT).until(() -> !parkedJourney(journey).isEmpty());

        ResponseEntity<Map> answer = resubmit(journey, Map.of("field", "/eventId", "value", "EV-fixed", "why", "try"));

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody()).containsEntry("field", "field")
                .containsEntry("error", "the parked payload is not JSON; only JSON payloads can be edited");
        assertThat(parkedJourney(journey)).hasSize(1);
        assertThat(audit(journey).get(0).get("outcome")).asString().startsWith("REFUSED: field: the parked payload is not JSON");
    }

    @Test
    void discard_needs_a_reason_then_takes_the_message_off_for_good_keeping_its_payload_in_the_audit() {
        Client client = TestEvents.client(TestEvents.unique("LAS"));
        String journey = parkLine(goodLine(client));

        ResponseEntity<Map> noWhy = operator.post().uri(baseUrl() + "/api/parked/" + journey + "/discard")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of()).retrieve().toEntity(Map.class);
        assertThat(noWhy.getStatusCode().value()).isEqualTo(400);
        assertThat(noWhy.getBody()).containsEntry("field", "why");
        assertThat(parkedJourney(journey)).hasSize(1);

        ResponseEntity<Map> done = operator.post().uri(baseUrl() + "/api/parked/" + journey + "/discard")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("why", "test client, created in error")).retrieve()
                .toEntity(Map.class);

        assertThat(done.getStatusCode().value()).isEqualTo(200);
        assertThat(done.getBody()).containsEntry("action", "discarded").containsEntry("done", 1);
        assertThat(parkedJourney(journey)).isEmpty();
        assertThat(journey(journey).get("status")).isEqualTo("DISCARDED");
        assertThat(steps(journey(journey))).last().isEqualTo("discarded");
        List<Map<String, Object>> rows = audit(journey);
        assertThat(rows).extracting(r -> r.get("outcome")).containsExactly("DISCARDED",
                "REFUSED: why: say why: the reason is kept in the audit");
        assertThat(rows.get(0)).containsEntry("why", "test client, created in error").containsEntry("operator", "operator");
        assertThat((String) rows.get(0).get("before")).contains(client.lasPersonId());
    }

    @Test
    void the_failure_desk_mbean_lists_explains_and_retries_through_the_platform_mbean_server() throws Exception {
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        ObjectName desk = hubMBean(FailureDeskJmx.TYPE);
        Client client = TestEvents.client(TestEvents.unique("LAS"));
        CareLine line = goodLine(client);
        String journey = parkLine(line);

        String[] listed = (String[]) jmx.invoke(desk, "listParked", new Object[] {"CLIENT_NOT_REGISTERED", "SOCIAL_WORK"},
                new String[] {String.class.getName(), String.class.getName()});
        assertThat(listed).anySatisfy(row -> assertThat(row).startsWith(journey + " | CLIENT_NOT_REGISTERED | SOCIAL_WORK"));
        String explained = (String) jmx.invoke(desk, "explain", new Object[] {journey}, new String[] {String.class.getName()});
        assertThat(explained).startsWith("CLIENT_NOT_REGISTERED").contains("fix: ").contains(line.cpliId()).contains("parked");
        String refused = (String) jmx.invoke(desk, "discard", new Object[] {journey, ""},
                new String[] {String.class.getName(), String.class.getName()});
        assertThat(refused).startsWith("refused: why:");

        register(client);
        String retried = (String) jmx.invoke(desk, "retry", new Object[] {journey, "registered, retried from Hawtio"},
                new String[] {String.class.getName(), String.class.getName()});

        assertThat(retried).isEqualTo("requested 1, retried 1, not parked 0, failed 0");
        await().atMost(WAIT).until(() -> financeLines(line.cpliId()) == 1);
        assertThat(audit(journey)).extracting(r -> r.get("outcome"))
                .containsExactly("RETRIED", "REFUSED: why: say why: the reason is kept in the audit");
        assertThat(audit(journey)).allSatisfy(r -> assertThat(r).containsEntry("operator", "carehub"));
    }

    @Test
    void artemis_queue_operations_filter_parked_messages_by_reason_and_owner_and_show_the_reason_headers() throws Exception {
        Client client = registeredClient();
        String unknownProvider = TestEvents.unique("PRV-NOPE");
        parkLine(TestEvents.withProvider(goodLine(client), unknownProvider));
        parkLine(TestEvents.withProvider(goodLine(client), unknownProvider));
        Client unregistered = TestEvents.client(TestEvents.unique("LAS"));
        parkLine(goodLine(unregistered));
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        ObjectName queue = queueMBean(LAS_PARKED_QUEUE);
        String ours = " AND carehubClientId IN ('" + client.lasPersonId() + "','" + unregistered.lasPersonId() + "')";
        String[] filter = {String.class.getName()};

        String byReason = "carehubReasonCode='UNKNOWN_PROVIDER'" + ours;
        assertThat(jmx.invoke(queue, "countMessages", new Object[] {byReason}, filter)).isEqualTo(2L);
        Map<String, Object>[] listed = (Map<String, Object>[]) jmx.invoke(queue, "listMessages", new Object[] {byReason}, filter);
        assertThat(listed).hasSize(2).allSatisfy(m -> assertThat(m)
                .containsEntry("carehubReasonCode", "UNKNOWN_PROVIDER").containsEntry("carehubOwnerTeam", "CARE_NAVIGATION")
                .containsEntry("carehubProviderRef", unknownProvider).containsEntry("carehubField", "careLine.providerRef")
                .containsKeys("carehubExplanation", "carehubFix", "carehubJourneyId", "carehubFirstFailedAt"));
        assertThat(jmx.invoke(queue, "countMessages", new Object[] {"carehubOwnerTeam='CARE_NAVIGATION'" + ours}, filter))
                .isEqualTo(2L);
        Map<String, Object>[] social = (Map<String, Object>[]) jmx.invoke(queue, "listMessages",
                new Object[] {"carehubOwnerTeam='SOCIAL_WORK'" + ours}, filter);
        assertThat(social).singleElement().satisfies(m -> assertThat(m)
                .containsEntry("carehubReasonCode", "CLIENT_NOT_REGISTERED").containsEntry("carehubClientId", unregistered.lasPersonId()));
    }

    @Test
    void parked_care_lines_a_mappings_change_resolves_are_retried_by_the_hub_and_the_others_left_untouched() throws Exception {
        Client client = registeredClient();
        String newProvider = TestEvents.unique("PRV-NEW");
        String stillUnknown = TestEvents.unique("PRV-NEVER");
        CareLine resolvable = TestEvents.withProvider(goodLine(client), newProvider);
        String resolved = parkLine(resolvable);
        String unresolved = parkLine(TestEvents.withProvider(goodLine(client), stillUnknown));

        Files.writeString(mappingsDir().resolve("providers.csv"), newProvider + ",Newly Commissioned Care Ltd,invoices@new-care.test\n",
                StandardOpenOption.APPEND);
        Files.writeString(mappingsDir().resolve("provider-contracts.csv"), newProvider + ",HC-NEW-001,HOMECARE,2025-04-01,\n",
                StandardOpenOption.APPEND);

        await().atMost(WAIT).until(() -> financeLines(resolvable.cpliId()) == 1);
        await().atMost(WAIT).until(() -> !auditRows("operator=carehub&journeyId=" + resolved).isEmpty());
        assertThat(audit(resolved)).singleElement().satisfies(row -> assertThat(row).containsEntry("operator", "carehub")
                .containsEntry("action", "retry").containsEntry("why", "mappings reloaded").containsEntry("outcome", "RETRIED"));
        assertThat(auditRows("operator=carehub")).anySatisfy(row -> assertThat(row)
                .containsEntry("action", "retry-on-reload").containsEntry("outcome", "requested 1, retried 1, not parked 0, failed 0"));
        assertThat(parkedJourney(unresolved)).singleElement()
                .satisfies(p -> assertThat(p.headers()).containsEntry(ParkedHeaders.ATTEMPTS, 1));
        assertThat(audit(unresolved)).isEmpty();
        assertThat(steps(journey(unresolved))).doesNotContain("retried");
    }

    @Test
    void the_openapi_document_describes_every_failure_desk_operation() {
        Map<String, Object> doc = viewer.get().uri(baseUrl() + "/v3/api-docs").retrieve().body(Map.class);
        Map<String, Object> paths = (Map<String, Object>) doc.get("paths");

        assertThat(paths).containsKeys("/api/parked", "/api/parked/{journeyId}", "/api/parked/{journeyId}/retry",
                "/api/parked/retry", "/api/parked/retry-all", "/api/parked/{journeyId}/resubmit",
                "/api/parked/{journeyId}/discard", "/api/audit");
        Map<String, Object> resubmit = (Map<String, Object>) ((Map<String, Object>) paths.get("/api/parked/{journeyId}/resubmit")).get("post");
        assertThat(resubmit.get("tags")).isEqualTo(List.of("Failure desk"));
        assertThat((String) resubmit.get("description")).contains("JSON pointer");
    }

    private Client registeredClient() {
        Client client = TestEvents.client(TestEvents.unique("LAS"));
        register(client);
        return client;
    }

    private void register(Client client) {
        publishAndGetJourney(TestEvents.registered(client));
        await().atMost(WAIT).until(() -> http.get().uri(baseUrl() + "/simulators/contrOCC/clients/" + client.lasPersonId())
                .retrieve().toBodilessEntity().getStatusCode().is2xxSuccessful());
    }

    private CareLine goodLine(Client client) {
        return events.goodCareLine(client.lasPersonId(), "HOMECARE", START);
    }

    /** Lines of one client a week apart, so finance never refuses one as overlapping another. */
    private List<CareLine> weeklyLines(Client client, int count) {
        return IntStream.range(0, count).mapToObj(week -> {
            LocalDate start = LocalDate.now().minusDays(200).plusDays(week * 7L);
            return TestEvents.withDates(events.goodCareLine(client.lasPersonId(), "HOMECARE", start), start, start.plusDays(6));
        }).toList();
    }

    private String parkLine(CareLine line) {
        String journey = publishAndGetJourney(TestEvents.created(line));
        await().atMost(WAIT).until(() -> !parkedJourney(journey).isEmpty());
        return journey;
    }

    private ResponseEntity<Map> resubmit(String journey, Map<String, String> body) {
        return operator.post().uri(baseUrl() + "/api/parked/" + journey + "/resubmit").contentType(MediaType.APPLICATION_JSON)
                .body(body).retrieve().toEntity(Map.class);
    }

    private Map<String, Object> list(String query) {
        return viewer.get().uri(baseUrl() + "/api/parked?" + query).retrieve().body(Map.class);
    }

    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    private Map<String, Object> journey(String journeyId) {
        return viewer.get().uri(baseUrl() + "/api/journeys/" + journeyId).retrieve().body(Map.class);
    }

    private static List<String> steps(Object journey) {
        return ((List<Map<String, Object>>) ((Map<String, Object>) journey).get("steps")).stream().map(s -> (String) s.get("step")).toList();
    }

    private List<Map<String, Object>> audit(String journeyId) {
        return auditRows("journeyId=" + journeyId);
    }

    private List<Map<String, Object>> auditRows(String query) {
        return viewer.get().uri(baseUrl() + "/api/audit?" + query).retrieve().body(List.class);
    }

    private int financeLines(String cpliId) {
        return http.get().uri(baseUrl() + "/simulators/contrOCC/service-lines?cpliId=" + cpliId).retrieve()
                .body(List.class).size();
    }
}
