package org.carehub.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.xml.datatype.DatatypeFactory;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.carehub.HubTest;
import org.carehub.cases.soap.CareLine;
import org.carehub.cases.soap.CareLineElement;
import org.carehub.cases.soap.Client;
import org.carehub.cases.soap.EventRefusedFault;
import org.carehub.cases.soap.LasEvent;
import org.carehub.cases.soap.LasEventType;
import org.carehub.cases.soap.LasEventsPort;
import org.carehub.cases.soap.PublishReceipt;
import org.carehub.failures.ParkedHeaders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** LAS publishing events over SOAP to the running hub: a JAX-WS client from the WSDL, and raw envelopes for hostile input. */
class LasEventsSoapEndpointTest extends LasChannelsTestSupport {

    static final String SOAP_PATH = "/services/las-events";
    static final String SOAP_XML = "text/xml; charset=UTF-8";

    @Autowired
    ObjectMapper json;

    LasEventsPort las;

    @BeforeEach
    void lasClient() {
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(LasEventsPort.class);
        factory.setAddress("http://localhost:" + port + SOAP_PATH);
        factory.setUsername(HubTest.LAS);
        factory.setPassword(HubTest.password(HubTest.LAS));
        las = (LasEventsPort) factory.create();
    }

    @Test
    void contractIsPublishedAtTheEndpoint() throws Exception {
        HttpResponse<String> wsdl = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + SOAP_PATH + "?wsdl"))
                        .header("Authorization", LAS_SIGN_IN).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(wsdl.statusCode()).isEqualTo(200);
        assertThat(wsdl.body()).contains("targetNamespace=\"http://carehub.org/las/events/v1\"")
                .contains("name=\"publishEvent\"").contains("name=\"EventRefused\"");
    }

    @Test
    void publishedCareLineIsQueuedAsJsonInItsClientsMessageGroup() throws Exception {
        String clientId = unique("P");
        LasEvent event = careLineCreated(unique("EV"), clientId);

        PublishReceipt receipt = las.publishEvent(event);

        assertThat(receipt.getJourneyId()).isNotBlank();
        assertThat(receipt.isDuplicate()).isFalse();
        assertThat(receipt.getStatus()).isEqualTo("QUEUED");
        Received queued = queued(receipt.getJourneyId());
        assertThat(queued.property("JMSXGroupID")).isEqualTo(clientId);
        JsonNode body = json.readTree(queued.text());
        assertThat(body.path("eventId").asText()).isEqualTo(event.getEventId());
        assertThat(body.path("type").asText()).isEqualTo("CARE_LINE_CREATED");
        assertThat(body.path("careLine").path("clientId").asText()).isEqualTo(clientId);
        assertThat(body.path("careLine").path("startDate").asText()).isEqualTo("2026-04-06");
        assertThat(body.path("careLine").path("elements")).hasSize(2);
        assertThat(body.path("careLine").path("elements").get(1).path("rate").decimalValue())
                .isEqualByComparingTo("98.40");
    }

    @Test
    void resentEventIsADuplicateWithTheOriginalJourney() throws Exception {
        LasEvent event = careLineCreated(unique("EV"), unique("P"));
        PublishReceipt first = las.publishEvent(event);

        PublishReceipt resend = las.publishEvent(event);

        assertThat(resend.isDuplicate()).isTrue();
        assertThat(resend.getJourneyId()).isEqualTo(first.getJourneyId());
    }

    @Test
    void eventWithoutTheSubjectItsTypeNamesIsRefusedInvalidEventNamingTheField() throws Exception {
        LasEvent event = careLineCreated(unique("EV"), unique("P"));
        event.setType(LasEventType.CLIENT_REGISTERED); // a care line where a client is expected

        EventRefusedFault fault = catchThrowableOfType(EventRefusedFault.class, () -> las.publishEvent(event));

        assertThat(fault.getFaultInfo().getReasonCode()).isEqualTo("INVALID_EVENT");
        assertThat(fault.getFaultInfo().getFieldError()).extracting(f -> f.getField()).containsExactly("subjectPresent");
        Received parked = parked(fault.getFaultInfo().getJourneyId());
        assertThat(parked.property(ParkedHeaders.REASON_CODE)).isEqualTo("INVALID_EVENT");
        assertThat(parked.text()).contains(event.getEventId());
    }

    @Test
    void envelopeBreakingTheSchemaIsRefusedInvalidEvent() throws Exception {
        String envelope = envelope(unique("EV"), unique("P")).replace("<ev:version>1</ev:version>", "<ev:version>0</ev:version>");

        HttpResponse<String> response = post(SOAP_PATH, SOAP_XML, envelope.getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(reasonCode(response)).isEqualTo("INVALID_EVENT");
        assertThat(response.body()).contains("minInclusive");
        assertThat(parked(journeyId(response)).text()).isEqualTo(envelope);
    }

    @Test
    void malformedXmlIsRefusedAndTheOriginalParked() throws Exception {
        String broken = envelope(unique("EV"), unique("P")).replace("</ev:eventId>", "</ev:eventIdd>");

        HttpResponse<String> response = post(SOAP_PATH, SOAP_XML, broken.getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("<faultcode>soap:Client</faultcode>");
        assertThat(reasonCode(response)).isEqualTo("MALFORMED_XML");
        Received parked = parked(journeyId(response));
        assertThat(parked.property(ParkedHeaders.REASON_CODE)).isEqualTo("MALFORMED_XML");
        assertThat(parked.property(ParkedHeaders.OWNER_TEAM)).isEqualTo("HUB_SUPPORT");
        assertThat(parked.body()).isEqualTo(broken.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void doctypeWithExternalEntityIsRefusedWithoutReadingTheFile() throws Exception {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
                """ + envelope("&e;", unique("P"));

        HttpResponse<String> response = post(SOAP_PATH, SOAP_XML, xxe.getBytes(StandardCharsets.UTF_8));

        assertThat(reasonCode(response)).isEqualTo("XML_DOCTYPE_REFUSED");
        assertThat(response.body()).doesNotContain("root:").doesNotContain("/bin/");
        Received parked = parked(journeyId(response));
        assertThat(parked.property(ParkedHeaders.REASON_CODE)).isEqualTo("XML_DOCTYPE_REFUSED");
        assertThat(parked.text()).isEqualTo(xxe);
    }

    @Test
    void billionLaughsIsRefusedFast() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        String laughs = dtd.append("]>\n").append(envelope("&lol9;", unique("P"))).toString();

        HttpResponse<String> response = assertTimeoutPreemptively(Duration.ofSeconds(3),
                () -> post(SOAP_PATH, SOAP_XML, laughs.getBytes(StandardCharsets.UTF_8)));

        assertThat(reasonCode(response)).isEqualTo("XML_DOCTYPE_REFUSED");
        assertThat(response.body()).doesNotContain("lollollol");
    }

    @Test
    void messageOverTheLimitIsRefused413AndKept() throws Exception {
        String padding = "<!--" + "x".repeat(MESSAGE_LIMIT) + "-->";
        String oversize = envelope(unique("EV"), unique("P")).replace("<soapenv:Body>", "<soapenv:Body>" + padding);

        HttpResponse<String> response = post(SOAP_PATH, SOAP_XML, oversize.getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(reasonCode(response)).isEqualTo("MESSAGE_TOO_LARGE");
        assertThat(parked(journeyId(response)).text()).isEqualTo(oversize);
    }

    private static String reasonCode(HttpResponse<String> fault) {
        return between(fault.body(), "<reasonCode>", "</reasonCode>");
    }

    private static String journeyId(HttpResponse<String> fault) {
        return between(fault.body(), "<journeyId>", "</journeyId>");
    }

    private static String between(String text, String start, String end) {
        assertThat(text).contains(start);
        int from = text.indexOf(start) + start.length();
        return text.substring(from, text.indexOf(end, from));
    }

    /** A care line for supported living: day support plus a sleep-in night. */
    static LasEvent careLineCreated(String eventId, String clientId) throws Exception {
        DatatypeFactory dates = DatatypeFactory.newInstance();
        CareLine careLine = new CareLine();
        careLine.setCpliId(unique("CPLI"));
        careLine.setClientId(clientId);
        careLine.setServiceCode("SUPP_LIVING");
        careLine.setProviderRef("PRV001");
        careLine.setStartDate(dates.newXMLGregorianCalendar("2026-04-06"));
        careLine.getCareLineElement().add(element("DAY_SUPPORT", "HOUR", "24.10", "30"));
        careLine.getCareLineElement().add(element("SLEEP_IN", "NIGHT", "98.40", "7"));
        LasEvent event = new LasEvent();
        event.setEventId(eventId);
        event.setVersion(1);
        event.setType(LasEventType.CARE_LINE_CREATED);
        event.setCareLine(careLine);
        return event;
    }

    private static CareLineElement element(String code, String unit, String rate, String unitsPerWeek) {
        CareLineElement element = new CareLineElement();
        element.setElementCode(code);
        element.setUnit(unit);
        element.setRate(new BigDecimal(rate));
        element.setPlannedUnitsPerWeek(new BigDecimal(unitsPerWeek));
        return element;
    }

    static String envelope(String eventId, String clientId) {
        return """
                <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ev="http://carehub.org/las/events/v1">
                  <soapenv:Body>
                    <ev:publishEvent>
                      <ev:event>
                        <ev:eventId>%s</ev:eventId>
                        <ev:version>1</ev:version>
                        <ev:type>CLIENT_REGISTERED</ev:type>
                        <ev:client>
                          <ev:lasPersonId>%s</ev:lasPersonId>
                          <ev:forename>Ada</ev:forename>
                          <ev:surname>Lovelace</ev:surname>
                          <ev:dateOfBirth>1948-12-10</ev:dateOfBirth>
                          <ev:chargeable>true</ev:chargeable>
                        </ev:client>
                      </ev:event>
                    </ev:publishEvent>
                  </soapenv:Body>
                </soapenv:Envelope>
                """.formatted(eventId, clientId);
    }
}
