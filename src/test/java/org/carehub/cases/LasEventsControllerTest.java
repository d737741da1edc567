package org.carehub.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.carehub.channels.BoundedBody;
import org.carehub.failures.ParkedHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** LAS publishing events as JSON to the running hub over HTTP. */
class LasEventsControllerTest extends LasChannelsTestSupport {

    static final String PATH = "/api/las/events";
    static final String JSON = "application/json";

    @Autowired
    ObjectMapper json;

    @Test
    void newEventIsAccepted202WithItsJourney() throws Exception {
        String clientId = unique("P");

        HttpResponse<String> response = post(PATH, JSON, careLineJson(unique("EV"), clientId).getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode receipt = json.readTree(response.body());
        String journeyId = receipt.path("journeyId").asText();
        assertThat(journeyId).isNotBlank();
        assertThat(receipt.path("duplicate").asBoolean()).isFalse();
        assertThat(receipt.path("status").asText()).isEqualTo("QUEUED");
        assertThat(response.headers().firstValue("Location")).hasValue("/api/journeys/" + journeyId);
        Received queued = queued(journeyId);
        assertThat(queued.property("JMSXGroupID")).isEqualTo(clientId);
        assertThat(json.readTree(queued.text()).path("careLine").path("elements")).hasSize(2);
    }

    @Test
    void resentEventIs200DuplicateWithTheOriginalJourney() throws Exception {
        byte[] event = careLineJson(unique("EV"), unique("P")).getBytes(StandardCharsets.UTF_8);
        String first = json.readTree(post(PATH, JSON, event).body()).path("journeyId").asText();

        HttpResponse<String> resend = post(PATH, JSON, event);

        assertThat(resend.statusCode()).isEqualTo(200);
        JsonNode receipt = json.readTree(resend.body());
        assertThat(receipt.path("duplicate").asBoolean()).isTrue();
        assertThat(receipt.path("journeyId").asText()).isEqualTo(first);
    }

    @Test
    void malformedJsonIs400WithParserPositionAndTheRawBodyParked() throws Exception {
        String broken = careLineJson(unique("EV"), unique("P")).replace("\"version\": 1,", "\"version\": 1,,");

        HttpResponse<String> response = post(PATH, JSON, broken.getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode refusal = json.readTree(response.body());
        assertThat(refusal.path("reasonCode").asText()).isEqualTo("MALFORMED_JSON");
        assertThat(refusal.path("detail").asText()).contains("line 3, column");
        Received parked = parked(refusal.path("journeyId").asText());
        assertThat(parked.property(ParkedHeaders.REASON_CODE)).isEqualTo("MALFORMED_JSON");
        assertThat(parked.body()).isEqualTo(broken.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void eventBreakingTheModelIs400InvalidEventListingEachField() throws Exception {
        String invalid = careLineJson(unique("EV"), unique("P"))
                .replace("\"startDate\": \"2026-04-06\",", "")
                .replace("\"rate\": 24.10,", "");

        HttpResponse<String> response = post(PATH, JSON, invalid.getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode refusal = json.readTree(response.body());
        assertThat(refusal.path("reasonCode").asText()).isEqualTo("INVALID_EVENT");
        assertThat(refusal.path("fieldErrors").findValuesAsText("field"))
                .containsExactly("careLine.elements[0].rate", "careLine.startDate");
        assertThat(refusal.path("detail").asText()).contains("careLine.startDate: must not be null");
        assertThat(parked(refusal.path("journeyId").asText()).text()).isEqualTo(invalid);
    }

    @Test
    void dateThatIsNoDateIs400InvalidEventNamingTheField() throws Exception {
        String invalid = careLineJson(unique("EV"), unique("P")).replace("2026-04-06", "2026-13-45");

        HttpResponse<String> response = post(PATH, JSON, invalid.getBytes(StandardCharsets.UTF_8));

        JsonNode refusal = json.readTree(response.body());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(refusal.path("reasonCode").asText()).isEqualTo("INVALID_EVENT");
        assertThat(refusal.path("fieldErrors").findValuesAsText("field")).containsExactly("careLine.startDate");
    }

    @Test
    void bodyThatIsNotJsonIs415AndKept() throws Exception {
        byte[] csv = "event_id,version\nEV-1,1\n".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = post(PATH, "text/csv", csv);

        assertThat(response.statusCode()).isEqualTo(415);
        JsonNode refusal = json.readTree(response.body());
        assertThat(refusal.path("reasonCode").asText()).isEqualTo("MALFORMED_JSON");
        assertThat(parked(refusal.path("journeyId").asText()).body()).isEqualTo(csv);
    }

    @Test
    void bodyOverTheLimitIs413AndKept() throws Exception {
        String oversize = careLineJson(unique("EV"), unique("P"))
                .replace("\"version\": 1,", "\"version\": 1, \"padding\": \"" + "x".repeat(MESSAGE_LIMIT) + "\",");

        HttpResponse<String> response = post(PATH, JSON, oversize.getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(413);
        JsonNode refusal = json.readTree(response.body());
        assertThat(refusal.path("reasonCode").asText()).isEqualTo("MESSAGE_TOO_LARGE");
        Received parked = parked(refusal.path("journeyId").asText());
        assertThat(parked.property(ParkedHeaders.REASON_CODE)).isEqualTo("MESSAGE_TOO_LARGE");
        assertThat(parked.text()).isEqualTo(oversize);
    }

    @Test
    void bodyFarOverTheLimitIsKeptOnlyUpToSixteenTimesTheLimit() throws Exception {
        byte[] huge = "x".repeat(BoundedBody.KEEP_FACTOR * MESSAGE_LIMIT + 100_000).getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = post(PATH, JSON, huge);

        assertThat(response.statusCode()).isEqualTo(413);
        JsonNode refusal = json.readTree(response.body());
        assertThat(refusal.path("detail").asText()).contains("only the first " + BoundedBody.KEEP_FACTOR * MESSAGE_LIMIT);
        assertThat(parked(refusal.path("journeyId").asText()).body()).hasSize(BoundedBody.KEEP_FACTOR * MESSAGE_LIMIT);
    }

    static String careLineJson(String eventId, String clientId) {
        return """
                {"eventId": "%s",
                 "type": "CARE_LINE_CREATED",
                 "version": 1,
                 "careLine": {
                   "cpliId": "%s", "clientId": "%s", "serviceCode": "SUPP_LIVING", "providerRef": "PRV001",
                   "startDate": "2026-04-06",
                   "elements": [
                     {"elementCode": "DAY_SUPPORT", "unit": "HOUR", "rate": 24.10, "plannedUnitsPerWeek": 30},
                     {"elementCode": "SLEEP_IN", "unit": "NIGHT", "rate": 98.40, "plannedUnitsPerWeek": 7}
                   ]
                 }
                }
                """.formatted(eventId, unique("CPLI"), clientId);
    }
}
