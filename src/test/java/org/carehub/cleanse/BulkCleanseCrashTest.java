package org.carehub.cleanse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.carehub.HubProcess;
import org.carehub.HubTest;
import org.carehub.StandaloneHub;
import org.carehub.cases.CareLine;
import org.carehub.cases.Client;
import org.carehub.cases.LasEvent;
import org.carehub.cases.TestEvents;
import org.carehub.reference.MappingsLoader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * A hub is killed (kill -9) while applying a cleanse, after some batches reached finance; a hub started again on the
 * same data resumes the cleanse once the dead hub's lease lapses: every care line is restated in finance exactly once
 * (version 2, none refused as a repeat), whatever batch was in flight when the hub died.
 */
@Tag(StandaloneHub.TAG)
class BulkCleanseCrashTest {

    private static final int CLIENTS = 8;
    private static final int LINES_PER_CLIENT = 5;
    private static final List<String> SETTINGS = List.of("--carehub.cleanse.batch-size=4");

    /** Kept under target/ after the run, hub logs and all, for a look at what happened. */
    private final Path dataDir = HubTest.newTestDir("cleanse-crash-");

    private final RestClient http = RestClient.create();
    private final RestClient las = HubTest.as(HubTest.LAS);
    private final RestClient operator = HubTest.as(HubTest.OPERATOR);

    @Test
    void killedMidApplyAndRestartedEveryLineIsRestatedInFinanceExactlyOnce() throws Exception {
        List<CareLine> lines = new ArrayList<>();
        long id;
        try (HubProcess first = HubProcess.start("cleanse-crash-1", dataDir.resolve("hub"), SETTINGS)) {
            String base = first.baseUrl();
            TestEvents events = new TestEvents(new MappingsLoader(Path.of("mappings")).load());
            for (int c = 0; c < CLIENTS; c++) {
                Client client = TestEvents.client(TestEvents.unique("LAS"));
                publish(base, TestEvents.registered(client));
                for (int l = 0; l < LINES_PER_CLIENT; l++) {
                    LocalDate start = LocalDate.now().minusDays(60).plusDays(l * 7L);
                    CareLine line = TestEvents.withDates(events.goodCareLine(client.lasPersonId(), "HOMECARE", start),
                            start, start.plusDays(6));
                    lines.add(line);
                    publish(base, TestEvents.created(line));
                }
            }
            first.await("every care line in finance at version 1", Duration.ofSeconds(120),
                    () -> lines.stream().allMatch(l -> financeVersions(base, l).equals(List.of(1))));

            StringBuilder file = new StringBuilder(String.join(",", CleanseFile.COLUMNS)).append('\n');
            lines.forEach(l -> file.append(l.cpliId()).append(",END,").append(l.startDate().plusDays(3))
                    .append(",,,,,Service reviewed\n"));
            Map<?, ?> uploaded = operator.post().uri(base + "/api/cleanses?fileName=end-lines.csv")
                    .contentType(MediaType.valueOf("text/csv")).body(file.toString()).retrieve().body(Map.class);
            id = ((Number) uploaded.get("cleanseId")).longValue();
            first.await("the dry run done", Duration.ofSeconds(60), () -> "DRY_RUN_DONE".equals(progress(base, id).get("status")));

            // Finance answers slowly, so the hub dies with batches still to send (and likely one in flight).
            http.post().uri(base + "/simulators/contrOCC/delay").body(Map.of("millis", 400)).retrieve().toBodilessEntity();
            operator.post().uri(base + "/api/cleanses/" + id + "/apply").body(Map.of("checksum", uploaded.get("checksum")))
                    .retrieve().toBodilessEntity();
            first.await("8 lines applied", Duration.ofSeconds(60), () -> ((Number) progress(base, id).get("applied")).intValue() >= 8);
            first.kill();
        }

        try (HubProcess second = HubProcess.start("cleanse-crash-2", dataDir.resolve("hub"), SETTINGS)) {
            String base = second.baseUrl();
            Map<?, ?> resumedFrom = progress(base, id);
            assertThat(resumedFrom.get("status")).isEqualTo("APPLY_REQUESTED");
            assertThat(((Number) resumedFrom.get("applied")).intValue()).isLessThan(lines.size());

            second.await("the cleanse applied", Duration.ofSeconds(120), () -> "APPLIED".equals(progress(base, id).get("status")));
            Map<?, ?> done = progress(base, id);
            assertThat(done.get("applied")).isEqualTo(lines.size());
            assertThat(done.get("rejectedByFinance")).isEqualTo(0);
            for (CareLine line : lines) {
                assertThat(financeVersions(base, line)).as("finance's versions of %s", line.cpliId()).containsExactly(2);
            }
        }
    }

    private void publish(String base, LasEvent event) {
        las.post().uri(base + "/api/las/events").body(event).retrieve().toBodilessEntity();
    }

    private Map<?, ?> progress(String base, long id) {
        return HubTest.as(HubTest.VIEWER).get().uri(base + "/api/cleanses/" + id).retrieve().body(Map.class);
    }

    private List<Integer> financeVersions(String base, CareLine line) {
        List<Map<String, Map<String, Object>>> held = http.get().uri(base + "/simulators/contrOCC/service-lines?cpliId="
                + line.cpliId()).retrieve().body(List.class);
        return held.stream().map(h -> ((Number) h.get("line").get("cpliVersion")).intValue()).toList();
    }
}
