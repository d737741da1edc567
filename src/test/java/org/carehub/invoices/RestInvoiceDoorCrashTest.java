package org.carehub.invoices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.carehub.StandaloneHub;
import org.carehub.cases.CareLine;
import org.carehub.cases.Client;
import org.carehub.cases.LasEvent;
import org.carehub.cases.TestEvents;
import org.carehub.reference.ReferenceData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

/**
 * The REST door's crash window (docs/decisions.md, "REST door: one transaction"): the hub fails after the provider
 * posted an invoice, before its held lines were parked (here: the broker is gone, so nothing can be parked or
 * queued). When the provider sends the same invoice again after the restart, its accepted line reaches finance
 * exactly once and its held line is parked exactly once; a third copy is a duplicate and changes nothing.
 */
@Tag(StandaloneHub.TAG)
class RestInvoiceDoorCrashTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final LocalDate APRIL = LocalDate.of(2026, 4, 6);
    private static final String CSV_HEADER =
            "provider,invoice_number,invoice_date,client,service,element,period_from,period_to,units,unit_rate,amount,vat_rate,vat_amount\n";

    @TempDir
    Path dataDir;

    private final RestClient las = client("las", "las-pass");
    private final RestClient brightwater = client("brightwater", "brightwater-pass");
    private final RestClient viewer = client("viewer", "viewer-pass");

    @Test
    void an_invoice_sent_again_after_the_hub_failed_mid_way_is_paid_once_and_its_held_line_parked_once() throws Exception {
        String number = TestEvents.unique("BW-CRASH");
        Client withCareLine = TestEvents.client(TestEvents.unique("LAS"));
        Client without = TestEvents.client(TestEvents.unique("LAS"));
        String csv = CSV_HEADER
                + row(number, withCareLine.lasPersonId())
                + row(number, without.lasPersonId());

        try (ConfigurableApplicationContext first = StandaloneHub.start(dataDir)) {
            String base = StandaloneHub.baseUrl(first);
            publish(base, TestEvents.registered(withCareLine));
            publish(base, TestEvents.registered(without));
            LocalDate start = LocalDate.of(2026, 4, 1);
            CareLine line = new CareLine(TestEvents.unique("CPLI"), withCareLine.lasPersonId(), "HOMECARE", "PRV-001",
                    "HC-FW26-001", start, null, null, List.of(TestEvents.withUnits(
                    new TestEvents(first.getBean(ReferenceData.class)).element("HOMECARE", "PERSONAL_CARE", start), BigDecimal.TEN)), null);
            publish(base, TestEvents.created(line));
            JdbcTemplate db = first.getBean(JdbcTemplate.class);
            await().atMost(WAIT).until(() -> db.queryForObject("SELECT COUNT(*) FROM care_line WHERE cpli_id = ?",
                    Integer.class, line.cpliId()) == 1);

            first.getBean(EmbeddedActiveMQ.class).stop();
            ResponseEntity<Map> failed = submit(base, csv);

            assertThat(failed.getStatusCode().value()).as("answer while the hub cannot take it: " + failed.getBody()).isEqualTo(503);
        }

        try (ConfigurableApplicationContext second = StandaloneHub.start(dataDir)) {
            String base = StandaloneHub.baseUrl(second);
            ResponseEntity<Map> taken = submit(base, csv);

            assertThat(taken.getStatusCode().value()).as(String.valueOf(taken.getBody())).isEqualTo(200);
            assertThat(taken.getBody()).containsEntry("outcome", "PART_ACCEPTED").containsEntry("invoiceNumber", number);
            String invoiceId = (String) taken.getBody().get("invoiceId");

            ResponseEntity<Map> again = submit(base, csv);
            assertThat(again.getStatusCode().value()).isEqualTo(422);
            assertThat(again.getBody()).containsEntry("reasonCode", InvoiceIntake.DUPLICATE).containsEntry("queryReference", invoiceId);

            JdbcTemplate db = second.getBean(JdbcTemplate.class);
            assertThat(db.queryForObject("SELECT COUNT(*) FROM provider_invoice WHERE invoice_number = ?", Integer.class, number))
                    .as("invoices stored").isEqualTo(1);
            assertThat(actuals(base, invoiceId)).as("lines in finance").singleElement()
                    .satisfies(a -> assertThat((Map<String, Object>) a.get("actual")).containsEntry("lineId", "2"));
            assertThat(parkedLines(base, without.lasPersonId())).as("held lines parked").singleElement()
                    .satisfies(item -> assertThat(item).containsEntry("reasonCode", "INVOICE_NO_CARE_LINE"));
        }
    }

    private static String row(String number, String client) {
        return String.join(",", "PRV-001", number, "2026-05-01", client, "HOMECARE", "PERSONAL_CARE", APRIL.toString(),
                APRIL.plusDays(6).toString(), "10", "26.10", "261.00", "0", "0.00") + "\n";
    }

    private ResponseEntity<Map> submit(String base, String csv) {
        return brightwater.post().uri(base + "/api/providers/PRV-001/invoices?fileName=crash.csv")
                .contentType(MediaType.parseMediaType("text/csv")).body(csv.getBytes(StandardCharsets.UTF_8))
                .retrieve().toEntity(Map.class);
    }

    private void publish(String base, LasEvent event) {
        assertThat(las.post().uri(base + "/api/las/events").body(event).retrieve().toBodilessEntity().getStatusCode()
                .is2xxSuccessful()).as("LAS event accepted").isTrue();
    }

    private List<Map> actuals(String base, String invoiceId) {
        return List.of(las.get().uri(base + "/simulators/contrOCC/actuals?invoiceId=" + invoiceId).retrieve().body(Map[].class));
    }

    private List<Map<String, Object>> parkedLines(String base, String clientId) {
        Map<String, Object> page = viewer.get().uri(base + "/api/parked?size=200").retrieve().body(Map.class);
        return ((List<Map<String, Object>>) page.get("items")).stream().filter(i -> clientId.equals(i.get("clientId"))).toList();
    }

    private static RestClient client(String user, String password) {
        return RestClient.builder().defaultHeaders(h -> h.setBasicAuth(user, password))
                .defaultStatusHandler(status -> true, (request, response) -> { }).build();
    }
}
