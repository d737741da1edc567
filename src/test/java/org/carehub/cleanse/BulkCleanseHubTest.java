package org.carehub.cleanse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.carehub.HubTest;
import org.carehub.cases.CareLine;
import org.carehub.cases.CareLineElement;
import org.carehub.cases.CaseStore;
import org.carehub.cases.CaseStore.Versioned;
import org.carehub.cases.Client;
import org.carehub.cases.RateOverride;
import org.carehub.cases.TestEvents;
import org.carehub.finance.BatchReceipt;
import org.carehub.finance.ContrOCCAdapter;
import org.carehub.finance.contrOCC.ServiceLine;
import org.carehub.finance.contrOCC.ServiceLineElement;
import org.carehub.reference.ReferenceData;
import org.carehub.simulators.contrOCC.ContrOCCSimulator;
import org.carehub.simulators.contrOCC.SimulatedServiceLine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Bulk cleanse end to end: care lines reach finance through the LAS flow, a cleanse file is uploaded over REST, its
 * dry run reports every line (would change / fails, reason, owner team) and changes nothing, apply sends the passing
 * lines to the ContrOCC simulator in a batch and stores the new versions; a batch sent again applies nothing twice.
 */
class BulkCleanseHubTest extends HubTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final LocalDate START = LocalDate.now().minusDays(7);
    private static final String HEADER = String.join(",", CleanseFile.COLUMNS) + "\n";

    @Autowired
    ReferenceData reference;

    @Autowired
    CaseStore cases;

    @Autowired
    ContrOCCSimulator finance;

    @Autowired
    ContrOCCAdapter adapter;

    @Test
    void dryRunReportsEveryLineByOwnerTeamAndChangesNothingThenApplyReachesFinanceOnce() throws Exception {
        TestEvents events = new TestEvents(reference);
        Client client = TestEvents.client(TestEvents.unique("LAS"));
        publishAndGetJourney(TestEvents.registered(client));
        // Ends before the next one starts: ContrOCC refuses two lines buying a sleep-in for the same nights.
        CareLine supportedLiving = TestEvents.withDates(events.goodCareLine(client.lasPersonId(), "SUPPORTED_LIVING", START),
                START, START.plusDays(100));
        CareLine homecare = events.goodCareLine(client.lasPersonId(), "HOMECARE", START);
        CareLineElement sleepIn = events.element("SUPPORTED_LIVING", "SLEEP_IN", START);
        // A sleep-in at a rate a social worker typed in, authorised: the cleanse moves it to the framework rate.
        CareLine overridden = TestEvents.withElements(events.goodCareLine(client.lasPersonId(), "SUPPORTED_LIVING",
                START.plusDays(200)), List.of(TestEvents.withRate(sleepIn, new BigDecimal("130.00"),
                new RateOverride("A. Manager", "Provider's own rate agreed in 2024", START))));
        CareLine notOnCard = events.goodCareLine(client.lasPersonId(), "DAY_CARE", START);
        for (CareLine line : List.of(supportedLiving, homecare, overridden, notOnCard)) {
            publishAndGetJourney(TestEvents.created(line));
        }
        await().atMost(WAIT).until(() -> List.of(supportedLiving, homecare, overridden, notOnCard).stream()
                .allMatch(line -> finance.countServiceLinesForCpli(line.cpliId()) == 1));

        String dayCareElement = notOnCard.elements().get(0).elementCode();
        String file = HEADER
                + supportedLiving.cpliId() + ",SPLIT,,DAY_SUPPORT,hour,22.80,30,\n"                          // 2 would change
                + supportedLiving.cpliId() + ",SPLIT,,SLEEP_IN,night,118.50,7,\n"                            // 3
                + homecare.cpliId() + ",END," + START.plusDays(30) + ",,,,,Moved to residential care\n"       // 4 would change
                + overridden.cpliId() + ",MOVE_TO_RATE," + START.plusDays(200) + ",SLEEP_IN,,118.50,,\n"       // 5 would change
                + notOnCard.cpliId() + ",MOVE_TO_RATE," + START + "," + dayCareElement + ",,99.99,,\n"         // 6 rate card
                + "CPLI-NOT-IN-LAS,END," + START + ",,,,,Ended\n"                                              // 7 unknown
                + "CPLI-TYPO,END,31/12/2026,,,,,Ended\n"                                                       // 8 bad date
                + homecare.cpliId() + ",END," + START.minusDays(1) + ",,,,,Ended\n";                           // 9 again

        ResponseEntity<Map> uploaded = as(OPERATOR).post().uri(baseUrl() + "/api/cleanses?fileName=sleep-in-uplift.csv")
                .contentType(MediaType.valueOf("text/csv")).body(file).retrieve().toEntity(Map.class);
        assertThat(uploaded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long id = ((Number) uploaded.getBody().get("cleanseId")).longValue();
        String checksum = (String) uploaded.getBody().get("checksum");
        awaitStatus(id, "DRY_RUN_DONE");

        Map<String, String> outcomeByRow = reportRows(id).stream()
                .collect(Collectors.toMap(r -> r.get("row"), r -> r.get("outcome") + " " + r.get("reason_code") + " " + r.get("owner_team")));
        assertThat(outcomeByRow).containsExactlyInAnyOrderEntriesOf(Map.of(
                "2", "would-change  ",
                "4", "would-change  ",
                "5", "would-change  ",
                "6", "fails RATE_NOT_ON_RATE_CARD CARE_NAVIGATION",
                "7", "fails CLEANSE_CARE_LINE_UNKNOWN CARE_NAVIGATION",
                "8", "fails CLEANSE_BAD_DATE CARE_NAVIGATION",
                "9", "fails CLEANSE_ROWS_NOT_CONSECUTIVE CARE_NAVIGATION"));
        CSVRecord badDate = reportRows(id).stream().filter(r -> r.get("row").equals("8")).findFirst().orElseThrow();
        assertThat(badDate.get("field")).isEqualTo("effective_date");
        assertThat(badDate.get("explanation")).contains("Row 8").contains("31/12/2026");

        Map<?, ?> summary = as(VIEWER).get().uri(baseUrl() + "/api/cleanses/" + id + "/summary").retrieve().body(Map.class);
        assertThat((Map<String, Object>) summary.get("outcomes")).containsEntry("WOULD_CHANGE", 3).containsEntry("FAILS", 4);
        assertThat((List<Map<String, Object>>) summary.get("byOwnerTeam")).singleElement().satisfies(team -> {
            assertThat(team).containsEntry("ownerTeam", "CARE_NAVIGATION").containsEntry("lines", 4);
            assertThat((Map<String, Object>) team.get("reasons")).containsEntry("RATE_NOT_ON_RATE_CARD", 1)
                    .containsEntry("CLEANSE_BAD_DATE", 1);
        });
        // A dry run changes nothing: neither the case store nor finance.
        assertThat(cases.careLine(supportedLiving.cpliId()).orElseThrow().version()).isEqualTo(1);
        assertThat(financeLine(homecare.cpliId()).getEndDate()).isNull();

        ResponseEntity<Map> wrongFile = as(OPERATOR).post().uri(baseUrl() + "/api/cleanses/" + id + "/apply")
                .body(Map.of("checksum", "0".repeat(64))).retrieve().toEntity(Map.class);
        assertThat(wrongFile.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        ResponseEntity<Map> byViewer = as(VIEWER).post().uri(baseUrl() + "/api/cleanses/" + id + "/apply")
                .body(Map.of("checksum", checksum)).retrieve().toEntity(Map.class);
        assertThat(byViewer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> applied = as(OPERATOR).post().uri(baseUrl() + "/api/cleanses/" + id + "/apply")
                .body(Map.of("checksum", checksum)).retrieve().toEntity(Map.class);
        assertThat(applied.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        awaitStatus(id, "APPLIED");

        Map<String, Object> progress = as(VIEWER).get().uri(baseUrl() + "/api/cleanses/" + id).retrieve().body(Map.class);
        assertThat(progress).containsEntry("applied", 3).containsEntry("rejectedByFinance", 0)
                .containsEntry("linesDone", 7).containsEntry("linesTotal", 7);
        ServiceLine split = financeLine(supportedLiving.cpliId());
        assertThat(split.getCpliVersion()).isEqualTo(2);
        assertThat(split.getElements()).extracting(ServiceLineElement::getPlannedUnitsPerWeek)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("30"), new BigDecimal("7"));
        assertThat(financeLine(homecare.cpliId()).getEndDate()).isEqualTo(START.plusDays(30));
        assertThat(financeLine(overridden.cpliId()).getElements()).singleElement()
                .satisfies(e -> assertThat(e.getRate()).isEqualByComparingTo("118.50"));
        assertThat(financeLine(notOnCard.cpliId()).getCpliVersion()).isEqualTo(1);
        Versioned<CareLine> stored = cases.careLine(homecare.cpliId()).orElseThrow();
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.value().endReason()).isEqualTo("Moved to residential care");

        // The batch sent again (as after a crash between finance and the hub's record): finance applies nothing twice.
        List<Versioned<CareLine>> batch = List.of(supportedLiving, homecare, overridden).stream()
                .map(line -> cases.careLine(line.cpliId()).orElseThrow()).toList();
        BatchReceipt again = adapter.importServiceLines("cleanse-" + id + "/1", batch);
        assertThat(again.alreadyDone()).isTrue();
        assertThat(again.rejected()).isEmpty();
        assertThat(finance.serviceLines(homecare.cpliId())).singleElement()
                .satisfies(line -> assertThat(line.line().getCpliVersion()).isEqualTo(2));

        String[] jmx = (String[]) ManagementFactory.getPlatformMBeanServer().getAttribute(hubMBean("BulkCleanse"), "Cleanses");
        assertThat(jmx).anySatisfy(line -> assertThat(line).startsWith("cleanse " + id + " (sleep-in-uplift.csv) APPLIED: 7/7"));
    }

    @Test
    void aFileWithoutTheColumnsFailsWithTheReasonAndIsKept() {
        ResponseEntity<Map> uploaded = as(OPERATOR).post().uri(baseUrl() + "/api/cleanses?fileName=wrong.csv")
                .contentType(MediaType.valueOf("text/csv")).body("cpli,what\nCPLI-1,END\n").retrieve().toEntity(Map.class);
        long id = ((Number) uploaded.getBody().get("cleanseId")).longValue();

        awaitStatus(id, "FAILED");
        Map<String, Object> progress = as(VIEWER).get().uri(baseUrl() + "/api/cleanses/" + id).retrieve().body(Map.class);
        assertThat(progress.get("reasonCode")).isEqualTo("CLEANSE_MISSING_COLUMN");
        assertThat((String) progress.get("explanation")).contains("wrong.csv").contains("cpli_id");
        assertThat(dataDir().resolve("cleanse").resolve(String.valueOf(id)).resolve("upload.csv")).hasContent("cpli,what\nCPLI-1,END\n");
    }

    @Test
    void aViewerCannotUpload() {
        ResponseEntity<String> refused = as(VIEWER).post().uri(baseUrl() + "/api/cleanses")
                .contentType(MediaType.valueOf("text/csv")).body(HEADER).retrieve().toEntity(String.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private void awaitStatus(long id, String status) {
        await().atMost(WAIT).until(() -> as(VIEWER).get().uri(baseUrl() + "/api/cleanses/" + id).retrieve().body(Map.class)
                .get("status"), status::equals);
    }

    private List<CSVRecord> reportRows(long id) throws Exception {
        String report = as(VIEWER).get().uri(baseUrl() + "/api/cleanses/" + id + "/report.csv").retrieve().body(String.class);
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(report)).getRecords();
    }

    private ServiceLine financeLine(String cpliId) {
        List<SimulatedServiceLine> held = finance.serviceLines(cpliId);
        assertThat(held).hasSize(1);
        return held.get(0).line();
    }
}
