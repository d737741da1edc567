package org.carehub.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.carehub.HubTest;
import org.carehub.failures.ParkedHeaders;
import org.carehub.reference.ReferenceData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * The whole way from each LAS channel to ContrOCC: a SOAP call and a dropped CSV extract reach the
 * finance simulator, and a parked care line, once its cause is fixed, goes back with Artemis' own
 * retry operation — the one support staff run from Hawtio's JMX tab — and reaches finance.
 */
class LasChannelsToFinanceTest extends HubTest {

    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final LocalDate START = LocalDate.now().minusDays(3);

    @Autowired
    ReferenceData reference;

    @Test
    void a_client_and_care_line_sent_over_soap_reach_finance() {
        TestEvents events = new TestEvents(reference);
        String clientId = TestEvents.unique("LAS");
        CareLine line = events.goodCareLine(clientId, "HOMECARE", START);
        CareLineElement element = line.elements().get(0);

        soap("""
                <ev:eventId>%s</ev:eventId><ev:version>1</ev:version><ev:type>CLIENT_REGISTERED</ev:type>
                <ev:client><ev:lasPersonId>%s</ev:lasPersonId><ev:nhsNumber>%s</ev:nhsNumber>
                  <ev:forename>Ada</ev:forename><ev:surname>Lovelace</ev:surname><ev:dateOfBirth>1948-12-10</ev:dateOfBirth>
                  <ev:address><ev:line1>1 Station Road</ev:line1><ev:town>Purley</ev:town><ev:postcode>CR8 2AA</ev:postcode></ev:address>
                  <ev:chargeable>true</ev:chargeable></ev:client>
                """.formatted(TestEvents.unique("EV"), clientId, TestEvents.VALID_NHS_NUMBER));
        soap("""
                <ev:eventId>%s</ev:eventId><ev:version>1</ev:version><ev:type>CARE_LINE_CREATED</ev:type>
                <ev:careLine><ev:cpliId>%s</ev:cpliId><ev:clientId>%s</ev:clientId><ev:serviceCode>HOMECARE</ev:serviceCode>
                  <ev:providerRef>%s</ev:providerRef><ev:startDate>%s</ev:startDate>
                  <ev:careLineElement><ev:elementCode>%s</ev:elementCode><ev:unit>%s</ev:unit><ev:rate>%s</ev:rate>
                    <ev:plannedUnitsPerWeek>%s</ev:plannedUnitsPerWeek></ev:careLineElement></ev:careLine>
                """.formatted(TestEvents.unique("EV"), line.cpliId(), clientId, line.providerRef(), START,
                element.elementCode(), element.unit(), element.rate().toPlainString(), element.plannedUnitsPerWeek().toPlainString()));

        await().atMost(WAIT).until(() -> financeServiceLines(line.cpliId()).size() == 1);
    }

    @Test
    void a_csv_extract_dropped_in_the_inbox_reaches_finance_and_is_archived() throws Exception {
        TestEvents events = new TestEvents(reference);
        String clientId = TestEvents.unique("LAS");
        CareLine line = events.goodCareLine(clientId, "HOMECARE", START);
        CareLineElement element = line.elements().get(0);
        String header = "event_id,version,event_type,las_person_id,nhs_number,forename,surname,date_of_birth,"
                + "address_line1,town,postcode,chargeable,cpli_id,service_code,provider_ref,start_date,element_code,unit,"
                + "rate,planned_units_per_week";
        String csv = header + "\n"
                + String.join(",", TestEvents.unique("EV"), "1", "CLIENT_REGISTERED", clientId, TestEvents.VALID_NHS_NUMBER,
                "Grace", "Okafor", "1944-07-01", "3 Brook Close", "Croydon", "CR0 4XY", "yes", "", "", "", "", "", "", "", "") + "\n"
                + String.join(",", TestEvents.unique("EV"), "1", "CARE_LINE_CREATED", clientId, "", "", "", "", "", "", "", "",
                line.cpliId(), "HOMECARE", line.providerRef(), START.toString(), element.elementCode(), element.unit(),
                element.rate().toPlainString(), element.plannedUnitsPerWeek().toPlainString()) + "\n";
        Path inbox = dataDir().resolve("inbox/las");
        Files.createDirectories(inbox);
        Path file = inbox.resolve("extract-" + clientId + ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);

        await().atMost(WAIT).until(() -> financeServiceLines(line.cpliId()).size() == 1);
        assertThat(file).doesNotExist();
        try (var archived = Files.walk(dataDir().resolve("archive/las"))) {
            assertThat(archived.filter(p -> p.getFileName().toString().startsWith("extract-" + clientId))).hasSize(1);
        }
    }

    @Test
    void artemis_retry_operation_sends_a_fixed_care_line_back_to_the_flow_and_on_to_finance() throws Exception {
        TestEvents events = new TestEvents(reference);
        Client client = TestEvents.client(TestEvents.unique("LAS"));
        CareLine line = events.goodCareLine(client.lasPersonId(), "HOMECARE", START);
        // The care line arrives before LAS has registered its client: parked for social work.
        String journey = publishAndGetJourney(TestEvents.created(line));
        await().atMost(WAIT).until(() -> !parkedJourney(journey).isEmpty());
        assertThat(parkedJourney(journey).get(0).header(ParkedHeaders.REASON_CODE)).isEqualTo("CLIENT_NOT_REGISTERED");

        publishAndGetJourney(TestEvents.registered(client));
        await().atMost(WAIT).until(() -> financeClientExists(client.lasPersonId()));
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        jmx.invoke(queueMBean(LAS_PARKED_QUEUE), "retryMessages", new Object[0], new String[0]);

        await().atMost(WAIT).until(() -> financeServiceLines(line.cpliId()).size() == 1);
        assertThat(parkedJourney(journey)).isEmpty();
    }

    private void soap(String eventXml) {
        String envelope = """
                <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ev="http://carehub.org/las/events/v1">
                  <soapenv:Body><ev:publishEvent><ev:event>%s</ev:event></ev:publishEvent></soapenv:Body>
                </soapenv:Envelope>""".formatted(eventXml);
        String answer = http.post().uri(baseUrl() + "/services/las-events").contentType(MediaType.TEXT_XML)
                .body(envelope).retrieve().body(String.class);
        assertThat(answer).as("SOAP answer").contains("journeyId").doesNotContain("Fault");
    }

    private boolean financeClientExists(String personRef) {
        return http.get().uri(baseUrl() + "/simulators/contrOCC/clients/" + personRef).retrieve().toBodilessEntity()
                .getStatusCode().is2xxSuccessful();
    }

    private List<Map<?, ?>> financeServiceLines(String cpliId) {
        return http.get().uri(baseUrl() + "/simulators/contrOCC/service-lines?cpliId=" + cpliId).retrieve().body(List.class);
    }
}
