package org.carehub.cleanse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.carehub.HubTest;
import org.carehub.cases.CareLine;
import org.carehub.cases.CareLineElement;
import org.carehub.cases.Client;
import org.carehub.cases.TestEvents;
import org.carehub.reference.ReferenceData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bulk cleanse of N generated care lines (the sleep-in uplift: each supported living line, held with its sleep-in
 * only, split into day support and sleep-in), dry run then apply, through the whole hub: REST upload, the file read
 * twice, the LAS rules, batches to the ContrOCC simulator over SOAP, the case store. Prints time, lines/s and peak
 * heap; asserts nothing about time. N from {@code carehub.bench.cleanse.lines} (default 20,000). Run in 512 MB:
 * {@code ./mvnw -B -Pbenchmark test -Dtest=BulkCleanseBenchmark -Dcarehub.bench.cleanse.lines=100000}
 */
@Tag("benchmark")
class BulkCleanseBenchmark extends HubTest {

    private static final LocalDate START = LocalDate.of(2026, 4, 6);
    private static final int SEED_BATCH = 2_000;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ReferenceData reference;

    @Autowired
    ObjectMapper json;

    @Test
    void dryRunAndApplyOfGeneratedCareLines() throws Exception {
        int lines = Integer.getInteger("carehub.bench.cleanse.lines", 20_000);
        String prefix = "B" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase() + "-";
        CareLine template = new TestEvents(reference).goodCareLine("X", "SUPPORTED_LIVING", START);
        CareLineElement sleepIn = template.elements().stream().filter(e -> e.elementCode().equals("SLEEP_IN")).findFirst().orElseThrow();
        long seedStart = System.nanoTime();
        seed(prefix, lines, template, sleepIn);
        Path file = Files.createTempFile(dataDir(), "bench-cleanse-", ".csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(String.join(",", CleanseFile.COLUMNS) + "\n");
            for (int i = 0; i < lines; i++) {
                out.write(prefix + i + ",SPLIT,,DAY_SUPPORT,hour,22.80,20,\n");
                out.write(prefix + i + ",SPLIT,,SLEEP_IN,night," + sleepIn.rate().toPlainString() + ",7,\n");
            }
        }
        System.out.printf("bulk cleanse benchmark: %,d care lines (%,d rows, %,d bytes) seeded and written in %.1f s; max heap %d MB%n",
                lines, 2L * lines, Files.size(file), (System.nanoTime() - seedStart) / 1e9, Runtime.getRuntime().maxMemory() >> 20);

        HeapWatch heap = new HeapWatch();
        Map<?, ?> uploaded = as(OPERATOR).post().uri(baseUrl() + "/api/cleanses?fileName=bench.csv")
                .contentType(MediaType.valueOf("text/csv")).body(new FileSystemResource(file)).retrieve().body(Map.class);
        long id = ((Number) uploaded.get("cleanseId")).longValue();
        awaitStatus(id, "DRY_RUN_DONE");
        Phase dryRun = phase(id);
        long dryRunHeap = heap.peakAndReset();
        Map<?, ?> dryRunProgress = progress(id);
        assertThat(dryRunProgress.get("wouldChange")).isEqualTo(lines);

        as(OPERATOR).post().uri(baseUrl() + "/api/cleanses/" + id + "/apply").body(Map.of("checksum", uploaded.get("checksum")))
                .retrieve().toBodilessEntity();
        awaitStatus(id, "APPLIED");
        Phase apply = phase(id);
        long applyHeap = heap.peakAndReset();
        heap.stop();
        assertThat(progress(id).get("applied")).isEqualTo(lines);

        print("dry run", lines, dryRun, dryRunHeap);
        print("apply", lines, apply, applyHeap);
    }

    private static void print(String phase, int lines, Phase timing, long peakHeap) {
        double seconds = timing.duration().toMillis() / 1000.0;
        System.out.printf("bulk cleanse benchmark: %s of %,d lines: %.1f s, %,.0f lines/s, peak heap used %d MB%n",
                phase, lines, seconds, lines / seconds, peakHeap >> 20);
    }

    /** The run's own start and last progress, as the hub recorded them (no polling delay in the figure). */
    private record Phase(Duration duration) {
    }

    private Phase phase(long id) {
        Map<String, Object> row = jdbc.queryForMap("SELECT run_started_at, updated_at FROM cleanse WHERE cleanse_id = ?", id);
        return new Phase(Duration.between(instant(row.get("run_started_at")), instant(row.get("updated_at"))));
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime at ? at.toInstant() : ((Timestamp) value).toInstant();
    }

    private Map<?, ?> progress(long id) {
        return as(VIEWER).get().uri(baseUrl() + "/api/cleanses/" + id).retrieve().body(Map.class);
    }

    private void awaitStatus(long id, String status) {
        await().atMost(Duration.ofHours(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> String.valueOf(progress(id).get("status")), s -> s.equals(status) || s.equals("FAILED"));
        assertThat(progress(id).get("status")).isEqualTo(status);
    }

    /** N clients and their supported living lines (sleep-in only) in the case store and in finance, by batched SQL. */
    private void seed(String prefix, int lines, CareLine template, CareLineElement sleepIn) throws Exception {
        Timestamp now = Timestamp.from(Instant.now());
        for (int from = 0; from < lines; from += SEED_BATCH) {
            List<Object[]> clients = new ArrayList<>();
            List<Object[]> careLines = new ArrayList<>();
            List<Object[]> financeClients = new ArrayList<>();
            List<Object[]> financeLines = new ArrayList<>();
            for (int i = from; i < Math.min(lines, from + SEED_BATCH); i++) {
                String clientId = prefix + "C" + i;
                Client client = TestEvents.client(clientId);
                CareLine line = new CareLine(prefix + i, clientId, template.serviceCode(), template.providerRef(),
                        template.contractRef(), START, null, null, List.of(sleepIn), null);
                clients.add(new Object[] {clientId, 1, client.nhsNumber(), client.forename(), client.surname(),
                        Date.valueOf(client.dateOfBirth()), client.address().postcode(), true, json.writeValueAsString(client), now});
                careLines.add(new Object[] {line.cpliId(), 1, clientId, line.serviceCode(), line.providerRef(),
                        Date.valueOf(START), json.writeValueAsString(line), now});
                financeClients.add(new Object[] {clientId, client.nhsNumber(), client.forename(), client.surname(),
                        Date.valueOf(client.dateOfBirth()), client.address().postcode(), true, now, now});
                financeLines.add(new Object[] {line.cpliId(), 1, clientId, line.providerRef(), line.contractRef(),
                        Date.valueOf(START), now, now});
            }
            jdbc.batchUpdate("INSERT INTO las_client (las_person_id, version, nhs_number, forename, surname, date_of_birth,"
                    + " postcode, chargeable, payload, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", clients);
            jdbc.batchUpdate("INSERT INTO care_line (cpli_id, version, client_id, service_code, provider_ref, start_date,"
                    + " payload, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", careLines);
            jdbc.batchUpdate("INSERT INTO sim_contrOCC_client (person_ref, nhs_number, forename, surname, date_of_birth,"
                    + " postcode, chargeable, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", financeClients);
            jdbc.batchUpdate("INSERT INTO sim_contrOCC_service_line (cpli_id, cpli_version, person_ref, provider_ref,"
                    + " contract_ref, start_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", financeLines);
        }
        jdbc.update("INSERT INTO sim_contrOCC_service_line_element (line_id, element_no, element_type, ledger_code, cost_centre,"
                + " unit, rate, planned_units_per_week) SELECT line_id, 1, 'SL-SLEEP', 'L', 'C', 'night', ?, ? FROM"
                + " sim_contrOCC_service_line WHERE cpli_id LIKE ?", sleepIn.rate(), sleepIn.plannedUnitsPerWeek(), prefix + "%");
    }

    /** Samples heap in use every 50 ms: the highest seen since the last reset. */
    private static final class HeapWatch {
        private final AtomicLong peak = new AtomicLong();
        private final Thread sampler;
        private volatile boolean running = true;

        HeapWatch() {
            sampler = new Thread(() -> {
                while (running) {
                    peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-watch");
            sampler.setDaemon(true);
            sampler.start();
        }

        long peakAndReset() {
            return peak.getAndSet(0);
        }

        void stop() {
            running = false;
        }
    }
}
