package org.carehub.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.ProducerTemplate;
import org.carehub.HubTest;
import org.carehub.failures.JourneyLedger;
import org.carehub.failures.JourneyStatus;
import org.carehub.failures.ParkedHeaders;
import org.carehub.reference.ReferenceData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * LAS → hub → ContrOCC end to end, over the hub's REST channel and the real SOAP import to the
 * ContrOCC simulator: good care lines reach finance, each broken rule is parked with its reason,
 * field and owner team, resends and old versions never create anything twice.
 */
class LasEventsFlowTest extends HubTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final LocalDate START = LocalDate.now().minusDays(7);

    @Autowired
    ReferenceData reference;

    @Autowired
    CaseStore cases;

    @Autowired
    JourneyLedger ledger;

    @Autowired
    ProducerTemplate producer;

    @Autowired
    ObjectMapper json;

    TestEvents events;

    @BeforeEach
    void testEvents() {
        events = new TestEvents(reference);
        setFinanceAvailable(true);
        setImportsFailing(false);
    }

    @Test
    void a_good_care_line_reaches_finance_after_its_client() {
        Client client = TestEvents.client(TestEvents.unique("LAS"));
        CareLine line = events.goodCareLine(client.lasPersonId(), "HOMECARE", START);

        String clientJourney = publishAndGetJourney(TestEvents.registered(client));
        String lineJourney = publishAndGetJourney(TestEvents.created(line));

        awaitStatus(clientJourney, "DELIVERED");
        awaitStatus(lineJourney, "DELIVERED");
        assertThat(financeClient(client.lasPersonId())).containsEntry("surname", "Evans");
        assertThat(financeServiceLines(line.cpliId())).hasSize(1);
    }

    @Test
    void a_client_unknown_to_finance_is_created_first_then_the_care_line() {
        // A client LAS held before the hub went live: known to the hub, never sent to finance.
        Client client = TestEvents.client(TestEvents.unique("LAS"));
        cases.saveClient(client, 1);
        CareLine line = events.goodCareLine(client.lasPersonId(), "HOMECARE", START);

        String journey = publishAndGetJourney(TestEvents.created(line));

        awaitStatus(journey, "DELIVERED");
        assertThat(financeClient(client.lasPersonId())).isNotNull();
        assertThat(financeServiceLines(line.cpliId())).hasSize(1);
        String delivered = stepDetail(journey, "delivered to finance");
        assertThat(delivered).contains("CLIENT_CREATED").contains("SERVICE_LINE_CREATED");
        assertThat(delivered.indexOf("CLIENT_CREATED")).isLessThan(delivered.indexOf("SERVICE_LINE_CREATED"));
    }

    @Test
    void a_chargeable_service_raises_one_financial_assessment_referral() {
        Client client = TestEvents.client(TestEvents.unique("LAS"));
        String serviceCode = chargeableService();
        // Two consecutive packages of a chargeable service: the second must not refer the client again.
        CareLine first = TestEvents.withDates(events.goodCareLine(client.lasPersonId(), serviceCode, START),
                START, START.plusDays(10));
        CareLine second = events.goodCareLine(client.lasPersonId(), serviceCode, START.plusDays(11));

        publishAndGetJourney(TestEvents.registered(client));
        awaitStatus(publishAndGetJourney(TestEvents.created(first)), "DELIVERED");
        awaitStatus(publishAndGetJourney(TestEvents.created(second)), "DELIVERED");

        assertThat(financeReferrals(client.lasPersonId())).hasSize(1);
    }

    @Test
    void a_client_who_is_not_chargeable_gets_no_referral() {
        Client c = TestEvents.client(TestEvents.unique("LAS"));
        Client client = new Client(c.lasPersonId(), c.nhsNumber(), c.title(), c.forename(), c.surname(), c.dateOfBirth(),
                c.address(), false, null);
        CareLine line = events.goodCareLine(client.lasPersonId(), chargeableService(), START);

        publishAndGetJourney(TestEvents.registered(client));
        awaitStatus(publishAndGetJourney(TestEvents.created(line)), "DELIVERED");

        assertThat(financeReferrals(client.lasPersonId())).isEmpty();
    }

    @Test
    void resending_the_same_event_id_and_version_creates_nothing_new() {
        Client client = TestEvents.client(TestEvents.unique("LAS"));
        CareLine line = events.goodCareLine(client.lasPersonId(), "HOMECARE", START);
        LasEvent created = TestEvents.created(line);
        publishAndGetJourney(TestEvents.registered(client));

        ResponseEntity<Map> first = publish(created);
        awaitStatus((String) first.getBody().get("journeyId"), "DELIVERED");
        ResponseEntity<Map> resend = publish(created);

        assertThat(first.getStatusCode().value()).isEqualTo(202);
        assertThat(resend.getStatusCode().value()).isEqualTo(200);
        assertThat(resend.getBody()).containsEntry("duplicate", true)
                .containsEntry("journeyId", first.getBody().get("journeyId"));
        assertThat(financeServiceLines(line.cpliId())).hasSize(1);
    }

    @Test
    void an_older_version_after_a_newer_one_is_parked_and_finance_keeps_the_newer() {
        Client client = TestEvents.client(TestEvents.unique("LAS"));
        CareLine v1 = events.goodCareLine(client.lasPersonId(), "HOMECARE", START);
        CareLine v2 = TestEvents.withDates(v1, v1.startDate(), START.plusMonths(3));
        publishAndGetJourney(TestEvents.registered(client));

        awaitStatus(publishAndGetJourney(TestEvents.event(LasEventType.CARE_LINE_CHANGED, 2, null, v2)), "DELIVERED");
        String stale = publishAndGetJourney(TestEvents.event(LasEventType.CARE_LINE_CREATED, 1, null, v1));

        Parked parked = awaitParked(stale);
        assertThat(parked.header(ParkedHeaders.REASON_CODE)).isEqualTo("OUT_OF_ORDER_VERSION");
        assertThat(parked.header(ParkedHeaders.FIELD)).isEqualTo("version");
        assertThat(parked.header(ParkedHeaders.OWNER_TEAM)).isEqualTo("HUB_SUPPORT");
        assertThat(financeServiceLines(v1.cpliId())).singleElement()
                .satisfies(l -> assertThat(endDateInFinance(l)).isEqualTo(START.plusMonths(3).toString()));
    }

    @Test
    void a_change_redelivered_after_a_crash_between_saving_it_and_the_ledger_is_delivered_once_not_parked()
            throws Exception {
        Client client = TestEvents.client(TestEvents.unique("LAS"));
        CareLine line = events.goodCareLine(client.lasPersonId(), "HOMECARE", START);
        publishAndGetJourney(TestEvents.registered(client));
        LasEvent created = TestEvents.created(line);
        String journey = publishAndGetJourney(created);
        awaitStatus(journey, "DELIVERED");

        // What a kill -9 leaves after the case store saved the line and before the ledger said delivered: the journey
        // in progress and the broker handing the same message to the next consumer.
        ledger.status(journey, JourneyStatus.IN_PROGRESS);
        producer.sendBodyAndHeaders("jms:queue:" + LAS_QUEUE, json.writeValueAsString(created),
                Map.of(ParkedHeaders.JOURNEY_ID, journey, "JMSXGroupID", client.lasPersonId()));

        awaitStatus(journey, "DELIVERED", "PARKED");
        assertThat(parkedJourney(journey)).as("parked").isEmpty();
        assertThat(journeyStatus(journey)).isEqualTo("DELIVERED");
        assertThat(financeServiceLines(line.cpliId())).hasSize(1);
    }

    @Test
    void each_clients_changes_are_applied_in_the_order_LAS_sent_them() {
        Client client = TestEvents.client(TestEvents.unique("LAS"));
        CareLine line = events.goodCareLine(client.lasPersonId(), "HOMECARE", START);
        publishAndGetJourney(TestEvents.registered(client));
        List<String> journeys = new ArrayList<>();
        int versions = 15;
        for (int v = 1; v <= versions; v++) {
            CareLine change = TestEvents.withDates(line, line.startDate(), START.plusDays(30 + v));
            journeys.add(publishAndGetJourney(TestEvents.event(
                    v == 1 ? LasEventType.CARE_LINE_CREATED : LasEventType.CARE_LINE_CHANGED, v, null, change)));
        }

        journeys.forEach(j -> awaitStatus(j, "DELIVERED", "PARKED"));

        // Had any change overtaken an earlier one, the earlier would be parked as out of order.
        assertThat(journeys).allSatisfy(j -> assertThat(journeyStatus(j)).isEqualTo("DELIVERED"));
        assertThat(financeServiceLines(line.cpliId())).singleElement()
                .satisfies(l -> assertThat(endDateInFinance(l)).isEqualTo(START.plusDays(30 + versions).toString()));
    }

    static Stream<Arguments> brokenRules() {
        return Stream.of(
                rule("UNKNOWN_PROVIDER", "CARE_NAVIGATION", "careLine.providerRef",
                        (t, l) -> TestEvents.withProvider(l, "PRV-999")),
                rule("END_BEFORE_START", "CARE_NAVIGATION", "careLine.endDate",
                        (t, l) -> TestEvents.withDates(l, l.startDate(), l.startDate().minusDays(1))),
                rule("RATE_NOT_ON_RATE_CARD", "CARE_NAVIGATION", "careLine.elements[0].rate",
                        (t, l) -> TestEvents.withElements(l, List.of(TestEvents.withRate(l.elements().get(0),
                                l.elements().get(0).rate().add(new BigDecimal("1.37")), null)))),
                rule("RATE_NOT_ON_RATE_CARD", "CARE_NAVIGATION", "careLine.elements[0].rate",
                        (t, l) -> TestEvents.withElements(l, List.of(TestEvents.withRate(l.elements().get(0),
                                l.elements().get(0).rate().add(BigDecimal.ONE),
                                new RateOverride("Team manager", null, LocalDate.now()))))),
                rule("PLANNED_UNITS_INVALID", "CARE_NAVIGATION", "careLine.elements[0].plannedUnitsPerWeek",
                        (t, l) -> TestEvents.withElements(l, List.of(TestEvents.withUnits(l.elements().get(0), BigDecimal.ZERO)))),
                rule("PLANNED_UNITS_INVALID", "CARE_NAVIGATION", "careLine.elements[0].plannedUnitsPerWeek",
                        (t, l) -> TestEvents.withElements(l, List.of(TestEvents.withUnits(l.elements().get(0), new BigDecimal("500"))))));
    }

    private static Arguments rule(String code, String owner, String field, java.util.function.BiFunction<TestEvents, CareLine, CareLine> breakIt) {
        return Arguments.of(code, owner, field, breakIt);
    }

    @ParameterizedTest(name = "{0} on {2}")
    @MethodSource("brokenRules")
    void a_care_line_breaking_a_rule_is_parked_with_reason_field_and_owner(String code, String owner, String field,
            java.util.function.BiFunction<TestEvents, CareLine, CareLine> breakIt) {
        Client client = TestEvents.client(TestEvents.unique("LAS"));
        CareLine broken = breakIt.apply(events, events.goodCareLine(client.lasPersonId(), "HOMECARE", START));
        publishAndGetJourney(TestEvents.registered(client));

        String journey = publishAndGetJourney(TestEvents.created(broken));

        assertParked(journey, code, owner, field);
        assertThat(financeServiceLines(broken.cpliId())).isEmpty();
    }

    @Test
    void an_authorised_rate_override_is_accepted() {
        Client client = TestEvents.client(TestEvents.unique("LAS"));
        CareLine good = events.goodCareLine(client.lasPersonId(), "HOMECARE", START);
        CareLine overridden = TestEvents.withElements(good, List.of(TestEvents.withRate(good.elements().get(0),
                good.elements().get(0).rate().add(new BigDecimal("2.50")),
                new RateOverride("Head of Care Navigation", "Two carers agreed at panel", START.minusDays(1)))));
        publishAndGetJourney(TestEvents.registered(client));

        awaitStatus(publishAndGetJourney(TestEvents.created(overridden)), "DELIVERED");
    }

    @Test
    void a_package_missing_its_required_element_is_parked() {
        String serviceCode = serviceWithRequiredElement();
        String required = reference.service(serviceCode).orElseThrow().requiredElements().get(0);
        Client client = TestEvents.client(TestEvents.unique("LAS"));
        CareLine good = events.goodCareLine(client.lasPersonId(), serviceCode, START);
        CareLine broken = TestEvents.withElements(good,
                good.elements().stream().filter(e -> !e.elementCode().equals(required)).toList().isEmpty()
                        ? List.of(events.element(serviceCode, otherElement(serviceCode, required), START))
                        : good.elements().stream().filter(e -> !e.elementCode().equals(required)).toList());
        publishAndGetJourney(TestEvents.registered(client));

        Parked parked = assertParked(publishAndGetJourney(TestEvents.created(broken)), "MISSING_REQUIRED_ELEMENT",
                "CARE_NAVIGATION", "careLine.elements");
        assertThat(parked.header(ParkedHeaders.EXPLANATION)).contains(required);
    }

    @Test
    void a_provider_without_a_contract_for_the_service_is_parked() {
        Client client = TestEvents.client(TestEvents.unique("LAS"));
        CareLine good = events.goodCareLine(client.lasPersonId(), "HOMECARE", START);
        String uncontracted = reference.providers().stream()
                .filter(p -> reference.contract(p.ref(), "HOMECARE", START).isEmpty())
                .findFirst().orElseThrow().ref();
        publishAndGetJourney(TestEvents.registered(client));

        assertParked(publishAndGetJourney(TestEvents.created(TestEvents.withProvider(good, uncontracted))),
                "NO_CONTRACT_FOR_SERVICE", "CARE_NAVIGATION", "careLine.providerRef");
    }

    @Test
    void an_element_finance_has_no_code_for_is_parked_for_finance_systems() {
        var unmapped = reference.services().stream().flatMap(s -> reference.elements(s.serviceCode()).stream())
                .filter(e -> reference.financeCode(e.serviceCode(), e.elementCode()).isEmpty())
                .findFirst().orElseThrow();
        Client client = TestEvents.client(TestEvents.unique("LAS"));
        CareLine good = events.goodCareLine(client.lasPersonId(), unmapped.serviceCode(), START);
        List<CareLineElement> elements = new ArrayList<>(good.elements());
        elements.add(new CareLineElement(unmapped.elementCode(), unmapped.unit(), BigDecimal.TEN, BigDecimal.ONE, null));
        publishAndGetJourney(TestEvents.registered(client));

        Parked parked = assertParked(publishAndGetJourney(TestEvents.created(TestEvents.withElements(good, elements))),
                "NO_FINANCE_MAPPING", "FINANCE_SYSTEMS", "careLine.elements[" + (elements.size() - 1) + "].elementCode");
        assertThat(parked.header(ParkedHeaders.VALUE)).isEqualTo(unmapped.elementCode());
    }

    @Test
    void a_care_line_starting_after_the_clients_death_is_parked_for_social_work() {
        Client c = TestEvents.client(TestEvents.unique("LAS"));
        publishAndGetJourney(TestEvents.registered(c));
        publishAndGetJourney(new LasEvent(TestEvents.unique("EV"), 1, LasEventType.DATE_OF_DEATH_RECORDED, null, null,
                null, new DeathRecorded(c.lasPersonId(), START.minusDays(2)), null));
        CareLine line = events.goodCareLine(c.lasPersonId(), "HOMECARE", START);

        assertParked(publishAndGetJourney(TestEvents.created(line)), "STARTS_AFTER_DEATH", "SOCIAL_WORK", "careLine.startDate");
    }

    @Test
    void a_care_line_running_past_the_clients_death_is_parked_for_social_work() {
        Client c = TestEvents.client(TestEvents.unique("LAS"));
        publishAndGetJourney(TestEvents.registered(c));
        publishAndGetJourney(new LasEvent(TestEvents.unique("EV"), 1, LasEventType.DATE_OF_DEATH_RECORDED, null, null,
                null, new DeathRecorded(c.lasPersonId(), START.plusDays(3)), null));
        CareLine line = events.goodCareLine(c.lasPersonId(), "HOMECARE", START);

        assertParked(publishAndGetJourney(TestEvents.created(line)), "RUNS_PAST_DEATH", "SOCIAL_WORK", "careLine.endDate");
    }

    @Test
    void a_client_with_an_invalid_nhs_number_is_parked_for_social_work() {
        Client c = TestEvents.client(TestEvents.unique("LAS"));
        Client bad = new Client(c.lasPersonId(), "9434765918", c.title(), c.forename(), c.surname(), c.dateOfBirth(),
                c.address(), c.chargeable(), null);

        Parked parked = assertParked(publishAndGetJourney(TestEvents.registered(bad)), "INVALID_NHS_NUMBER", "SOCIAL_WORK",
                "client.nhsNumber");
        assertThat(parked.header(ParkedHeaders.VALUE)).isEqualTo("9434765918");
        assertThat(financeClient(c.lasPersonId())).isNull();
    }

    @Test
    void a_client_missing_what_finance_needs_is_parked_for_social_work() {
        Client c = TestEvents.client(TestEvents.unique("LAS"));
        Client noPostcode = new Client(c.lasPersonId(), c.nhsNumber(), c.title(), c.forename(), c.surname(),
                c.dateOfBirth(), new Address("12 Mill Street", null, "Croydon", null), c.chargeable(), null);

        assertParked(publishAndGetJourney(TestEvents.registered(noPostcode)), "CLIENT_INCOMPLETE_FOR_FINANCE", "SOCIAL_WORK",
                "client.address.postcode");
    }

    @Test
    void a_care_line_for_a_client_LAS_never_registered_is_parked() {
        CareLine line = events.goodCareLine(TestEvents.unique("LAS"), "HOMECARE", START);

        assertParked(publishAndGetJourney(TestEvents.created(line)), "CLIENT_NOT_REGISTERED", "SOCIAL_WORK",
                "careLine.clientId");
    }

    @Test
    void finance_down_longer_than_the_retries_is_waited_out_and_delivered_when_it_returns_never_parked() {
        Client client = TestEvents.client(TestEvents.unique("LAS"));
        CareLine line = events.goodCareLine(client.lasPersonId(), "HOMECARE", START);
        publishAndGetJourney(TestEvents.registered(client));
        awaitStatus(latestJourneyOfClient(client.lasPersonId()), "DELIVERED");

        setFinanceAvailable(false);
        String journey = publishAndGetJourney(TestEvents.created(line));
        // Down for more attempts than the retries allow (HubTest: 4 redeliveries), which parked it before.
        await().atMost(WAIT).until(() -> financeAttempts(journey) > 6);
        assertThat(parkedJourney(journey)).isEmpty();
        setFinanceAvailable(true);

        awaitStatus(journey, "DELIVERED");
        assertThat(parkedJourney(journey)).isEmpty();
        assertThat(financeServiceLines(line.cpliId())).hasSize(1);
    }

    @Test
    void finance_answering_but_failing_every_import_is_parked_as_a_technical_failure_after_the_retries() {
        Client client = TestEvents.client(TestEvents.unique("LAS"));
        setImportsFailing(true);
        try {
            Parked parked = assertParked(publishAndGetJourney(TestEvents.registered(client)), "FINANCE_UNAVAILABLE",
                    "FINANCE_SYSTEMS", "finance");
            assertThat(parked.header(ParkedHeaders.EXPLANATION)).contains("after 5 attempts");
            assertThat(parked.header(ParkedHeaders.FAILED_STEP)).isEqualTo("deliver to finance");
        } finally {
            setImportsFailing(false);
        }
    }

    // ---- helpers

    private Parked assertParked(String journey, String code, String owner, String field) {
        Parked parked = awaitParked(journey);
        assertThat(parked.header(ParkedHeaders.REASON_CODE)).isEqualTo(code);
        assertThat(parked.header(ParkedHeaders.OWNER_TEAM)).isEqualTo(owner);
        assertThat(parked.header(ParkedHeaders.FIELD)).isEqualTo(field);
        assertThat(parked.header(ParkedHeaders.EXPLANATION)).isNotBlank().doesNotContain("{");
        assertThat(parked.header(ParkedHeaders.FIX)).isNotBlank();
        assertThat(parked.header(ParkedHeaders.ARTEMIS_ORIGINAL_ADDRESS)).isEqualTo(LAS_QUEUE);
        assertThat(parked.body()).contains("\"eventId\"");
        assertThat(journeyStatus(journey)).isEqualTo("PARKED");
        return parked;
    }

    private Parked awaitParked(String journey) {
        return await().atMost(WAIT).until(() -> parkedJourney(journey), list -> !list.isEmpty()).get(0);
    }

    private void awaitStatus(String journey, String... acceptable) {
        await().atMost(WAIT).until(() -> List.of(acceptable).contains(journeyStatus(journey)));
    }

    private String journeyStatus(String journey) {
        Map<?, ?> body = as(VIEWER).get().uri(baseUrl() + "/api/journeys/" + journey).retrieve().body(Map.class);
        return body == null ? "" : String.valueOf(body.get("status"));
    }

    private String stepDetail(String journey, String step) {
        Map<?, ?> body = as(VIEWER).get().uri(baseUrl() + "/api/journeys/" + journey).retrieve().body(Map.class);
        return ((List<Map<?, ?>>) body.get("steps")).stream().filter(s -> step.equals(s.get("step")))
                .map(s -> String.valueOf(s.get("detail"))).findFirst().orElse("");
    }

    private String latestJourneyOfClient(String clientId) {
        List<Map<?, ?>> found = as(VIEWER).get().uri(baseUrl() + "/api/journeys?clientId=" + clientId).retrieve().body(List.class);
        return String.valueOf(found.get(0).get("journeyId"));
    }

    private String chargeableService() {
        return reference.services().stream().filter(s -> s.chargeable() && s.requiredElements().isEmpty())
                .map(s -> s.serviceCode()).filter(code -> hasCurrentContract(code)).findFirst().orElseThrow();
    }

    private String serviceWithRequiredElement() {
        return reference.services().stream().filter(s -> !s.requiredElements().isEmpty())
                .map(s -> s.serviceCode()).filter(this::hasCurrentContract).findFirst().orElseThrow();
    }

    private String otherElement(String serviceCode, String notThis) {
        return reference.elements(serviceCode).stream().map(e -> e.elementCode()).filter(e -> !e.equals(notThis))
                .filter(e -> reference.rate(serviceCode, e, START).isPresent()).findFirst().orElseThrow();
    }

    private boolean hasCurrentContract(String serviceCode) {
        return reference.contracts().stream().anyMatch(c -> c.serviceCode().equals(serviceCode) && c.coversDate(START));
    }

    // ---- the ContrOCC simulator, asked over its own inspection endpoints

    private void setFinanceAvailable(boolean up) {
        http.post().uri(baseUrl() + "/simulators/contrOCC/availability").body(Map.of("up", up)).retrieve().toBodilessEntity();
    }

    private void setImportsFailing(boolean failing) {
        http.post().uri(baseUrl() + "/simulators/contrOCC/imports-failing").body(Map.of("failing", failing)).retrieve()
                .toBodilessEntity();
    }

    /** Attempts to reach finance the journey's ledger shows. */
    private long financeAttempts(String journey) {
        Map<?, ?> body = as(VIEWER).get().uri(baseUrl() + "/api/journeys/" + journey).retrieve().body(Map.class);
        return ((List<Map<?, ?>>) body.get("steps")).stream().filter(s -> "finance unavailable".equals(s.get("step"))).count();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> financeClient(String personRef) {
        ResponseEntity<Map> answer = http.get().uri(baseUrl() + "/simulators/contrOCC/clients/" + personRef).retrieve()
                .toEntity(Map.class);
        return answer.getStatusCode().is2xxSuccessful() ? (Map<String, Object>) answer.getBody() : null;
    }

    private List<Map<?, ?>> financeServiceLines(String cpliId) {
        return http.get().uri(baseUrl() + "/simulators/contrOCC/service-lines?cpliId=" + cpliId).retrieve().body(List.class);
    }

    /** The end date of a service line as the simulator shows it: {financeId, line: {..., endDate}}. */
    private static String endDateInFinance(Map<?, ?> serviceLine) {
        return String.valueOf(((Map<?, ?>) serviceLine.get("line")).get("endDate"));
    }

    private List<Map<?, ?>> financeReferrals(String personRef) {
        return http.get().uri(baseUrl() + "/simulators/contrOCC/referrals?personRef=" + personRef).retrieve().body(List.class);
    }
}
