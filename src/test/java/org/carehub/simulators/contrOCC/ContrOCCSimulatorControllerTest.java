package org.carehub.simulators.contrOCC;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.carehub.simulators.contrOCC.ContrOCCForms.client;
import static org.carehub.simulators.contrOCC.ContrOCCForms.line;
import static org.carehub.simulators.contrOCC.ContrOCCForms.unique;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Map;
import org.carehub.finance.ContrOCCHubTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The simulator's REST controls and inspection, over HTTP, and its SOAP gate. */
@ContrOCCHubTest
class ContrOCCSimulatorControllerTest {

    private static final String CONTROLS = "/simulators/contrOCC";

    @Autowired
    TestRestTemplate http;

    @Autowired
    ContrOCCSimulator simulator;

    @AfterEach
    void simulatorBackUp() {
        simulator.setAvailable(true);
        simulator.setImportsFailing(false);
    }

    @Test
    void switchedOffTheSoapEndpointAnswers503UntilSwitchedOnAgain() {
        http.postForEntity(CONTROLS + "/availability", Map.of("up", false), JsonNode.class);
        ResponseEntity<String> whileDown = findClientOverSoap("P-1");
        http.postForEntity(CONTROLS + "/availability", Map.of("up", true), JsonNode.class);
        ResponseEntity<String> whenUp = findClientOverSoap("P-1");

        assertThat(whileDown.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(whenUp.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(whenUp.getBody()).contains("findClientResponse");
    }

    @Test
    void withImportsFailingQuestionsAreAnsweredButEveryImportFailsUntilSwitchedBack() {
        String person = unique("P");
        http.postForEntity(CONTROLS + "/imports-failing", Map.of("failing", true), JsonNode.class);
        ResponseEntity<String> question = findClientOverSoap(person);

        assertThat(question.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThatThrownBy(() -> simulator.importClient(unique("ref"), client(person)))
                .hasMessageContaining("import service is failing");
        assertThat(simulator.findClient(person)).isNull();

        http.postForEntity(CONTROLS + "/imports-failing", Map.of("failing", false), JsonNode.class);
        simulator.importClient(unique("ref"), client(person));
        assertThat(simulator.findClient(person)).isNotNull();
    }

    @Test
    void delayIsSetAndAnImpossibleOneRefused() {
        ResponseEntity<JsonNode> set = http.postForEntity(CONTROLS + "/delay", Map.of("millis", 250), JsonNode.class);
        long delay = simulator.delayMillis();
        simulator.setDelayMillis(0);
        ResponseEntity<JsonNode> negative = http.postForEntity(CONTROLS + "/delay", Map.of("millis", -5), JsonNode.class);

        assertThat(set.getBody().get("millis").asLong()).isEqualTo(250);
        assertThat(delay).isEqualTo(250);
        assertThat(negative.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void clientsServiceLinesAndReferralsCanBeInspected() {
        String person = unique("P");
        String cpli = unique("C");
        assertThat(http.getForEntity(CONTROLS + "/clients/" + person, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        simulator.importClient(unique("ref"), client(person));
        simulator.importServiceLine(unique("ref"), line(person, cpli, 1, LocalDate.of(2026, 5, 1), null, "HC_PERSONAL"));
        String referral = simulator.referForFinancialAssessment(unique("ref"), person, "Home care started", "test").getFinanceId();

        JsonNode client = http.getForObject(CONTROLS + "/clients/" + person, JsonNode.class);
        JsonNode lines = http.getForObject(CONTROLS + "/service-lines?personRef=" + person + "&cpliId=" + cpli, JsonNode.class);
        ResponseEntity<Void> completed = http.postForEntity(CONTROLS + "/referrals/" + referral + "/completion", null, Void.class);
        JsonNode referrals = http.getForObject(CONTROLS + "/referrals?personRef=" + person, JsonNode.class);
        JsonNode stats = http.getForObject(CONTROLS + "/stats", JsonNode.class);

        assertThat(client.get("surname").asText()).isEqualTo("Crawley");
        assertThat(client.get("assessmentStatus").asText()).isEqualTo("OPEN");
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).get("line").get("elements").get(0).get("elementType").asText()).isEqualTo("HC_PERSONAL");
        assertThat(completed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(referrals.get(0).get("status").asText()).isEqualTo("COMPLETED");
        assertThat(stats.get("up").asBoolean()).isTrue();
        assertThat(stats.get("serviceLines").asLong()).isPositive();
    }

    private ResponseEntity<String> findClientOverSoap(String personRef) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.TEXT_XML);
        String envelope = "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>"
                + "<c:findClient xmlns:c=\"http://carehub.org/contrOCC/import/v1\"><c:personRef>" + personRef + "</c:personRef>"
                + "</c:findClient></s:Body></s:Envelope>";
        return http.postForEntity("/services/contrOCC-sim", new HttpEntity<>(envelope, headers), String.class);
    }
}
