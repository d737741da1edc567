package org.carehub.invoices;

import static org.awaitility.Awaitility.await;
import static org.carehub.BenchmarkFigures.perSecond;
import static org.carehub.BenchmarkFigures.rate;
import static org.carehub.BenchmarkFigures.ratio;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.carehub.BenchmarkFigures;
import org.carehub.HubTest;
import org.carehub.cases.CareLine;
import org.carehub.cases.CaseStore;
import org.carehub.cases.Client;
import org.carehub.cases.TestEvents;
import org.carehub.reference.ReferenceData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * Issue 7, benchmark item 4: the same PEPPOL BIS Billing 3 invoices (the published example, docs/examples, under a
 * number and client of their own) read and validated alone by the hub's {@link InvoiceReader} (safe XML parse, UBL
 * schema, EN 16931 and PEPPOL rules) against the full intake: the provider's REST door → queue → read and validate →
 * line checks against the care line → actual recorded in the ContrOCC simulator, the other line held and parked →
 * answer. Both one invoice at a time. Prints figures, asserts nothing about time.
 */
@Tag(BenchmarkFigures.TAG)
class InvoiceIntakeBenchmark extends HubTest {

    private static final int WARM_UP = 10;
    private static final int INVOICES = 100;
    private static final LocalDate APRIL = LocalDate.of(2026, 4, 1);

    @Autowired
    InvoiceReader reader;
    @Autowired
    CaseStore cases;
    @Autowired
    ReferenceData reference;

    private final RestClient brightwater = RestClient.builder()
            .defaultHeaders(h -> h.setBasicAuth("brightwater", "brightwater-pass"))
            .defaultStatusHandler(status -> true, (request, response) -> { }).build();

    @Test
    void validation_alone_against_the_full_intake_of_the_same_invoices() throws Exception {
        List<byte[]> invoices = invoicesForNewCareLines(WARM_UP + INVOICES);
        List<byte[]> warmUp = invoices.subList(0, WARM_UP);
        List<byte[]> measured = invoices.subList(WARM_UP, invoices.size());
        validate(warmUp);
        intake(warmUp);

        double validation = perSecond(INVOICES, validate(measured));
        double intake = perSecond(INVOICES, intake(measured));

        new BenchmarkFigures("invoice-intake")
                .add("invoices", INVOICES + " UBL invoices of 2 lines (1 accepted and paid, 1 held and parked), one at a time")
                .add("PEPPOL / EN 16931 validation alone (InvoiceReader)", rate(validation).replace("msg", "invoices"))
                .add("full intake (REST door → finance, answered)", rate(intake).replace("msg", "invoices"))
                .add("full intake time / validation time", ratio(validation / intake))
                .print();
    }

    private Duration validate(List<byte[]> invoices) {
        long start = System.nanoTime();
        for (byte[] invoice : invoices) {
            InvoiceReading reading = reader.read(invoice, "invoice.xml", "PRV-001");
            if (!(reading instanceof InvoiceReading.Accepted)) {
                throw new IllegalStateException("the benchmark invoice was refused: " + reading);
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private Duration intake(List<byte[]> invoices) {
        long start = System.nanoTime();
        for (byte[] invoice : invoices) {
            ResponseEntity<Map> answer = brightwater.post().uri(baseUrl() + "/api/providers/PRV-001/invoices")
                    .contentType(MediaType.APPLICATION_XML).body(invoice).retrieve().toEntity(Map.class);
            if (answer.getStatusCode().value() != 200 || !"PART_ACCEPTED".equals(answer.getBody().get("outcome"))) {
                throw new IllegalStateException("the benchmark invoice was not checked as expected: " + answer);
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /**
     * One invoice per new client with a home care line of 10 hours a week from 1 April 2026: line 1 (20 hours of
     * personal care in April) is that care line's; line 2 (day support, not commissioned from this provider) is held.
     */
    private List<byte[]> invoicesForNewCareLines(int count) throws Exception {
        String example = Files.readString(Path.of("docs/examples/provider-invoice-ubl.xml"));
        List<byte[]> invoices = new ArrayList<>();
        List<CareLine> lines = new ArrayList<>();
        TestEvents events = new TestEvents(reference);
        for (int i = 0; i < count; i++) {
            Client client = TestEvents.client(TestEvents.unique("LAS"));
            publishAndGetJourney(TestEvents.registered(client));
            CareLine line = new CareLine(TestEvents.unique("CPLI"), client.lasPersonId(), "HOMECARE", "PRV-001", "HC-FW26-001",
                    APRIL, null, null, List.of(TestEvents.withUnits(events.element("HOMECARE", "PERSONAL_CARE", APRIL),
                    BigDecimal.TEN)), null);
            publishAndGetJourney(TestEvents.created(line));
            lines.add(line);
            invoices.add(example.replace("BW-2026-0412", TestEvents.unique("BW")).replace("100234", client.lasPersonId())
                    .replace("100871", client.lasPersonId()).getBytes(StandardCharsets.UTF_8));
        }
        await().atMost(Duration.ofMinutes(5)).until(() -> lines.stream().allMatch(l -> cases.careLine(l.cpliId()).isPresent()));
        return invoices;
    }
}
